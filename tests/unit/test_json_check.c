/* test_json_check.c - the strict JSON validator the out tests rely on must
 * itself refuse what a lenient parser forgives. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "json_check.h"

static int check(const char *text)
{
	return json_check(text, strlen(text), NULL);
}

static void test_accepts_values(void **state)
{
	static const char *const ok[] = {
		"null", "true", "false", "0", "-0", "12", "-3.25", "1e5",
		"2.5E-3", "\"\"", "[]", "{}", " [1, 2 ,3] ", "\n{\"a\":{\"b\":[null]}}\n",
		"\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"",
		"\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
		"\"\\ud83d\\ude00\"",
	};
	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_int_equal(check(ok[i]), 0);
}

static void test_refuses_bad_syntax(void **state)
{
	static const char *const bad[] = {
		"", " ", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}",
		"[", "{\"a\":1", "nul", "True", "1 2", "{} {}", "'x'", "[,1]",
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(check(bad[i]), -1);
}

static void test_refuses_bad_numbers(void **state)
{
	static const char *const bad[] = {
		"01", "+1", ".5", "1.", "1e", "1e+", "-", "0x10", "NaN", "Infinity",
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(check(bad[i]), -1);
}

static void test_refuses_bad_strings(void **state)
{
	static const char *const bad[] = {
		"\"a\nb\"", "\"\x1b\"", "\"\t\"", "\"\\x41\"", "\"\\u12\"",
		"\"\\ude00\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"abc",
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(check(bad[i]), -1);
}

static void test_refuses_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"\"\xff\"", "\"\x80\"", "\"\xc3\"", "\"\xc0\xaf\"",
		"\"\xe0\x80\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
		"\"\xf8\x88\x80\x80\x80\"",
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(check(bad[i]), -1);
}

/* A NUL inside the text is a raw control byte, not the end. */
static void test_refuses_embedded_nul(void **state)
{
	(void)state;
	assert_int_equal(json_check("\"a\0b\"", 5, NULL), -1);
	assert_int_equal(json_check("[1]\0", 4, NULL), -1);
}

static void test_reports_error_offset(void **state)
{
	size_t where = 0;
	(void)state;
	assert_int_equal(json_check("[1,2,]", 6, &where), -1);
	assert_int_equal(where, 5);
}

static void test_depth_limit(void **state)
{
	char deep[2 * (JSON_CHECK_MAX_DEPTH + 1) + 1];
	(void)state;

	memset(deep, '[', JSON_CHECK_MAX_DEPTH);
	memset(deep + JSON_CHECK_MAX_DEPTH, ']', JSON_CHECK_MAX_DEPTH);
	assert_int_equal(json_check(deep, 2 * JSON_CHECK_MAX_DEPTH, NULL), 0);
	memset(deep, '[', JSON_CHECK_MAX_DEPTH + 1);
	memset(deep + JSON_CHECK_MAX_DEPTH + 1, ']', JSON_CHECK_MAX_DEPTH + 1);
	assert_int_equal(json_check(deep, 2 * (JSON_CHECK_MAX_DEPTH + 1), NULL),
	    -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts_values),
		cmocka_unit_test(test_refuses_bad_syntax),
		cmocka_unit_test(test_refuses_bad_numbers),
		cmocka_unit_test(test_refuses_bad_strings),
		cmocka_unit_test(test_refuses_invalid_utf8),
		cmocka_unit_test(test_refuses_embedded_nul),
		cmocka_unit_test(test_reports_error_offset),
		cmocka_unit_test(test_depth_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
