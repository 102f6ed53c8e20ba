/* The small parsers: cmdline, loadavg, and the field state names. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

static void test_cmdline_with_trailing_nul(void **state)
{
	static const char buf[] = "./nsdemo\0--threads\0" "3";
	size_t starts[8];
	(void)state;
	assert_int_equal(proc_parse_cmdline(buf, sizeof buf, starts, 8), 3);
	assert_string_equal(buf + starts[0], "./nsdemo");
	assert_string_equal(buf + starts[1], "--threads");
	assert_string_equal(buf + starts[2], "3");
}

static void test_cmdline_without_trailing_nul(void **state)
{
	static const char buf[] = "a\0bc";
	size_t starts[8];
	(void)state;
	assert_int_equal(proc_parse_cmdline(buf, 4, starts, 8), 2);
	assert_int_equal(starts[1], 2);
}

/* setproctitle() rewrites argv as one string with spaces. */
static void test_cmdline_without_any_nul(void **state)
{
	size_t starts[8];
	(void)state;
	assert_int_equal(proc_parse_cmdline("sshd: root@pts/0", 16, starts, 8), 1);
	assert_int_equal(starts[0], 0);
}

static void test_cmdline_empty_and_empty_args(void **state)
{
	size_t starts[8];
	(void)state;
	assert_int_equal(proc_parse_cmdline("", 0, starts, 8), 0);
	assert_int_equal(proc_parse_cmdline("\0\0x\0", 4, starts, 8), 3);
	assert_int_equal(starts[2], 2);
}

static void test_cmdline_counts_beyond_max(void **state)
{
	size_t starts[2] = { 99, 99 };
	(void)state;
	assert_int_equal(proc_parse_cmdline("a\0b\0c\0d\0", 8, starts, 2), 4);
	assert_int_equal(starts[1], 2);
	assert_int_equal(proc_parse_cmdline("a\0b\0", 4, NULL, 0), 2);
}

static void test_loadavg(void **state)
{
	double load[3] = { -1, -1, -1 };
	static const char text[] = "0.27 10.50 3 1/85 6507\n";
	(void)state;
	assert_int_equal(proc_parse_loadavg(text, strlen(text), load), 0);
	assert_true(load[0] > 0.2699 && load[0] < 0.2701);
	assert_true(load[1] > 10.4999 && load[1] < 10.5001);
	assert_true(load[2] > 2.9999 && load[2] < 3.0001);
	assert_int_equal(proc_parse_loadavg("1.00 2.00 3.00", 14, load), 0);
}

static void test_loadavg_malformed(void **state)
{
	double load[3] = { 7, 7, 7 };
	(void)state;
	assert_int_equal(proc_parse_loadavg("", 0, load), -1);
	assert_int_equal(proc_parse_loadavg("0.27 0.10", 9, load), -1);
	assert_int_equal(proc_parse_loadavg("0,27 0,10 0,03 1/8", 18, load), -1);
	assert_int_equal(proc_parse_loadavg("0.27 -0.10 0.03 ", 16, load), -1);
	assert_int_equal(proc_parse_loadavg("0. 1.0 2.0 ", 11, load), -1);
	assert_int_equal(proc_parse_loadavg("0.27 0.10 0.03x", 15, load), -1);
	assert_true(load[0] == 7);
}

static void test_field_state_names(void **state)
{
	(void)state;
	assert_string_equal(field_state_str(FIELD_OK), "ok");
	assert_string_equal(field_state_str(FIELD_GONE), "gone");
	assert_string_equal(field_state_str(FIELD_DENIED), "permission denied");
	assert_string_equal(field_state_str(FIELD_UNAVAILABLE), "unavailable");
	assert_string_equal(field_state_str(FIELD_UNREAD), "not read");
	assert_string_equal(field_state_str((enum field_state)42), "not read");
}

static void test_field_state_from_errno(void **state)
{
	(void)state;
	assert_int_equal(field_state_from_errno(ENOENT), FIELD_GONE);
	assert_int_equal(field_state_from_errno(ESRCH), FIELD_GONE);
	assert_int_equal(field_state_from_errno(EACCES), FIELD_DENIED);
	assert_int_equal(field_state_from_errno(EPERM), FIELD_DENIED);
	assert_int_equal(field_state_from_errno(EIO), FIELD_UNAVAILABLE);
	assert_int_equal(field_state_from_errno(EISDIR), FIELD_UNAVAILABLE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmdline_with_trailing_nul),
		cmocka_unit_test(test_cmdline_without_trailing_nul),
		cmocka_unit_test(test_cmdline_without_any_nul),
		cmocka_unit_test(test_cmdline_empty_and_empty_args),
		cmocka_unit_test(test_cmdline_counts_beyond_max),
		cmocka_unit_test(test_loadavg),
		cmocka_unit_test(test_loadavg_malformed),
		cmocka_unit_test(test_field_state_names),
		cmocka_unit_test(test_field_state_from_errno),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
