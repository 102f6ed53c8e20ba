/* proc_parse_stat: comm by the last ')', fields by position, no garbage. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

/* A real line (Linux 6.x, a thread of a multi-threaded process). */
static const char REAL[] =
    "102 (netns) S 1 100 100 34816 100 4194624 1520 0 3 0 17 4 0 0 20 0 3 0 "
    "7402 227639296 1560 18446744073709551615 94686937051136 94686937071017 "
    "140731265513104 0 0 0 0 4096 134234626 1 0 0 17 1 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0\n";

static int parse(const char *text, struct proc_stat *st)
{
	return proc_parse_stat(text, strlen(text), st);
}

static void test_real_line(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse(REAL, &st), 0);
	assert_int_equal(st.comm_len, 5);
	assert_memory_equal(st.comm, "netns", 5);
	assert_int_equal(st.state, 'S');
	assert_int_equal(st.ppid, 1);
	assert_int_equal(st.utime, 17);
	assert_int_equal(st.stime, 4);
	assert_int_equal(st.priority, 20);
	assert_int_equal(st.nice, 0);
	assert_int_equal(st.num_threads, 3);
	assert_int_equal(st.starttime, 7402);
	assert_int_equal(st.vsize, 227639296);
	assert_int_equal(st.rss_pages, 1560);
	assert_int_equal(st.processor, 1);
}

static void test_comm_with_parens_spaces_newline(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse("7 (a) (b\nc)) R 1 7 7 0 -1 0 0 0 0 0 5 6 0 0 "
	    "-2 -20 1 0 99 0 0\n", &st), 0);
	assert_int_equal(st.comm_len, 8);
	assert_memory_equal(st.comm, "a) (b\nc)", 8);
	assert_int_equal(st.state, 'R');
	assert_int_equal(st.priority, -2);
	assert_int_equal(st.nice, -20);
	assert_int_equal(st.processor, -1);
}

static void test_empty_comm(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse("9 () S 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), 0);
	assert_int_equal(st.comm_len, 0);
}

static void test_long_comm_is_cut(void **state)
{
	char line[512];
	struct proc_stat st;
	(void)state;
	snprintf(line, sizeof line, "9 (%0100d) S 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 "
	    "20 0 1 0 1 0 0\n", 7);
	assert_int_equal(parse(line, &st), 0);
	assert_int_equal(st.comm_len, PROC_COMM_MAX - 1);
	assert_int_equal(st.comm[PROC_COMM_MAX - 1], '\0');
}

/* Cut the real line after every field: up to rss (field 24) it must fail,
 * after that it parses without a processor until field 39. */
static void test_truncated_at_each_field(void **state)
{
	struct proc_stat st;
	int field = 2;
	(void)state;
	const char *after_comm = strchr(REAL, ')') + 1;
	for (const char *p = after_comm; *p != '\n'; p++) {
		if (*p != ' ')
			continue;
		size_t len = (size_t)(p - REAL);
		int rc = proc_parse_stat(REAL, len, &st);
		if (field < 24) {
			assert_int_equal(rc, -1);
			assert_int_equal(st.state, 0);
		} else {
			assert_int_equal(rc, 0);
			assert_int_equal(st.processor, field >= 39 ? 1 : -1);
		}
		field++;
	}
	assert_int_equal(field, 52);
}

static void test_no_close_paren(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse("5 (bash S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
}

static void test_no_open_paren_or_pid(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse("5 bash) S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 "
	    "0 1 0 0\n", &st), -1);
	assert_int_equal(parse("(bash) S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
	assert_int_equal(parse("", &st), -1);
	assert_int_equal(proc_parse_stat(NULL, 0, &st), -1);
}

static void test_huge_numbers_overflow(void **state)
{
	struct proc_stat st;
	(void)state;
	/* utime one past ULLONG_MAX */
	assert_int_equal(parse("5 (x) S 1 5 5 0 -1 0 0 0 0 0 18446744073709551616"
	    " 0 0 0 20 0 1 0 1 0 0\n", &st), -1);
	/* ppid beyond int */
	assert_int_equal(parse("5 (x) S 4294967297 5 5 0 -1 0 0 0 0 0 0 0 0 0 "
	    "20 0 1 0 1 0 0\n", &st), -1);
	assert_int_equal(parse("5 (x) S 1 5 5 0 -1 0 0 0 0 0 18446744073709551615"
	    " 0 0 0 20 0 1 0 1 0 0\n", &st), 0);
	assert_true(st.utime == 18446744073709551615ull);
}

static void test_negative_where_unsigned(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse("5 (x) S 1 5 5 0 -1 0 0 0 0 0 -3 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
	assert_int_equal(parse("5 (x) S -1 5 5 0 -1 0 0 0 0 0 3 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
	assert_int_equal(parse("5 (x) S 1 5 5 0 -1 0 0 0 0 0 3 0 0 0 20 0 1 0 "
	    "1 -4096 0\n", &st), -1);
}

static void test_garbage_in_a_field(void **state)
{
	struct proc_stat st;
	(void)state;
	assert_int_equal(parse("5 (x) S 1 5 5 0 -1 0 0 0 0 0 3x 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
	assert_int_equal(parse("5 (x) S 1 5 5 0 -1 0 0 0 0 0 3 0 0 0 20 0 1 0 "
	    "1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 cpu\n", &st), -1);
	assert_int_equal(parse("5 (x) SS 1 5 5 0 -1 0 0 0 0 0 3 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
	assert_int_equal(parse("5 (x) 7 1 5 5 0 -1 0 0 0 0 0 3 0 0 0 20 0 1 0 "
	    "1 0 0\n", &st), -1);
	/* a NUL where a number belongs */
	static const char nul[] = "5 (x) S 1 5 5 0 -1 0 0 0 0 0 3 0 0 0 20 0 1 "
	    "0 1 0 \0\n";
	assert_int_equal(proc_parse_stat(nul, sizeof nul - 1, &st), -1);
}

/* Only len bytes count: what lies beyond must not be read as fields. */
static void test_buffer_not_nul_terminated(void **state)
{
	struct proc_stat st;
	char buf[sizeof REAL];
	(void)state;
	memcpy(buf, REAL, sizeof REAL);
	size_t len = (size_t)(strstr(buf, " 7402") - buf);
	assert_int_equal(proc_parse_stat(buf, len, &st), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_line),
		cmocka_unit_test(test_comm_with_parens_spaces_newline),
		cmocka_unit_test(test_empty_comm),
		cmocka_unit_test(test_long_comm_is_cut),
		cmocka_unit_test(test_truncated_at_each_field),
		cmocka_unit_test(test_no_close_paren),
		cmocka_unit_test(test_no_open_paren_or_pid),
		cmocka_unit_test(test_huge_numbers_overflow),
		cmocka_unit_test(test_negative_where_unsigned),
		cmocka_unit_test(test_garbage_in_a_field),
		cmocka_unit_test(test_buffer_not_nul_terminated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
