#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "tasktop/text.h"

static void test_init_is_empty_string(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_zeroed_struct_is_usable(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_adds(&b, "x");
	assert_string_equal(b.data, "x");
	buf_free(&b);
	assert_string_equal(b.data, "");
}

static void test_add_keeps_embedded_nul(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	buf_free(&b);
}

static void test_add_nothing_still_terminates(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_add(&b, NULL, 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_free(&b);
}

static void test_many_appends_grow(void **state)
{
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 100000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 100000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.data[100000], '\0');
	assert_int_equal(b.data[99999], 'a' + 99999 % 26);
	assert_int_equal(strlen(b.data), 100000);
	buf_free(&b);
}

static void test_printf_appends(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "pid ");
	buf_printf(&b, "%d/%s", 42, "comm");
	assert_string_equal(b.data, "pid 42/comm");
	assert_int_equal(b.len, strlen("pid 42/comm"));
	buf_free(&b);
}

static void test_printf_longer_than_capacity(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "<");
	buf_printf(&b, "%5000d>", 7);
	assert_int_equal(b.len, 5002);
	assert_int_equal(b.data[0], '<');
	assert_int_equal(b.data[4999], ' ');
	assert_int_equal(b.data[5000], '7');
	assert_string_equal(b.data + 5001, ">");
	buf_free(&b);
}

static void test_reset_keeps_memory(void **state)
{
	struct buf b;
	char *data;
	size_t cap;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "some text");
	data = b.data;
	cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	buf_adds(&b, "new");
	assert_string_equal(b.data, "new");
	buf_free(&b);
}

static void test_free_then_reuse(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "first");
	buf_free(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_adds(&b, "second");
	assert_string_equal(b.data, "second");
	buf_free(&b);
}

/* A size that cannot be allocated must abort, never wrap around. */
static void test_impossible_size_aborts(void **state)
{
	int status;
	pid_t pid;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct buf b;

		signal(SIGABRT, SIG_DFL);
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(2);
		buf_init(&b);
		buf_adds(&b, "x");
		buf_add(&b, "y", SIZE_MAX);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty_string),
		cmocka_unit_test(test_zeroed_struct_is_usable),
		cmocka_unit_test(test_add_keeps_embedded_nul),
		cmocka_unit_test(test_add_nothing_still_terminates),
		cmocka_unit_test(test_many_appends_grow),
		cmocka_unit_test(test_printf_appends),
		cmocka_unit_test(test_printf_longer_than_capacity),
		cmocka_unit_test(test_reset_keeps_memory),
		cmocka_unit_test(test_free_then_reuse),
		cmocka_unit_test(test_impossible_size_aborts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
