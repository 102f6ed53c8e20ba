/*
 * test_ui_settings.c - the settings file: the parser (round trip; every
 * damaged or hostile file rejected whole with a message of our own words),
 * the column names, and reading / replacing the file on disk (a FIFO or a
 * directory in its place, a huge file, an unwritable directory).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ui/columns.h"
#include "ui/settings_file.h"

static const char full[] =
    "# a comment\n"
    "sort_key=CPU%\n"
    "sort_direction = descending\n"
    "tree_view=0\n"
    "flat_threads=1\n"
    "theme=mono\n"
    "delay=2.5\n"
    "columns=PID/TID NI PRI TIME+ COMMAND\n"
    "side_pane=hidden\n"
    "kernel_threads=0\n"
    "header_meters=0\n";

static void test_parse_every_setting(void **state)
{
	struct settings s;
	char err[128];

	(void)state;
	assert_int_equal(settings_parse(full, strlen(full), &s, err, sizeof err), 0);
	assert_string_equal(s.sort, "CPU%");
	assert_true(s.descending);
	assert_false(s.tree);
	assert_true(s.flat_threads);
	assert_string_equal(s.theme, "mono");
	assert_true(s.delay > 2.4999 && s.delay < 2.5001);
	assert_int_equal(s.ncolumns, 5);
	assert_string_equal(s.columns[3], "TIME+");
	assert_int_equal(s.side_pane, SETTINGS_SIDE_HIDDEN);
	assert_false(s.kernel_threads);
	assert_false(s.meters);
	assert_int_equal(s.has, 0x3ff);
}

/* format(parse(x)) parses to the same settings and formats the same. */
static void test_round_trip(void **state)
{
	struct settings s, t;
	struct buf a, b;
	char err[128];

	(void)state;
	buf_init(&a);
	buf_init(&b);
	assert_int_equal(settings_parse(full, strlen(full), &s, err, sizeof err), 0);
	settings_format(&s, &a);
	assert_int_equal(settings_parse(a.data, a.len, &t, err, sizeof err), 0);
	settings_format(&t, &b);
	assert_string_equal(a.data, b.data);
	assert_memory_equal(&s, &t, sizeof s);
	assert_non_null(strstr(a.data, "delay=2.500\n"));
	buf_free(&a);
	buf_free(&b);
}

/* Another version's keys are left alone, not a reason to refuse. */
static void test_unknown_key_ignored(void **state)
{
	struct settings s;
	char err[128];
	const char text[] = "future_key=whatever it is\nsort_key=PID\n";

	(void)state;
	assert_int_equal(settings_parse(text, strlen(text), &s, err, sizeof err), 0);
	assert_int_equal(s.has, SETTINGS_HAS_SORT);
}

/* A setting changed in the run replaces its line; comments, another
 * version's keys and settings not changed stay as the user wrote them. */
static void test_update_keeps_the_users_lines(void **state)
{
	const char old[] = "# my comment\n"
	    "sort_key = CPU%\n"
	    "\n"
	    "future_key=whatever it is\n"
	    "tree_view=yes\n"
	    "sort_key=TIME+\n";
	struct settings s = { .has = SETTINGS_HAS_SORT | SETTINGS_HAS_COLUMNS,
	    .sort = "PID", .ncolumns = 2, .columns = { "PID/TID", "S" } };
	struct buf out;

	(void)state;
	buf_init(&out);
	settings_update(old, strlen(old), &s, &out);
	assert_string_equal(out.data, "# my comment\n"
	    "sort_key=PID\n"
	    "\n"
	    "future_key=whatever it is\n"
	    "tree_view=yes\n"
	    "sort_key=PID\n"
	    "columns=PID/TID S\n");
	/* a last line without its newline gets one before what is added */
	settings_update("# x", 3, &s, &out);
	assert_string_equal(out.data, "# x\nsort_key=PID\ncolumns=PID/TID S\n");
	/* no file yet: the whole file, with its first comment */
	settings_update("", 0, &s, &out);
	assert_string_equal(out.data, "# tasktop settings, written when tasktop "
	    "quits (see tasktop(1), FILES)\nsort_key=PID\ncolumns=PID/TID S\n");
	buf_free(&out);
}

