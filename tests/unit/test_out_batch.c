/* test_out_batch.c - -b output: header, columns, tree, namespace marks,
 * "-" for what could not be read, and no raw control byte ever. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_out_fixture.h"
#include "tasktop/out.h"

struct batch_case {
	char		*root;
	struct snapshot	 s;
	struct view	 view;
	struct buf	 out;
};

static int case_setup(void **state)
{
	struct batch_case *c = calloc(1, sizeof *c);
	c->root = out_fixture_netns_tree();
	view_init(&c->view);
	buf_init(&c->out);
	*state = c;
	return 0;
}

static int case_teardown(void **state)
{
	struct batch_case *c = *state;
	out_fixture_free(&c->s);
	view_free(&c->view);
	buf_free(&c->out);
	fixture_remove(c->root);
	free(c);
	setlocale(LC_ALL, "C");
	return 0;
}

/* Refresh the case's tree once and write it; returns the text. */
static const char *render(struct batch_case *c, bool threads)
{
	const struct out_opts o = { .threads = threads };
	out_fixture_snapshot(&c->s, c->root);
	buf_reset(&c->out);
	out_batch_write(&c->out, &c->s, &c->view, &o);
	return c->out.data;
}

/* The first row whose id column holds id (with -H the process row comes
 * before its leader's thread row), as a copy. */
static char *row_of(const char *text, int id)
{
	char key[16];
	snprintf(key, sizeof key, "\n%7d", id);
	const char *row = strstr(text, key);
	assert_non_null(row);
	row++;
	const char *end = strchr(row, '\n');
	assert_non_null(end);
	return strndup(row, (size_t)(end - row));
}

