#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "tasktop/text.h"

/*
 * Code points a terminal would not draw as a visible glyph of their own:
 * controls, format characters (bidi overrides, zero-width joiners, BOM)
 * that silently reorder or hide what follows, line separators, private use
 * (its glyph depends on the font), unassigned and non-characters (which
 * Unicode files under Cn).
 */
#define HIDDEN_CATEGORIES (UC_CATEGORY_MASK_Cc | UC_CATEGORY_MASK_Cf | \
	UC_CATEGORY_MASK_Cs | UC_CATEGORY_MASK_Co | UC_CATEGORY_MASK_Cn | \
	UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp)

enum text_mode text_mode_from_locale(void)
{
	const char *codeset = nl_langinfo(CODESET);

	if (strcasecmp(codeset, "UTF-8") == 0 ||
	    strcasecmp(codeset, "UTF8") == 0)
		return TEXT_UTF8;
	return TEXT_ASCII;
}

static bool is_hidden(ucs4_t uc)
{
	return uc_is_general_category_withtable(uc, HIDDEN_CATEGORIES);
}

static void escape_byte(struct buf *out, unsigned char byte)
{
	buf_printf(out, "\\x%02x", byte);
}

static void escape_code_point(struct buf *out, ucs4_t uc)
{
	buf_printf(out, "\\u{%04X}", (unsigned)uc);
}

/*
 * Appends the character at s (at most n bytes, first byte >= 0x80) and
 * returns the bytes consumed.  after_base says whether the previous output
 * was a visible character a combining mark may attach to; without one the
 * mark would merge into whatever the terminal drew before our text.
 */
static size_t sanitize_multibyte(struct buf *out, const uint8_t *s, size_t n,
    bool *after_base)
{
	ucs4_t uc;
	int len = u8_mbtoucr(&uc, s, n);
	int width;

	if (len < 0) {
		escape_byte(out, s[0]);
		*after_base = false;
		return 1;
	}
	width = uc_width(uc, "UTF-8");
	if (width < 0 || is_hidden(uc) || (width == 0 && !*after_base)) {
		escape_code_point(out, uc);
		*after_base = false;
	} else {
		buf_add(out, s, (size_t)len);
		*after_base = true;
	}
	return (size_t)len;
}

void text_sanitize(struct buf *out, const char *in, size_t len,
    enum text_mode mode)
{
	const uint8_t *s = (const uint8_t *)in;
	bool after_base = false;
	size_t i = 0;

	/* out->data is a string even when in is empty */
	buf_add(out, "", 0);
	while (i < len) {
		if (s[i] >= 0x80 && mode == TEXT_UTF8) {
			i += sanitize_multibyte(out, s + i, len - i,
			    &after_base);
			continue;
		}
		after_base = s[i] >= 0x20 && s[i] < 0x7f;
		if (after_base)
			buf_addc(out, (char)s[i]);
		else
			escape_byte(out, s[i]);
		i++;
	}
}

/*
 * Width of the character at s, *len its bytes.  Invalid bytes count one
 * column (a terminal shows U+FFFD for them), non-printing code points none.
 */
static int char_width(const char *s, size_t n, size_t *len)
{
	ucs4_t uc;
	int width;

	*len = (size_t)u8_mbtouc(&uc, (const uint8_t *)s, n);
	width = uc_width(uc, "UTF-8");
	return width < 0 ? 0 : width;
}

int text_width(const char *s, size_t len)
{
	size_t i = 0, n;
	int cols = 0;

	while (i < len) {
		cols += char_width(s + i, len - i, &n);
		i += n;
	}
	return cols;
}

/* Zero-width characters after the last one that fits go with it. */
size_t text_fit(const char *s, size_t len, int max_cols, int *cols)
{
	size_t i = 0, n;
	int used = 0;

	while (i < len && max_cols > 0) {
		int width = char_width(s + i, len - i, &n);

		if (used + width > max_cols)
			break;
		used += width;
		i += n;
	}
	if (cols)
		*cols = used;
	return i;
}

int text_fit_cell(struct buf *out, const char *in, size_t len, int cols,
    bool pad, enum text_mode mode)
{
	int used;

	buf_reset(out);
	if (cols <= 0)
		return 0;
	text_sanitize(out, in, len, mode);
	if (text_width(out->data, out->len) > cols) {
		int room = cols >= 2 ? cols - 1 : cols;

		out->len = text_fit(out->data, out->len, room, &used);
		out->data[out->len] = '\0';
		if (cols >= 2) {
			buf_addc(out, '~');
			used++;
		}
	} else {
		used = text_width(out->data, out->len);
	}
	for (; pad && used < cols; used++)
		buf_addc(out, ' ');
	return used;
}
