/*
 * Fuzzes text_width, text_fit and text_fit_cell.  The first bytes choose
 * the width, padding and mode.  text_fit returns the longest prefix of
 * sanitized text that fits, on a character boundary; text_fit_cell fills
 * exactly the cell when padding and never more than the cell.
 */
#include "config.h"

#include <unistr.h>

#include "fuzz.h"
#include "tasktop/text.h"

/* Columns of the one character at s. */
static int next_char_width(const char *s, size_t n)
{
	int len = u8_mblen((const uint8_t *)s, n);

	FUZZ_CHECK(len > 0);
	return text_width(s, (size_t)len);
}

static void check_fit(const struct buf *clean, int max_cols)
{
	int cols = -1;
	size_t n = text_fit(clean->data, clean->len, max_cols, &cols);

	FUZZ_CHECK(n <= clean->len);
	FUZZ_CHECK(u8_check((const uint8_t *)clean->data, n) == NULL);
	FUZZ_CHECK(cols >= 0 && cols <= (max_cols > 0 ? max_cols : 0));
	FUZZ_CHECK(cols == text_width(clean->data, n));
	FUZZ_CHECK(text_fit(clean->data, clean->len, max_cols, NULL) == n);
	if (max_cols > 0 && n < clean->len)
		FUZZ_CHECK(cols + next_char_width(clean->data + n,
		    clean->len - n) > max_cols);
}

static void check_cell(const char *in, size_t size, const struct buf *clean,
    int cols, bool pad, enum text_mode mode)
{
	struct buf out;
	int whole = text_width(clean->data, clean->len);

	buf_init(&out);
	buf_adds(&out, "stale");
	int used = text_fit_cell(&out, in, size, cols, pad, mode);
	if (cols <= 0) {
		FUZZ_CHECK(used == 0 && out.len == 0);
		buf_free(&out);
		return;
	}
	FUZZ_CHECK(out.data[out.len] == '\0');
	FUZZ_CHECK(u8_check((const uint8_t *)out.data, out.len) == NULL);
	FUZZ_CHECK(used >= 0 && used <= cols);
	FUZZ_CHECK(used == text_width(out.data, out.len));
	FUZZ_CHECK(!pad || used == cols);
	if (whole <= cols) {
		FUZZ_CHECK(out.len >= clean->len);
		FUZZ_CHECK(memcmp(out.data, clean->data, clean->len) == 0);
	} else if (cols >= 2) {
		const char *tilde = memrchr(out.data, '~', out.len);
		FUZZ_CHECK(tilde != NULL);
		for (const char *p = tilde + 1; p < out.data + out.len; p++)
			FUZZ_CHECK(*p == ' ');
		size_t kept = (size_t)(tilde - out.data);
		FUZZ_CHECK(kept <= clean->len);
		FUZZ_CHECK(memcmp(out.data, clean->data, kept) == 0);
	}
	buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int cols = (int)fuzz_take_byte(&data, &size) - 8;
	unsigned flags = fuzz_take_byte(&data, &size);
	bool pad = flags & 1;
	enum text_mode mode = flags & 2 ? TEXT_ASCII : TEXT_UTF8;
	char *in = fuzz_copy(data, size);
	struct buf clean;

	/* robust on raw bytes too, though only sanitized text is promised */
	FUZZ_CHECK(text_fit(in, size, cols, NULL) <= size);
	FUZZ_CHECK(text_width(in, size) >= 0);
	buf_init(&clean);
	text_sanitize(&clean, in, size, mode);
	char *copy = fuzz_copy((const uint8_t *)clean.data, clean.len);
	struct buf exact = { copy, clean.len, clean.len };
	check_fit(&exact, cols);
	check_cell(in, size, &clean, cols, pad, mode);
	free(copy);
	buf_free(&clean);
	free(in);
	return 0;
}
