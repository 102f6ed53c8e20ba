#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistr.h>

#include "tasktop/text.h"

static void check_json(const char *in, size_t len, const char *want)
{
	struct buf b;

	buf_init(&b);
	json_escape(&b, in, len);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	buf_free(&b);
}

#define check_escaped(in, want)	check_json(in, sizeof(in) - 1, want)

static unsigned hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	assert_true(c >= 'a' && c <= 'f');
	return (unsigned)(c - 'a' + 10);
}

/* Reads the \uXXXX at s (just after the backslash) and appends its bytes. */
static size_t decode_unicode_escape(struct buf *out, const char *s)
{
	uint8_t utf8[6];
	unsigned cp = 0;
	int i, n;

	assert_int_equal(s[0], 'u');
	for (i = 1; i <= 4; i++)
		cp = cp * 16 + hex_value(s[i]);
	if (cp >= 0x80 && cp <= 0xff) {
		buf_addc(out, (char)cp);
	} else {
		n = u8_uctomb(utf8, cp, sizeof(utf8));
		assert_true(n > 0);
		buf_add(out, utf8, (size_t)n);
	}
	return 5;
}

/*
 * The byte-exact reading of our JSON that the recoverability rule allows:
 * \u0080-\u00ff is a raw byte, anything else the usual JSON meaning.
 */
static void decode_json_bytes(struct buf *out, const char *json, size_t len)
{
	static const char shorts[] = "\"\"\\\\b\bf\fn\nr\rt\t";
	size_t i = 1;

	assert_true(len >= 2);
	assert_int_equal(json[0], '"');
	assert_int_equal(json[len - 1], '"');
	while (i < len - 1) {
		const char *s;

		if (json[i] != '\\') {
			assert_int_not_equal(json[i], '"');
			buf_addc(out, json[i++]);
			continue;
		}
		i++;
		if (json[i] == 'u') {
			i += decode_unicode_escape(out, json + i);
			continue;
		}
		s = strchr(shorts, json[i]);
		assert_non_null(s);
		assert_true((s - shorts) % 2 == 0);
		buf_addc(out, s[1]);
		i++;
	}
}

/* Escapes, checks the output is clean, decodes and compares. */
static void assert_round_trip(const char *in, size_t len)
{
	struct buf json, back;
	size_t i;

	buf_init(&json);
	buf_init(&back);
	json_escape(&json, in, len);
	assert_null(u8_check((const uint8_t *)json.data, json.len));
	for (i = 0; i < json.len; i++)
		assert_true((unsigned char)json.data[i] >= 0x20 &&
		    json.data[i] != 0x7f);
	decode_json_bytes(&back, json.data, json.len);
	assert_int_equal(back.len, len);
	assert_memory_equal(back.data, in, len);
	buf_free(&json);
	buf_free(&back);
}

static void test_plain_string(void **state)
{
	(void)state;
	check_escaped("nsdemo", "\"nsdemo\"");
	check_escaped("", "\"\"");
}

static void test_quote_and_backslash(void **state)
{
	(void)state;
	check_escaped("a\"b\\c", "\"a\\\"b\\\\c\"");
}

static void test_short_escapes(void **state)
{
	(void)state;
	check_escaped("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
}

static void test_other_controls(void **state)
{
	(void)state;
	check_escaped("\x1b]0;t\a", "\"\\u001b]0;t\\u0007\"");
	check_escaped("a\0b\x1f", "\"a\\u0000b\\u001f\"");
}

static void test_del_escaped(void **state)
{
	(void)state;
	check_escaped("\x7f", "\"\\u007f\"");
}

static void test_valid_utf8_kept(void **state)
{
	(void)state;
	check_escaped("caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\x80",
	    "\"caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\x80\"");
	check_escaped("\xc2\x80", "\"\xc2\x80\"");
}

static void test_invalid_utf8_bytes(void **state)
{
	(void)state;
	check_escaped("\x80", "\"\\u0080\"");
	check_escaped("\xc0\xaf", "\"\\u00c0\\u00af\"");
	check_escaped("\xed\xa0\x80", "\"\\u00ed\\u00a0\\u0080\"");
	check_escaped("\xf4\x90\x80\x80",
	    "\"\\u00f4\\u0090\\u0080\\u0080\"");
	check_escaped("x\xe6\xbc", "\"x\\u00e6\\u00bc\"");
	check_escaped("\xff", "\"\\u00ff\"");
}

static void test_js_line_separators(void **state)
{
	(void)state;
	check_escaped("a\xe2\x80\xa8" "b\xe2\x80\xa9",
	    "\"a\\u2028b\\u2029\"");
}

static void test_appends_to_existing(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "{\"comm\": ");
	json_escape(&b, "x", 1);
	assert_string_equal(b.data, "{\"comm\": \"x\"");
	buf_free(&b);
}

static void test_round_trip_every_byte(void **state)
{
	char all[256];
	int c;

	(void)state;
	for (c = 0; c < 256; c++) {
		char one = (char)c;

		assert_round_trip(&one, 1);
		all[c] = (char)c;
	}
	assert_round_trip(all, sizeof(all));
}

static void test_round_trip_valid_latin1_range(void **state)
{
	(void)state;
	/* U+00E9 as UTF-8 next to a raw 0xE9 byte: both must come back */
	assert_round_trip("\xc3\xa9\xe9", 3);
	assert_round_trip("\xe2\x80\xa8", 3);
}

/* A fixed pseudo-random sequence, so a failure can be replayed. */
static void test_round_trip_random_bytes(void **state)
{
	char in[64];
	uint32_t seed = 12345;
	int round, i;

	(void)state;
	for (round = 0; round < 2000; round++) {
		for (i = 0; i < (int)sizeof(in); i++) {
			seed = seed * 1103515245U + 12345U;
			in[i] = (char)(seed >> 16);
		}
		assert_round_trip(in, (size_t)(round % 64) + 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_string),
		cmocka_unit_test(test_quote_and_backslash),
		cmocka_unit_test(test_short_escapes),
		cmocka_unit_test(test_other_controls),
		cmocka_unit_test(test_del_escaped),
		cmocka_unit_test(test_valid_utf8_kept),
		cmocka_unit_test(test_invalid_utf8_bytes),
		cmocka_unit_test(test_js_line_separators),
		cmocka_unit_test(test_appends_to_existing),
		cmocka_unit_test(test_round_trip_every_byte),
		cmocka_unit_test(test_round_trip_valid_latin1_range),
		cmocka_unit_test(test_round_trip_random_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
