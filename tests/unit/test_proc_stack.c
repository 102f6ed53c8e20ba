/* proc_parse_stack: prefixes dropped, end marker dropped, 64 frames kept. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

static struct proc_stack st;	/* 8 KiB: not on cmocka's stack */

static int parse(const char *text)
{
	return proc_parse_stack(text, strlen(text), &st);
}

static void test_modern_stack(void **state)
{
	(void)state;
	assert_int_equal(parse("[<0>] inet_csk_accept+0x1f2/0x3b0\n"
	    "[<0>] do_syscall_64+0x71/0x290\n"), 0);
	assert_int_equal(st.n, 2);
	assert_false(st.truncated);
	assert_string_equal(proc_stack_frame(&st, 0),
	    "inet_csk_accept+0x1f2/0x3b0");
	assert_string_equal(proc_stack_frame(&st, 1), "do_syscall_64+0x71/0x290");
}

static void test_old_kernel_addresses_and_end_marker(void **state)
{
	(void)state;
	assert_int_equal(parse("[<ffffffff8a2c1f2b>] inet_csk_accept+0x1f2/0x3b0\n"
	    "[<ffffffff8a003c5d>] do_syscall_64+0x5d/0x100\n"
	    "[<ffffffffffffffff>] 0xffffffffffffffff\n"), 0);
	assert_int_equal(st.n, 2);
	assert_string_equal(proc_stack_frame(&st, 1), "do_syscall_64+0x5d/0x100");
}

static void test_empty_stack(void **state)
{
	(void)state;
	assert_int_equal(parse(""), 0);
	assert_int_equal(st.n, 0);
	assert_false(st.truncated);
}

static void test_more_than_64_frames(void **state)
{
	static char text[100 * 32];
	size_t used = 0;
	(void)state;
	for (int i = 0; i < 100; i++)
		used += (size_t)snprintf(text + used, sizeof text - used,
		    "[<0>] frame%d+0x1/0x2\n", i);
	assert_int_equal(proc_parse_stack(text, used, &st), 0);
	assert_int_equal(st.n, PROC_STACK_MAX_FRAMES);
	assert_true(st.truncated);
	assert_string_equal(proc_stack_frame(&st, 63), "frame63+0x1/0x2");
}

static void test_text_overflow_truncates(void **state)
{
	static char text[4 * 4000];
	size_t used = 0;
	(void)state;
	for (int i = 0; i < 4; i++) {
		used += (size_t)sprintf(text + used, "[<0>] ");
		memset(text + used, 'a' + i, 3000);
		used += 3000;
		text[used++] = '\n';
	}
	assert_int_equal(proc_parse_stack(text, used, &st), 0);
	assert_int_equal(st.n, 2);
	assert_true(st.truncated);
	assert_int_equal(strlen(proc_stack_frame(&st, 1)), 3000);
}

/* A short frame after one that did not fit is not kept: no hole. */
static void test_no_frame_after_overflow(void **state)
{
	static char text[12000];
	size_t used = 0;
	(void)state;
	used += (size_t)sprintf(text + used, "[<0>] ");
	memset(text + used, 'a', 5000);
	used += 5000;
	used += (size_t)sprintf(text + used, "\n[<0>] ");
	memset(text + used, 'b', 5000);
	used += 5000;
	used += (size_t)sprintf(text + used, "\n[<0>] short+0x1/0x2\n");
	assert_int_equal(proc_parse_stack(text, used, &st), 0);
	assert_int_equal(st.n, 1);
	assert_true(st.truncated);
	assert_int_equal(proc_stack_frame(&st, 0)[0], 'a');
}

static void test_malformed_line(void **state)
{
	(void)state;
	assert_int_equal(parse("[<0>] ok+0x1/0x2\nnot a frame\n"), -1);
	assert_int_equal(st.n, 0);
	assert_int_equal(parse("[<0 broken\n"), -1);
	assert_int_equal(parse("[<0>]no-space\n"), -1);
}

static void test_last_line_without_newline(void **state)
{
	(void)state;
	assert_int_equal(proc_parse_stack("[<0>] a+0x1/0x2\n[<0>] b+0x3/0x4XYZ",
	    31, &st), 0);
	assert_int_equal(st.n, 2);
	assert_string_equal(proc_stack_frame(&st, 1), "b+0x3/0x4");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modern_stack),
		cmocka_unit_test(test_old_kernel_addresses_and_end_marker),
		cmocka_unit_test(test_empty_stack),
		cmocka_unit_test(test_more_than_64_frames),
		cmocka_unit_test(test_text_overflow_truncates),
		cmocka_unit_test(test_no_frame_after_overflow),
		cmocka_unit_test(test_malformed_line),
		cmocka_unit_test(test_last_line_without_newline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
