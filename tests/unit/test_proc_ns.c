/* Namespace type names and the strict parse of an ns link's text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

static int parse(const char *text, enum ns_type t, uint64_t *ino)
{
	return proc_parse_ns_link(text, strlen(text), t, ino);
}

static void test_names_in_design_order(void **state)
{
	static const char *const want[NS_COUNT] = { "cgroup", "ipc", "mnt",
	    "net", "pid", "pid_for_children", "time", "time_for_children",
	    "user", "uts" };
	(void)state;
	for (int t = 0; t < NS_COUNT; t++) {
		assert_string_equal(ns_type_name(t), want[t]);
		assert_int_equal(ns_type_from_name(want[t], strlen(want[t])), t);
	}
	assert_null(ns_type_name(NS_COUNT));
	assert_null(ns_type_name(-1));
}

static void test_from_name_needs_exact_length(void **state)
{
	(void)state;
	assert_int_equal(ns_type_from_name("pid_for_children", 3), NS_PID);
	assert_int_equal(ns_type_from_name("netx", 4), -1);
	assert_int_equal(ns_type_from_name("ne", 2), -1);
	assert_int_equal(ns_type_from_name("", 0), -1);
}

static void test_parse_link(void **state)
{
	uint64_t ino = 0;
	(void)state;
	assert_int_equal(parse("net:[4026531840]", NS_NET, &ino), 0);
	assert_true(ino == 4026531840u);
	assert_int_equal(parse("uts:[18446744073709551615]", NS_UTS, &ino), 0);
	assert_true(ino == UINT64_MAX);
}

/* The *_for_children links name the plain type in their text. */
static void test_for_children_links(void **state)
{
	uint64_t ino = 0;
	(void)state;
	assert_int_equal(parse("pid:[4026531836]", NS_PID_FOR_CHILDREN, &ino), 0);
	assert_true(ino == 4026531836u);
	assert_int_equal(parse("time:[4026531834]", NS_TIME_FOR_CHILDREN, &ino), 0);
	assert_int_equal(parse("pid_for_children:[1]", NS_PID_FOR_CHILDREN, &ino),
	    -1);
}

static void test_wrong_type(void **state)
{
	uint64_t ino = 7;
	(void)state;
	assert_int_equal(parse("net:[4026531840]", NS_UTS, &ino), -1);
	assert_int_equal(parse("network:[4026531840]", NS_NET, &ino), -1);
	assert_int_equal(ino, 7);
}

static void test_garbage_and_overflow(void **state)
{
	uint64_t ino = 7;
	(void)state;
	assert_int_equal(parse("net:[]", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[12", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[12]x", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[-12]", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[0x12]", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[ 12]", NS_NET, &ino), -1);
	assert_int_equal(parse("net:12", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[18446744073709551616]", NS_NET, &ino), -1);
	assert_int_equal(parse("", NS_NET, &ino), -1);
	assert_int_equal(parse("net:[1]", NS_COUNT, &ino), -1);
	assert_int_equal(ino, 7);
	/* len, not the NUL, ends the text */
	assert_int_equal(proc_parse_ns_link("net:[12]]", 8, NS_NET, &ino), 0);
	assert_int_equal(proc_parse_ns_link("net:[12]", 7, NS_NET, &ino), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_in_design_order),
		cmocka_unit_test(test_from_name_needs_exact_length),
		cmocka_unit_test(test_parse_link),
		cmocka_unit_test(test_for_children_links),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_garbage_and_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
