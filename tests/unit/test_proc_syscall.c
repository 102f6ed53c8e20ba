/* proc_parse_syscall's three forms, and the name tables. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

static int parse(const char *text, struct proc_syscall *sc)
{
	return proc_parse_syscall(text, strlen(text), sc);
}

static void test_running(void **state)
{
	struct proc_syscall sc;
	(void)state;
	assert_int_equal(parse("running\n", &sc), 0);
	assert_int_equal(sc.kind, SYSCALL_RUNNING);
	assert_int_equal(parse("running", &sc), 0);
	assert_int_equal(parse("running!\n", &sc), -1);
}

static void test_outside_a_syscall(void **state)
{
	struct proc_syscall sc;
	(void)state;
	assert_int_equal(parse("-1 0x7ffd1c2b9e40 0x55d0e1a2b3c4\n", &sc), 0);
	assert_int_equal(sc.kind, SYSCALL_NONE);
	assert_int_equal(sc.nr, -1);
	assert_true(sc.pc == 0x55d0e1a2b3c4ull);
}

static void test_in_a_syscall(void **state)
{
	struct proc_syscall sc;
	(void)state;
	assert_int_equal(parse("270 0xfb 0x7ffffdb2f5d0 0x0 0x0 0x7ffffdb2f4e0 "
	    "0x7ffffdb2f4f0 0x7ffffdb2f4b0 0x7f4e49875aec\n", &sc), 0);
	assert_int_equal(sc.kind, SYSCALL_IN);
	assert_int_equal(sc.nr, 270);
	assert_true(sc.pc == 0x7f4e49875aecull);	/* the last word */
}

/* What a kernel thread shows: no user registers, so no syscall. */
static void test_kernel_thread_zeros(void **state)
{
	struct proc_syscall sc;
	(void)state;
	assert_int_equal(parse("0 0x0 0x0 0x0 0x0 0x0 0x0 0x0 0x0\n", &sc), 0);
	assert_int_equal(sc.kind, SYSCALL_NONE);
	assert_true(sc.pc == 0);
}

static void test_malformed(void **state)
{
	struct proc_syscall sc;
	(void)state;
	assert_int_equal(parse("", &sc), -1);
	assert_int_equal(parse("7 0x1 0x2\n", &sc), -1);
	assert_int_equal(parse("-1 0x1\n", &sc), -1);
	assert_int_equal(parse("-2 0x1 0x2\n", &sc), -1);
	assert_int_equal(parse("0x7 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8\n", &sc), -1);
	assert_int_equal(parse("7 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8 0x9\n", &sc), -1);
	assert_int_equal(parse("7 1 2 3 4 5 6 7 8\n", &sc), -1);
	assert_int_equal(parse("99999999999999999999 0x1 0x2 0x3 0x4 0x5 0x6 "
	    "0x7 0x8\n", &sc), -1);
	assert_int_equal(sc.kind, SYSCALL_NONE);
}

static void test_names_by_arch(void **state)
{
	(void)state;
	assert_string_equal(syscall_name_arch("x86_64", 0), "read");
	assert_string_equal(syscall_name_arch("x86_64", 7), "poll");
	assert_string_equal(syscall_name_arch("x86_64", 202), "futex");
	assert_string_equal(syscall_name_arch("aarch64", 63), "read");
	assert_string_equal(syscall_name_arch("aarch64", 25), "fcntl");
	assert_string_equal(syscall_name_arch("aarch64", 98), "futex");
	assert_null(syscall_name_arch("aarch64", 7 + 1000000));
	assert_null(syscall_name_arch("x86_64", -1));
	assert_null(syscall_name_arch("mips", 0));
	assert_null(syscall_name_arch(NULL, 0));
}

static void test_name_of_this_build(void **state)
{
	(void)state;
#if defined(__x86_64__)
	assert_string_equal(syscall_name(1), "write");
#elif defined(__aarch64__)
	assert_string_equal(syscall_name(64), "write");
#else
	assert_null(syscall_name(1));
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_running),
		cmocka_unit_test(test_outside_a_syscall),
		cmocka_unit_test(test_in_a_syscall),
		cmocka_unit_test(test_kernel_thread_zeros),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_names_by_arch),
		cmocka_unit_test(test_name_of_this_build),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
