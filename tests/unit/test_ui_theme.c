/*
 * test_ui_theme.c - theme files: the parser (every error names its line and
 * problem, a bad file changes nothing), the built-in themes, and loading by
 * path.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ui/theme.h"

static int parse(const char *text, struct theme *t, char *err, size_t errlen)
{
	theme_default(t);
	return theme_parse(text, strlen(text), t, err, errlen);
}

static void assert_parse_error(const char *text, const char *expected)
{
	struct theme t, before;
	char err[256] = "";

	theme_default(&before);
	assert_int_equal(parse(text, &t, err, sizeof err), -1);
	assert_string_equal(err, expected);
	assert_memory_equal(t.style, before.style, sizeof t.style);
}

static void test_empty_file_is_the_default(void **state)
{
	struct theme t, def;
	char err[64];

	(void)state;
	theme_default(&def);
	assert_int_equal(parse("", &t, err, sizeof err), 0);
	assert_memory_equal(t.style, def.style, sizeof t.style);
	assert_string_equal(t.name, "default");
}

static void test_one_element_changes_only_it(void **state)
{
	struct theme t, def;
	char err[64];

	(void)state;
	theme_default(&def);
	assert_int_equal(parse("netns = yellow blue bold underline\n", &t, err,
	    sizeof err), 0);
	assert_int_equal(t.style[THEME_NETNS].fg, 3);
	assert_int_equal(t.style[THEME_NETNS].bg, 4);
	assert_int_equal(t.style[THEME_NETNS].attrs,
	    THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE);
	t.style[THEME_NETNS] = def.style[THEME_NETNS];
	assert_memory_equal(t.style, def.style, sizeof t.style);
}

static void test_colour_names_numbers_and_default(void **state)
{
	struct theme t;
	char err[64];

	(void)state;
	assert_int_equal(parse("tree = bright_white 255\nhint = default 0\n"
	    "cursor = BLACK Magenta\n", &t, err, sizeof err), 0);
	assert_int_equal(t.style[THEME_TREE].fg, 15);
	assert_int_equal(t.style[THEME_TREE].bg, 255);
	assert_int_equal(t.style[THEME_HINT].fg, THEME_DEFAULT);
	assert_int_equal(t.style[THEME_HINT].bg, 0);
	assert_int_equal(t.style[THEME_CURSOR].fg, 0);
	assert_int_equal(t.style[THEME_CURSOR].bg, 5);
}

static void test_comments_blank_lines_and_crlf(void **state)
{
	struct theme t;
	char err[64];

	(void)state;
	assert_int_equal(parse("# a comment = red\n\n   \t\r\n"
	    "zombie = red default dim # trailing comment\r\n", &t, err,
	    sizeof err), 0);
	assert_int_equal(t.style[THEME_ZOMBIE].fg, 1);
	assert_int_equal(t.style[THEME_ZOMBIE].attrs, THEME_ATTR_DIM);
}

static void test_no_trailing_newline_and_spacing(void **state)
{
	struct theme t;
	char err[64];

	(void)state;
	assert_int_equal(parse("error=green\tcyan reverse", &t, err, sizeof err), 0);
	assert_int_equal(t.style[THEME_ERROR].fg, 2);
	assert_int_equal(t.style[THEME_ERROR].bg, 6);
	assert_int_equal(t.style[THEME_ERROR].attrs, THEME_ATTR_REVERSE);
}

static void test_later_line_wins(void **state)
{
	struct theme t;
	char err[64];

	(void)state;
	assert_int_equal(parse("pane = red blue bold\npane = green default\n",
	    &t, err, sizeof err), 0);
	assert_int_equal(t.style[THEME_PANE].fg, 2);
	assert_int_equal(t.style[THEME_PANE].attrs, 0u);
}

#define UNKNOWN_ELEMENT(line) #line ": the first word is no element name " \
	"(see themes/default.theme)"
#define UNKNOWN_FG "1: the foreground colour is unknown (a colour name, " \
	"bright_NAME, 0-255 or default)"
#define UNKNOWN_BG "1: the background colour is unknown (a colour name, " \
	"bright_NAME, 0-255 or default)"

static void test_unknown_element(void **state)
{
	(void)state;
	assert_parse_error("\n\nbogus = red blue\n", UNKNOWN_ELEMENT(3));
}

static void test_unknown_colour(void **state)
{
	(void)state;
	assert_parse_error("title = purple blue\n",
	    UNKNOWN_FG);
	assert_parse_error("title = red bright_\n",
	    UNKNOWN_BG);
}

static void test_colour_out_of_range(void **state)
{
	(void)state;
	assert_parse_error("title = 256 blue\n",
	    "1: the foreground colour is out of range (0-255)");
	assert_parse_error("title = red 99999\n",
	    UNKNOWN_BG);
	assert_parse_error("title = -1 red\n",
	    UNKNOWN_FG);
}

static void test_unknown_attribute(void **state)
{
	(void)state;
	assert_parse_error("header = red blue bold blink\n",
	    "1: word 6 is no attribute (bold, reverse, "
	    "underline, dim, none)");
}

static void test_missing_equals_and_colours(void **state)
{
	(void)state;
	assert_parse_error("header red blue\n", "1: expected '=' after 'header'");
	assert_parse_error("header =\n",
	    "1: expected a foreground and a background colour");
	assert_parse_error("header = red\n",
	    "1: expected a foreground and a background colour");
}

static void test_error_after_good_lines_changes_nothing(void **state)
{
	(void)state;
	assert_parse_error("netns = green blue\nnormal = red red\nx = 1 2\n",
	    UNKNOWN_ELEMENT(3));
}

/* Nothing of the file is echoed: it may be anything (-t /etc/shadow). */
static void test_file_contents_never_echoed(void **state)
{
	static const char text[] = "\x1b]0;pwn\x07 = red blue\n";
	struct theme t;
	char err[256];

	(void)state;
	assert_int_equal(parse(text, &t, err, sizeof err), -1);
	assert_string_equal(err, UNKNOWN_ELEMENT(1));
	assert_int_equal(parse("root:x:0:0:root:/root:/bin/bash\n", &t, err,
	    sizeof err), -1);
	assert_null(strstr(err, "root"));
	assert_int_equal(parse("title = secret blue\n", &t, err, sizeof err), -1);
	assert_null(strstr(err, "secret"));
	assert_int_equal(parse("title = red blue hunter2\n", &t, err,
	    sizeof err), -1);
	assert_null(strstr(err, "hunter2"));
}

