#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistr.h>
#include <uniwidth.h>

#include "tasktop/text.h"

#define CJK2	"\xe6\xbc\xa2\xe5\xad\x97"	/* two ideographs, 4 columns */
#define ACUTE	"\xcc\x81"			/* U+0301 combining acute */

/*
 * What every sanitized output must be: valid UTF-8, no C0 byte or DEL,
 * and every character one the terminal draws with a known width.
 */
static void assert_displayable(const struct buf *b)
{
	const uint8_t *s = (const uint8_t *)b->data;
	size_t i = 0;

	assert_int_equal(b->data[b->len], '\0');
	assert_null(u8_check(s, b->len));
	while (i < b->len) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s + i, b->len - i);

		assert_true(uc >= 0x20 && uc != 0x7f);
		assert_true(uc_width(uc, "UTF-8") >= 0);
		i += (size_t)n;
	}
}

static void check_sanitized_mode(const char *in, size_t len,
    const char *want, enum text_mode mode)
{
	struct buf b;

	buf_init(&b);
	text_sanitize(&b, in, len, mode);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	assert_displayable(&b);
	buf_free(&b);
}

#define check_sanitized(in, want) \
	check_sanitized_mode(in, sizeof(in) - 1, want, TEXT_UTF8)
#define check_sanitized_ascii(in, want) \
	check_sanitized_mode(in, sizeof(in) - 1, want, TEXT_ASCII)

static void test_plain_ascii_kept(void **state)
{
	(void)state;
	check_sanitized("bash -c 'ls ~'", "bash -c 'ls ~'");
}

static void test_backslash_kept(void **state)
{
	(void)state;
	check_sanitized("a\\x1b", "a\\x1b");
}

static void test_empty_input(void **state)
{
	(void)state;
	check_sanitized("", "");
}

static void test_appends_to_existing(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "comm=");
	text_sanitize(&b, "\a", 1, TEXT_UTF8);
	assert_string_equal(b.data, "comm=\\x07");
	buf_free(&b);
}

static void test_osc_title_sequence(void **state)
{
	(void)state;
	check_sanitized("\x1b]0;title\x07", "\\x1b]0;title\\x07");
}

static void test_csi_clear_screen(void **state)
{
	(void)state;
	check_sanitized("\x1b[2J", "\\x1b[2J");
}

static void test_bel_cr_tab_newline(void **state)
{
	(void)state;
	check_sanitized("\a\r\t\n", "\\x07\\x0d\\x09\\x0a");
}

static void test_nul_and_del(void **state)
{
	(void)state;
	check_sanitized("a\0b\x7f", "a\\x00b\\x7f");
}

static void test_c1_control(void **state)
{
	(void)state;
	/* U+009B is the 8-bit CSI: some terminals act on it */
	check_sanitized("\xc2\x9b" "2J", "\\u{009B}2J");
}

static void test_lone_continuation_bytes(void **state)
{
	(void)state;
	check_sanitized("\x80\xbf", "\\x80\\xbf");
}

static void test_truncated_sequence(void **state)
{
	(void)state;
	check_sanitized("\xe6\xbc" "A", "\\xe6\\xbcA");
	check_sanitized("x\xf0\x9f\x98", "x\\xf0\\x9f\\x98");
}

static void test_overlong_slash(void **state)
{
	(void)state;
	check_sanitized("\xc0\xaf", "\\xc0\\xaf");
	check_sanitized("\xe0\x80\xaf", "\\xe0\\x80\\xaf");
	check_sanitized("\xf0\x80\x80\xaf", "\\xf0\\x80\\x80\\xaf");
}

static void test_surrogate(void **state)
{
	(void)state;
	check_sanitized("\xed\xa0\x80", "\\xed\\xa0\\x80");
	check_sanitized("\xed\xbf\xbf", "\\xed\\xbf\\xbf");
}

static void test_beyond_unicode(void **state)
{
	(void)state;
	check_sanitized("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");
	check_sanitized("\xf5\xf8\xfe\xff", "\\xf5\\xf8\\xfe\\xff");
}

static void test_bidi_controls(void **state)
{
	(void)state;
	check_sanitized("a\xe2\x80\xae" "b", "a\\u{202E}b");
	check_sanitized("\xe2\x81\xa6" "x", "\\u{2066}x");
	check_sanitized("\xe2\x80\x8e", "\\u{200E}");
}

static void test_zero_width_format_chars(void **state)
{
	(void)state;
	check_sanitized("a\xe2\x80\x8b" "b", "a\\u{200B}b");
	check_sanitized("a\xe2\x80\x8d" "b", "a\\u{200D}b");
	check_sanitized("\xef\xbb\xbf" "a", "\\u{FEFF}a");
}

static void test_line_separators(void **state)
{
	(void)state;
	check_sanitized("\xe2\x80\xa8\xe2\x80\xa9", "\\u{2028}\\u{2029}");
}