static size_t count_lines(const char *text)
{
	size_t n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

static void assert_row_has(const char *text, int id, const char *needle)
{
	char *row = row_of(text, id);
	if (strstr(row, needle) == NULL)
		fail_msg("row %d lacks '%s': '%s'", id, needle, row);
	free(row);
}

static void assert_row_lacks(const char *text, int id, const char *needle)
{
	char *row = row_of(text, id);
	if (strstr(row, needle) != NULL)
		fail_msg("row %d has '%s': '%s'", id, needle, row);
	free(row);
}

static void test_header_line(void **state)
{
	char clock[16], expect[128];
	time_t when = (time_t)OUT_FIXTURE_WALL;
	struct tm tm;
	const char *text = render(*state, false);

	localtime_r(&when, &tm);
	strftime(clock, sizeof clock, "%H:%M:%S", &tm);
	snprintf(expect, sizeof expect, "tasktop - %s, 2 processes, 4 threads, "
	    "load average: 0.50, 0.25, 0.10\n", clock);
	assert_true(strncmp(text, expect, strlen(expect)) == 0);
}

static void test_header_without_loadavg(void **state)
{
	struct batch_case *c = *state;
	out_fixture_unlink(c->root, "loadavg");
	const char *text = render(c, false);
	const char *eol = strchr(text, '\n');
	const char *na = ", load average: n/a";
	assert_true(eol - text > (long)strlen(na));
	assert_true(strncmp(eol - strlen(na), na, strlen(na)) == 0);
}

static void test_title_line(void **state)
{
	const char *text = render(*state, false);
	const char *title = strchr(text, '\n') + 1;
	const char *expect = "    PID  USER     S  CPU%    RES  THR WCHAN"
	    "            NAME\n";
	assert_true(strncmp(title, expect, strlen(expect)) == 0);
}

static void test_no_thread_rows_without_H(void **state)
{
	const char *text = render(*state, false);
	assert_int_equal(count_lines(text), 2 + 2);
	assert_null(strchr(text, '{'));
	assert_null(strstr(text, "\n    101"));
}

static void test_thread_rows_with_H(void **state)
{
	const char *text = render(*state, true);
	assert_row_has(text, 101, "{worker}");
	assert_row_has(text, 102, "{netns}");
	assert_row_has(text, 200, "child");
	/* the leaders have thread rows too: 100, 101, 102 and 200 */
	assert_int_equal(count_lines(text), 2 + 2 + 4);
	assert_non_null(strstr(text, "\n    200           S     -  "));
}

/* The headline: exactly the thread in another netns and its process. */
static void test_netns_mark_exact(void **state)
{
	const char *text = render(*state, true);
	assert_row_has(text, 102, "    102!");
	assert_row_has(text, 102, "{netns} [netns]");
	assert_row_lacks(text, 101, "!");
	assert_row_lacks(text, 101, "[netns]");
	assert_row_has(text, 100, "    100!");
	assert_row_lacks(text, 200, "!");
	assert_row_lacks(text, 200, "*");
}

/* Collapsed (no -H), the process row still says a thread differs. */
static void test_netns_mark_on_collapsed_process(void **state)
{
	const char *text = render(*state, false);
	assert_row_has(text, 100, "    100!");
	assert_row_lacks(text, 200, "!");
}

static void test_other_ns_type_mark(void **state)
{
	struct batch_case *c = *state;
	out_fixture_ns(c->root, 200, 200, NS_UTS, 4026532999ULL);
	static const struct out_fixture_task t = { 201, "helper", 'S', 0,
	    "do_wait", NULL, NULL };
	out_fixture_thread(c->root, 200, 100, &t);
	out_fixture_ns(c->root, 200, 201, NS_UTS, 4026532999ULL);
	out_fixture_ns(c->root, 200, 201, NS_IPC, 4026532998ULL);
	const char *text = render(c, true);
	assert_row_has(text, 201, "    201*");
	assert_row_has(text, 201, "{helper} [ipc]");
	assert_row_lacks(text, 201, "[netns]");
	assert_row_has(text, 200, "    200*");
}

static void test_cpu_dash_before_two_samples(void **state)
{
	const char *text = render(*state, true);
	assert_row_has(text, 100, " root     S     - ");
	assert_row_has(text, 101, " R     - ");
}

static void test_cpu_after_two_samples(void **state)
{
	struct batch_case *c = *state;
	const struct out_opts o = { .threads = true };
	static const struct out_fixture_task busy = { 101, "worker", 'R', 70,
	    "0", "running\n", "" };

	out_fixture_snapshot(&c->s, c->root);
	out_fixture_thread(c->root, 100, 1, &busy);
	out_fixture_refresh(&c->s, 2.0, OUT_FIXTURE_WALL + 1);
	out_batch_write(&c->out, &c->s, &c->view, &o);
	char expect[32];
	snprintf(expect, sizeof expect, " R %5.1f ",
	    cpu_percent(500000000, 1.0));
	assert_row_has(c->out.data, 101, expect);
	assert_row_has(c->out.data, 102, " S   0.0 ");
}

static void test_unreadable_wchan_is_dash(void **state)
{
	struct batch_case *c = *state;
	out_fixture_unlink(c->root, "100/task/102/wchan");
	const char *text = render(c, true);
	assert_row_has(text, 102, " - ");
	assert_row_lacks(text, 102, "inet_csk_accept");
	assert_row_has(text, 100, "do_sys_poll");
}

/* "0" is the kernel's word for not waiting: no channel, like ps shows. */
static void test_not_waiting_wchan_is_dash(void **state)
{
	const char *text = render(*state, true);
	assert_row_has(text, 101, " - ");
	assert_row_lacks(text, 101, " 0 ");
	assert_row_has(text, 102, " inet_csk_accept ");
}

static void test_unreadable_stat_is_dash(void **state)
{
	struct batch_case *c = *state;
	fixture_writes(c->root, "100/task/101/stat", "garbage\n");
	const char *text = render(c, true);
	assert_row_has(text, 101, "{-}");
	assert_row_has(text, 101, " -     - ");
	assert_row_lacks(text, 101, "worker");
}

static void test_mem_human_units(void **state)
{
	struct batch_case *c = *state;
	const char *text = render(c, false);
	char expect[32];
	double mib = 3000.0 * (double)c->s.page_kb / 1024;
	snprintf(expect, sizeof expect, " %5.1fM ", mib);
	assert_row_has(text, 100, expect);
	assert_row_has(text, 100, "    3 ");
}

static void test_long_wchan_cut_by_columns(void **state)
{
	struct batch_case *c = *state;
	fixture_writes(c->root, "100/task/102/wchan",
	    "a_very_long_kernel_function_name");
	const char *text = render(c, true);
	assert_row_has(text, 102, " a_very_long_ker~ ");
	assert_row_lacks(text, 102, "function");
}

/* The child hangs under its parent with an ASCII branch. */
static void test_tree_branch(void **state)
{
	const char *text = render(*state, false);
	assert_row_has(text, 200, " `-child");
	assert_row_has(text, 100, "/usr/bin/nsdemo --serve");
	assert_row_lacks(text, 100, "`-");
}

static void assert_no_control_bytes(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			fail_msg("control byte 0x%02x at %td", *p,
			    (const char *)p - text);
}

static void write_hostile(const char *root)
{
	static const char cmd[] = "\x1b]0;pwned\a\0\r\x9b" "31m\xff\0";
	static const struct out_fixture_task t = { 103, "\x1b[2J\a\r\xff\x7f",
	    'S', 0, "\x1b[31mevil", NULL, NULL };
	fixture_write(root, "100/cmdline", cmd, sizeof cmd - 1);
	out_fixture_thread(root, 100, 1, &t);
}

static void test_hostile_names_no_control_bytes(void **state)
{
	struct batch_case *c = *state;
	write_hostile(c->root);
	const char *text = render(c, true);
	assert_no_control_bytes(text);
	assert_row_has(text, 103, "\\x1b[2J");
	assert_row_has(text, 100, "\\x1b]0;pwned");
}

/* Same in a UTF-8 locale, where non-ASCII text passes through. */
static void test_hostile_names_utf8_locale(void **state)
{
	struct batch_case *c = *state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	write_hostile(c->root);
	static const struct out_fixture_task t = { 104, "caf\xc3\xa9", 'S', 0,
	    "0", NULL, NULL };
	out_fixture_thread(c->root, 100, 1, &t);
	const char *text = render(c, true);
	assert_no_control_bytes(text);
	assert_row_has(text, 104, "{caf\xc3\xa9}");
	assert_row_has(text, 103, "\\xff");
}

/* Outside a UTF-8 locale even valid UTF-8 is escaped to ASCII. */
static void test_ascii_locale_escapes_utf8(void **state)
{
	struct batch_case *c = *state;
	static const struct out_fixture_task t = { 104, "caf\xc3\xa9", 'S', 0,
	    "0", NULL, NULL };
	out_fixture_thread(c->root, 100, 1, &t);
	const char *text = render(c, true);
	assert_row_has(text, 104, "{caf\\xc3\\xa9}");
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		assert_true(*p < 0x80);
}

static void test_hostile_fixture(void **state)
{
	struct batch_case *c = *state;
	fixture_remove(c->root);
	c->root = fixture_tree("hostile");
	const char *text = render(c, true);
	assert_no_control_bytes(text);
	assert_non_null(strstr(text, "\\x1b"));
}

static void test_only_selected_process(void **state)
{
	struct batch_case *c = *state;
	const struct out_opts o = { .threads = false };
	const int only[] = { 200 };

	out_fixture_open(&c->s, c->root);
	out_fixture_only(only, 1);
	out_fixture_refresh(&c->s, 1.0, OUT_FIXTURE_WALL);
	out_batch_write(&c->out, &c->s, &c->view, &o);
	assert_non_null(strstr(c->out.data, ", 1 process, 1 thread,"));
	assert_null(strstr(c->out.data, "\n    100"));
	assert_row_has(c->out.data, 200, "child");
}

#define CASE(f) cmocka_unit_test_setup_teardown(f, case_setup, case_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(test_header_line),
		CASE(test_header_without_loadavg),
		CASE(test_title_line),
		CASE(test_no_thread_rows_without_H),
		CASE(test_thread_rows_with_H),
		CASE(test_netns_mark_exact),
		CASE(test_netns_mark_on_collapsed_process),
		CASE(test_other_ns_type_mark),
		CASE(test_cpu_dash_before_two_samples),
		CASE(test_cpu_after_two_samples),
		CASE(test_unreadable_wchan_is_dash),
		CASE(test_not_waiting_wchan_is_dash),
		CASE(test_unreadable_stat_is_dash),
		CASE(test_mem_human_units),
		CASE(test_long_wchan_cut_by_columns),
		CASE(test_tree_branch),
		CASE(test_hostile_names_no_control_bytes),
		CASE(test_hostile_names_utf8_locale),
		CASE(test_ascii_locale_escapes_utf8),
		CASE(test_hostile_fixture),
		CASE(test_only_selected_process),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