/* Nothing to change: the same bytes, so the file is not rewritten. */
static void test_update_unchanged_is_the_same_text(void **state)
{
	const char old[] = "# mine\nsort_direction =  descending\r\n"
	    "delay=2.5\ntree_view=yes";
	struct settings s = { .has = SETTINGS_HAS_DIRECTION |
	    SETTINGS_HAS_DELAY | SETTINGS_HAS_TREE, .descending = true,
	    .delay = 2.5, .tree = true };
	struct buf out;

	(void)state;
	buf_init(&out);
	settings_update(old, strlen(old), &s, &out);
	assert_int_equal(out.len, strlen(old));
	assert_memory_equal(out.data, old, out.len);
	buf_free(&out);
}

static void test_changed_bits(void **state)
{
	struct settings a = { .has = SETTINGS_HAS_SORT | SETTINGS_HAS_TREE |
	    SETTINGS_HAS_DELAY, .sort = "PID", .tree = true, .delay = 1.0 };
	struct settings b = a;

	(void)state;
	assert_int_equal(settings_changed(&a, &b), 0);
	strcpy(b.sort, "CPU%");
	b.delay = 1.0001;	/* the same to the millisecond: the same line */
	b.has |= SETTINGS_HAS_KERNEL;
	assert_int_equal(settings_changed(&a, &b),
	    SETTINGS_HAS_SORT | SETTINGS_HAS_KERNEL);
}

static void assert_damaged(const char *text, size_t len, const char *want)
{
	struct settings s;
	char err[128];

	memset(&s, 0x5a, sizeof s);
	assert_int_equal(settings_parse(text, len, &s, err, sizeof err), -1);
	assert_string_equal(err, want);
	assert_int_equal(s.has, 0);
	for (const char *c = err; *c; c++)
		assert_true(*c >= 0x20 && *c < 0x7f);
}

static void test_damaged_files(void **state)
{
	static char huge[SETTINGS_FILE_MAX + 10];
	char line[SETTINGS_LINE_MAX + 20];
	const char bin[] = "sort_key=PID\n\x7f" "ELF\x01\x02\x00\xff\xfe";

	(void)state;
	assert_damaged(bin, sizeof bin - 1, "line 2: not text (a control byte "
	    "or a byte above 0x7e)");
	assert_damaged("theme=\x1b]0;pwn\x07\n", 14, "line 1: not text (a "
	    "control byte or a byte above 0x7e)");
	assert_damaged("tree_view=1\ncolumns=\x1b[2J\n", 24, "line 2: not "
	    "text (a control byte or a byte above 0x7e)");
	assert_damaged("sort_key=\xc3\xa9\n", 12, "line 1: not text (a control "
	    "byte or a byte above 0x7e)");
	memset(line, 'a', sizeof line);
	memcpy(line, "theme=", 6);
	assert_damaged(line, sizeof line, "line 1: longer than the longest "
	    "setting");
	memset(huge, '#', sizeof huge);
	assert_damaged(huge, sizeof huge, "larger than 64 KiB");
	assert_damaged("just words\n", 11, "line 1: not \"name = value\"");
	assert_damaged("Sort Key=PID\n", 13, "line 1: not a setting's name");
	assert_damaged("delay=0\n", 8, "line 1: a value out of range");
	assert_damaged("delay=-1\n", 9, "line 1: a value out of range");
	assert_damaged("delay=1e3\n", 10, "line 1: a value out of range");
	assert_damaged("delay=99999\n", 12, "line 1: a value out of range");
	assert_damaged("tree_view=maybe\n", 16, "line 1: a value out of range");
	assert_damaged("sort_direction=up\n", 18, "line 1: a value out of range");
	assert_damaged("side_pane=1\n", 12, "line 1: a value out of range");
	assert_damaged("theme=../../etc/passwd x\n", 25, "line 1: a value out "
	    "of range");
	assert_damaged("theme=../../etc/passwd\n", 23, "line 1: a value out "
	    "of range");
	assert_damaged("columns=\n", 9, "line 1: a value out of range");
	assert_damaged("columns=A B C D E F G H I J K L M N O P Q R S T U V W "
	    "X Y Z 1 2 3 4 5 6 7\n", 74, "line 1: a value out of range");
	assert_damaged("sort_key=ABCDEFGHIJKLMNOPQRSTUVWXYZ\n", 36, "line 1: a "
	    "value out of range");
}