static void test_private_use(void **state)
{
	(void)state;
	check_sanitized("\xee\x80\x80", "\\u{E000}");
	check_sanitized("\xf3\xb0\x80\x80", "\\u{F0000}");
}

static void test_noncharacters_and_unassigned(void **state)
{
	(void)state;
	check_sanitized("\xef\xbf\xbf", "\\u{FFFF}");
	check_sanitized("\xef\xb7\x90", "\\u{FDD0}");
	check_sanitized("\xcd\xb8", "\\u{0378}");
}

static void test_printable_non_ascii_kept(void **state)
{
	(void)state;
	check_sanitized("caf\xc3\xa9 " CJK2 " \xf0\x9f\x98\x80",
	    "caf\xc3\xa9 " CJK2 " \xf0\x9f\x98\x80");
}

static void test_combining_after_base_kept(void **state)
{
	(void)state;
	check_sanitized("e" ACUTE ACUTE, "e" ACUTE ACUTE);
}

static void test_combining_at_start_escaped(void **state)
{
	(void)state;
	check_sanitized(ACUTE "e", "\\u{0301}e");
}

static void test_combining_after_escape_escaped(void **state)
{
	(void)state;
	check_sanitized("\x01" ACUTE, "\\x01\\u{0301}");
}

static void test_ascii_mode_escapes_every_high_byte(void **state)
{
	(void)state;
	check_sanitized_ascii("caf\xc3\xa9", "caf\\xc3\\xa9");
	check_sanitized_ascii("\xe6\xbc\xa2\x1b", "\\xe6\\xbc\\xa2\\x1b");
	check_sanitized_ascii("\xc2\x9b~", "\\xc2\\x9b~");
}

/* Every one- and two-byte input, in both modes, comes out displayable. */
static void test_all_short_inputs_displayable(void **state)
{
	struct buf b;
	unsigned i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 0x10000; i++) {
		char in[2] = { (char)(i >> 8), (char)i };

		buf_reset(&b);
		text_sanitize(&b, in, 2, TEXT_UTF8);
		assert_displayable(&b);
		buf_reset(&b);
		text_sanitize(&b, in + 1, 1, TEXT_ASCII);
		assert_displayable(&b);
		assert_int_equal(text_width(b.data, b.len), (int)b.len);
	}
	buf_free(&b);
}

static void test_long_input(void **state)
{
	const size_t n = 1 << 20;
	char *in = malloc(n);
	struct buf b;

	(void)state;
	assert_non_null(in);
	memset(in, 0x1b, n);
	buf_init(&b);
	text_sanitize(&b, in, n, TEXT_UTF8);
	assert_int_equal(b.len, 4 * n);
	assert_memory_equal(b.data + 4 * n - 8, "\\x1b\\x1b", 8);
	assert_int_equal(text_width(b.data, b.len), (int)(4 * n));
	buf_free(&b);
	free(in);
}

static void test_width_of_wide_and_combining(void **state)
{
	(void)state;
	assert_int_equal(text_width("", 0), 0);
	assert_int_equal(text_width("abc", 3), 3);
	assert_int_equal(text_width(CJK2, 6), 4);
	assert_int_equal(text_width("e" ACUTE, 3), 1);
	assert_int_equal(text_width("a" CJK2 "b", 8), 6);
}

/* Unsanitized input must still measure sensibly, never negative. */
static void test_width_of_unsanitized_input(void **state)
{
	int cols = -1;

	(void)state;
	assert_int_equal(text_width("a\x01\xc2\x9b", 4), 1);
	assert_int_equal(text_width("\xff\xfe", 2), 2);
	assert_int_equal(text_fit("\x01\x01" "ab", 4, 1, &cols), 3);
	assert_int_equal(cols, 1);
}

static void test_fit_never_splits_wide_char(void **state)
{
	int cols = -1;

	(void)state;
	assert_int_equal(text_fit(CJK2, 6, 3, &cols), 3);
	assert_int_equal(cols, 2);
	assert_int_equal(text_fit("a" CJK2, 7, 2, &cols), 1);
	assert_int_equal(cols, 1);
	assert_int_equal(text_fit(CJK2, 6, 1, &cols), 0);
	assert_int_equal(cols, 0);
}

static void test_fit_keeps_marks_with_base(void **state)
{
	int cols = -1;

	(void)state;
	assert_int_equal(text_fit("ae" ACUTE "x", 5, 2, &cols), 4);
	assert_int_equal(cols, 2);
}

static void test_fit_zero_and_negative_limit(void **state)
{
	int cols = -1;

	(void)state;
	assert_int_equal(text_fit("abc", 3, 0, &cols), 0);
	assert_int_equal(cols, 0);
	cols = -1;
	assert_int_equal(text_fit("abc", 3, -5, &cols), 0);
	assert_int_equal(cols, 0);
}

