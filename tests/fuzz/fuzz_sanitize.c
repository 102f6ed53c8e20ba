/*
 * Fuzzes text_sanitize in both modes: the output is valid UTF-8 with no
 * control byte, DEL, or non-printing code point, ASCII only in TEXT_ASCII
 * mode, unchanged when the input was already printable ASCII, and
 * sanitizing it again changes nothing.
 */
#include "config.h"

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "fuzz.h"
#include "tasktop/text.h"

#define NON_PRINTING (UC_CATEGORY_MASK_Cc | UC_CATEGORY_MASK_Cf | \
	UC_CATEGORY_MASK_Cs | UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp)

static void check_displayable(const struct buf *out, enum text_mode mode)
{
	const uint8_t *s = (const uint8_t *)out->data;
	ucs4_t uc;

	FUZZ_CHECK(out->data != NULL && out->data[out->len] == '\0');
	FUZZ_CHECK(u8_check(s, out->len) == NULL);
	for (size_t i = 0; i < out->len; i++) {
		FUZZ_CHECK(s[i] >= 0x20 && s[i] != 0x7f);
		FUZZ_CHECK(mode == TEXT_UTF8 || s[i] < 0x80);
	}
	for (size_t i = 0; i < out->len;) {
		i += (size_t)u8_mbtouc(&uc, s + i, out->len - i);
		FUZZ_CHECK(!uc_is_general_category_withtable(uc, NON_PRINTING));
		FUZZ_CHECK(uc_width(uc, "UTF-8") >= 0);
	}
}

static bool is_printable_ascii(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f)
			return false;
	return true;
}

static void check_mode(const char *in, size_t size, enum text_mode mode)
{
	struct buf out, again;

	buf_init(&out);
	buf_init(&again);
	text_sanitize(&out, in, size, mode);
	check_displayable(&out, mode);
	if (is_printable_ascii((const uint8_t *)in, size))
		FUZZ_CHECK(out.len == size && memcmp(out.data, in, size) == 0);
	else
		FUZZ_CHECK(mode == TEXT_UTF8 ? out.len >= size : out.len > size);
	char *copy = fuzz_copy((const uint8_t *)out.data, out.len);
	text_sanitize(&again, copy, out.len, mode);
	FUZZ_CHECK(again.len == out.len);
	FUZZ_CHECK(memcmp(again.data, out.data, out.len) == 0);
	FUZZ_CHECK(text_width(out.data, out.len) >= 0);
	free(copy);
	buf_free(&again);
	buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_copy(data, size);

	check_mode(in, size, TEXT_UTF8);
	check_mode(in, size, TEXT_ASCII);
	free(in);
	return 0;
}