static void test_column_names(void **state)
{
	struct settings s = { .ncolumns = 5 };
	enum column chosen[COL_COUNT];
	size_t n;

	(void)state;
	strcpy(s.columns[0], "NI");
	strcpy(s.columns[1], "FUTURE");	/* a newer version's: left out */
	strcpy(s.columns[2], "PID/TID");
	strcpy(s.columns[3], "NI");		/* twice: once */
	strcpy(s.columns[4], "COMMAND");	/* always there anyway */
	n = columns_from_names(chosen, &s);
	assert_int_equal(n, 2);
	assert_int_equal(chosen[0], COL_NICE);
	assert_int_equal(chosen[1], COL_ID);
	columns_to_names(chosen, n, &s);
	assert_int_equal(s.ncolumns, 2);
	assert_string_equal(s.columns[0], "NI");
	/* nothing known: the defaults */
	strcpy(s.columns[0], "X");
	s.ncolumns = 1;
	assert_int_equal(columns_from_names(chosen, &s), columns_ndefault);
	assert_int_equal(chosen[0], COL_ID);
}

/* ---- on disk ---------------------------------------------------------- */

static char dir[PATH_MAX / 2];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s/tasktop-settings-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_save_then_load(void **state)
{
	char path[PATH_MAX], err[512];
	struct settings s, t;
	struct stat st;

	(void)state;
	/* the directories above it are made, private */
	snprintf(path, sizeof path, "%s/x/tasktop/tasktoprc", dir);
	assert_int_equal(settings_parse(full, strlen(full), &s, err, sizeof err), 0);
	assert_int_equal(settings_save(path, &s, err, sizeof err), 0);
	assert_int_equal(settings_load(path, &t, err, sizeof err), 0);
	assert_memory_equal(&s, &t, sizeof s);
	snprintf(path, sizeof path, "%s/x/tasktop", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* no temporary file left beside it */
	snprintf(path, sizeof path, "ls %s/x/tasktop | grep -v -x tasktoprc", dir);
	assert_int_not_equal(system(path), 0);
}

static void test_missing_file_is_the_defaults(void **state)
{
	char path[PATH_MAX], err[512] = "";
	struct settings s;

	(void)state;
	snprintf(path, sizeof path, "%s/none/tasktoprc", dir);
	assert_int_equal(settings_load(path, &s, err, sizeof err), 0);
	assert_int_equal(s.has, 0);
	assert_string_equal(err, "");
}

/* A FIFO would block a plain read, a directory never reads: refused at
 * once, named, the defaults. */
static void test_not_a_regular_file(void **state)
{
	char path[PATH_MAX], err[512], want[PATH_MAX + 64];
	struct settings s;

	(void)state;
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(settings_load(path, &s, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: not a regular file; using the "
	    "defaults", path);
	assert_string_equal(err, want);
	snprintf(path, sizeof path, "%s", dir);
	assert_int_equal(settings_load(path, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a regular file"));
	assert_int_equal(settings_load("/dev/zero", &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a regular file"));
}

static void test_huge_file(void **state)
{
	char path[PATH_MAX], err[512];
	struct settings s;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/huge", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 100000; i++)
		fputs("#########\n", f);
	fclose(f);
	assert_int_equal(settings_load(path, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "larger than 64 KiB; using the defaults"));
}

static void write_text(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void assert_file_is(const char *path, const char *want)
{
	char text[1024];
	size_t len = 0;

	assert_int_equal(ui_read_regular_file(path, text, sizeof text, &len), 0);
	text[len] = '\0';
	assert_string_equal(text, want);
}

/* A tasktoprc kept with the dotfiles (stow, home-manager): a symbolic link,
 * relative here.  The save goes to the link's target, atomically there,
 * keeps its comment and mode, and leaves the link a link. */
static void test_save_through_a_link(void **state)
{
	char rc[PATH_MAX], target[PATH_MAX], cmd[PATH_MAX * 2];
	struct settings s = { .has = SETTINGS_HAS_SORT, .sort = "PID" };
	char err[512];
	struct stat st;

	(void)state;
	snprintf(target, sizeof target, "%s/dotfiles", dir);
	assert_int_equal(mkdir(target, 0700), 0);
	snprintf(target, sizeof target, "%s/dotfiles/rc", dir);
	write_text(target, "# my comment\nsort_key=CPU%\n", 0644);
	snprintf(rc, sizeof rc, "%s/linked", dir);
	assert_int_equal(mkdir(rc, 0700), 0);
	snprintf(rc, sizeof rc, "%s/linked/tasktoprc", dir);
	assert_int_equal(symlink("../dotfiles/rc", rc), 0);
	assert_int_equal(settings_save(rc, &s, err, sizeof err), 0);
	assert_int_equal(lstat(rc, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_file_is(target, "# my comment\nsort_key=PID\n");
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	/* no temporary file left, beside the link or the target */
	snprintf(cmd, sizeof cmd, "ls %s/dotfiles %s/linked | "
	    "grep -v -x -e rc -e tasktoprc -e '' -e '.*:'", dir, dir);
	assert_int_not_equal(system(cmd), 0);
}

/* Saving what the file already says writes nothing: the same inode, the
 * same bytes (a comment and the user's spelling included). */
static void test_save_unchanged_writes_nothing(void **state)
{
	const char text[] = "# keep me\nsort_key = CPU%\n";
	struct settings s = { .has = SETTINGS_HAS_SORT, .sort = "CPU%" };
	char rc[PATH_MAX], err[512];
	struct stat before, after;

	(void)state;
	snprintf(rc, sizeof rc, "%s/same", dir);
	write_text(rc, text, 0600);
	assert_int_equal(stat(rc, &before), 0);
	assert_int_equal(settings_save(rc, &s, err, sizeof err), 0);
	assert_int_equal(stat(rc, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	assert_file_is(rc, text);
}

/* Damaged while tasktop ran (an editor, by hand): not written over. */
static void test_save_keeps_a_file_damaged_since(void **state)
{
	struct settings s = { .has = SETTINGS_HAS_SORT, .sort = "PID" };
	char rc[PATH_MAX], err[512];

	(void)state;
	snprintf(rc, sizeof rc, "%s/damaged", dir);
	write_text(rc, "sort_key=CPU%\ndelay=0\n", 0600);
	assert_int_equal(settings_save(rc, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "line 2: a value out of range"));
	assert_non_null(strstr(err, "the file is left as it was"));
	assert_file_is(rc, "sort_key=CPU%\ndelay=0\n");
}

/* A save that cannot be made keeps the old file and says why. */
static void test_save_refused(void **state)
{
	char path[PATH_MAX], err[512];
	struct settings s = { .has = SETTINGS_HAS_SORT, .sort = "PID" };

	(void)state;
	snprintf(path, sizeof path, "%s/file", dir);
	assert_int_equal(close(open(path, O_CREAT | O_WRONLY, 0600)), 0);
	snprintf(path, sizeof path, "%s/file/tasktop/tasktoprc", dir);
	assert_int_equal(settings_save(path, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "settings not saved: "));
	assert_non_null(strstr(err, strerror(ENOTDIR)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_every_setting),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_unknown_key_ignored),
		cmocka_unit_test(test_update_keeps_the_users_lines),
		cmocka_unit_test(test_update_unchanged_is_the_same_text),
		cmocka_unit_test(test_changed_bits),
		cmocka_unit_test(test_damaged_files),
		cmocka_unit_test(test_column_names),
		cmocka_unit_test(test_save_then_load),
		cmocka_unit_test(test_missing_file_is_the_defaults),
		cmocka_unit_test(test_not_a_regular_file),
		cmocka_unit_test(test_huge_file),
		cmocka_unit_test(test_save_through_a_link),
		cmocka_unit_test(test_save_unchanged_writes_nothing),
		cmocka_unit_test(test_save_keeps_a_file_damaged_since),
		cmocka_unit_test(test_save_refused),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