static void test_fit_whole_text(void **state)
{
	int cols = -1;

	(void)state;
	assert_int_equal(text_fit("abc", 3, 80, &cols), 3);
	assert_int_equal(cols, 3);
	assert_int_equal(text_fit("", 0, 80, NULL), 0);
}

static void check_cell(const char *in, int cols, bool pad,
    const char *want, int want_cols)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "old contents");
	assert_int_equal(text_fit_cell(&b, in, strlen(in), cols, pad,
	    TEXT_UTF8), want_cols);
	assert_string_equal(b.data, want);
	assert_int_equal(text_width(b.data, b.len), want_cols);
	assert_displayable(&b);
	buf_free(&b);
}

static void test_cell_fits(void **state)
{
	(void)state;
	check_cell("bash", 8, false, "bash", 4);
	check_cell("bash", 4, false, "bash", 4);
}

static void test_cell_padded(void **state)
{
	(void)state;
	check_cell("bash", 6, true, "bash  ", 6);
	check_cell("", 3, true, "   ", 3);
}

static void test_cell_cut_with_tilde(void **state)
{
	(void)state;
	check_cell("abcdef", 4, false, "abc~", 4);
	check_cell("abcdef", 2, true, "a~", 2);
}

static void test_cell_cut_before_wide_char(void **state)
{
	(void)state;
	check_cell(CJK2 CJK2, 4, false, "\xe6\xbc\xa2~", 3);
	check_cell(CJK2 CJK2, 4, true, "\xe6\xbc\xa2~ ", 4);
	check_cell(CJK2 CJK2, 5, false, CJK2 "~", 5);
}

static void test_cell_one_column(void **state)
{
	(void)state;
	check_cell("abc", 1, false, "a", 1);
	check_cell(CJK2, 1, true, " ", 1);
}

static void test_cell_no_columns(void **state)
{
	(void)state;
	check_cell("abc", 0, true, "", 0);
	check_cell("abc", -3, true, "", 0);
}

static void test_cell_sanitizes_before_cutting(void **state)
{
	(void)state;
	check_cell("\x1b[2J", 4, false, "\\x1~", 4);
	check_cell("a\nb", 8, false, "a\\x0ab", 6);
}

static void test_mode_from_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C"));
	assert_int_equal(text_mode_from_locale(), TEXT_ASCII);
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		setlocale(LC_CTYPE, "C");
		skip();
	}
	assert_int_equal(text_mode_from_locale(), TEXT_UTF8);
	setlocale(LC_CTYPE, "C");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_ascii_kept),
		cmocka_unit_test(test_backslash_kept),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_appends_to_existing),
		cmocka_unit_test(test_osc_title_sequence),
		cmocka_unit_test(test_csi_clear_screen),
		cmocka_unit_test(test_bel_cr_tab_newline),
		cmocka_unit_test(test_nul_and_del),
		cmocka_unit_test(test_c1_control),
		cmocka_unit_test(test_lone_continuation_bytes),
		cmocka_unit_test(test_truncated_sequence),
		cmocka_unit_test(test_overlong_slash),
		cmocka_unit_test(test_surrogate),
		cmocka_unit_test(test_beyond_unicode),
		cmocka_unit_test(test_bidi_controls),
		cmocka_unit_test(test_zero_width_format_chars),
		cmocka_unit_test(test_line_separators),
		cmocka_unit_test(test_private_use),
		cmocka_unit_test(test_noncharacters_and_unassigned),
		cmocka_unit_test(test_printable_non_ascii_kept),
		cmocka_unit_test(test_combining_after_base_kept),
		cmocka_unit_test(test_combining_at_start_escaped),
		cmocka_unit_test(test_combining_after_escape_escaped),
		cmocka_unit_test(test_ascii_mode_escapes_every_high_byte),
		cmocka_unit_test(test_all_short_inputs_displayable),
		cmocka_unit_test(test_long_input),
		cmocka_unit_test(test_width_of_wide_and_combining),
		cmocka_unit_test(test_width_of_unsanitized_input),
		cmocka_unit_test(test_fit_never_splits_wide_char),
		cmocka_unit_test(test_fit_keeps_marks_with_base),
		cmocka_unit_test(test_fit_zero_and_negative_limit),
		cmocka_unit_test(test_fit_whole_text),
		cmocka_unit_test(test_cell_fits),
		cmocka_unit_test(test_cell_padded),
		cmocka_unit_test(test_cell_cut_with_tilde),
		cmocka_unit_test(test_cell_cut_before_wide_char),
		cmocka_unit_test(test_cell_one_column),
		cmocka_unit_test(test_cell_no_columns),
		cmocka_unit_test(test_cell_sanitizes_before_cutting),
		cmocka_unit_test(test_mode_from_locale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