static void test_nul_byte_in_file(void **state)
{
	static const char text[] = "netns = red\0 blue\n";
	struct theme t;
	char err[256];

	(void)state;
	theme_default(&t);
	assert_int_equal(theme_parse(text, sizeof text - 1, &t, err, sizeof err), -1);
	assert_string_equal(err, UNKNOWN_FG);
}

static void test_long_line_and_tiny_error_buffer(void **state)
{
	char text[4096];
	struct theme t;
	char err[8];

	(void)state;
	memset(text, 'a', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	assert_int_equal(parse(text, &t, err, sizeof err), -1);
	assert_string_equal(err, "1: the ");
	assert_int_equal(parse("a b c d e f g h i j k l m n o p\n", &t, NULL, 0), -1);
}

static void test_every_element_has_a_name(void **state)
{
	(void)state;
	for (int e = 0; e < THEME_COUNT; e++) {
		const char *name = theme_elem_name((enum theme_elem)e);
		char line[64];
		struct theme t;
		char err[64];

		assert_string_not_equal(name, "?");
		snprintf(line, sizeof line, "%s = 1 2\n", name);
		assert_int_equal(parse(line, &t, err, sizeof err), 0);
		assert_int_equal(t.style[e].fg, 1);
	}
	assert_string_equal(theme_elem_name(THEME_COUNT), "?");
}

/* Without colour the netns headline must still stand out from a thread. */
static void test_mono_uses_attributes_only(void **state)
{
	struct theme t;

	(void)state;
	theme_mono(&t);
	assert_string_equal(t.name, "mono");
	for (int e = 0; e < THEME_COUNT; e++) {
		assert_int_equal(t.style[e].fg, THEME_DEFAULT);
		assert_int_equal(t.style[e].bg, THEME_DEFAULT);
	}
	assert_int_not_equal(t.style[THEME_NETNS].attrs, t.style[THEME_THREAD].attrs);
	assert_int_not_equal(t.style[THEME_CURSOR].attrs, 0u);
}

static void test_default_netns_differs_from_thread(void **state)
{
	struct theme t;

	(void)state;
	theme_default(&t);
	assert_memory_not_equal(&t.style[THEME_NETNS], &t.style[THEME_THREAD],
	    sizeof t.style[0]);
	assert_memory_not_equal(&t.style[THEME_NSDIFF], &t.style[THEME_NETNS],
	    sizeof t.style[0]);
}

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/test_ui_theme.XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_load_by_path(void **state)
{
	char *path = write_temp("prompt = red blue\n");
	struct theme t;
	char err[512] = "";

	(void)state;
	assert_int_equal(theme_load(path, &t, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_int_equal(t.style[THEME_PROMPT].fg, 1);
	unlink(path);
	free(path);
}

static void test_load_error_names_file_and_line(void **state)
{
	char *path = write_temp("prompt = red blue\n\nwhat = 1 2\n");
	struct theme t, def;
	char err[512], expected[512];

	(void)state;
	theme_default(&def);
	assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
	snprintf(expected, sizeof expected,
	    "theme %s:%s", path, UNKNOWN_ELEMENT(3));
	assert_string_equal(err, expected);
	assert_memory_equal(t.style, def.style, sizeof t.style);
	unlink(path);
	free(path);
}

static void test_load_missing_and_bad_names(void **state)
{
	struct theme t;
	char err[512];

	(void)state;
	assert_int_equal(theme_load("no-such-theme-here", &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "theme 'no-such-theme-here' not found"));
	assert_int_equal(theme_load("/nonexistent/x.theme", &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "No such file"));
	assert_int_equal(theme_load("bad\x1bname", &t, err, sizeof err), -1);
	assert_null(strchr(err, '\x1b'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_file_is_the_default),
		cmocka_unit_test(test_one_element_changes_only_it),
		cmocka_unit_test(test_colour_names_numbers_and_default),
		cmocka_unit_test(test_comments_blank_lines_and_crlf),
		cmocka_unit_test(test_no_trailing_newline_and_spacing),
		cmocka_unit_test(test_later_line_wins),
		cmocka_unit_test(test_unknown_element),
		cmocka_unit_test(test_unknown_colour),
		cmocka_unit_test(test_colour_out_of_range),
		cmocka_unit_test(test_unknown_attribute),
		cmocka_unit_test(test_missing_equals_and_colours),
		cmocka_unit_test(test_error_after_good_lines_changes_nothing),
		cmocka_unit_test(test_file_contents_never_echoed),
		cmocka_unit_test(test_nul_byte_in_file),
		cmocka_unit_test(test_long_line_and_tiny_error_buffer),
		cmocka_unit_test(test_every_element_has_a_name),
		cmocka_unit_test(test_mono_uses_attributes_only),
		cmocka_unit_test(test_default_netns_differs_from_thread),
		cmocka_unit_test(test_load_by_path),
		cmocka_unit_test(test_load_error_names_file_and_line),
		cmocka_unit_test(test_load_missing_and_bad_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
