#include "config.h"

#include <stdint.h>

#include <unistr.h>

#include "tasktop/text.h"

/*
 * Recoverability: valid UTF-8 is copied as its bytes, so a \u0080-\u00ff
 * escape in our output never stands for the code point U+0080-U+00FF; it
 * always stands for one raw byte of invalid UTF-8.  A reader that wants the
 * kernel's exact bytes must apply that rule to the JSON text itself, since a
 * stock JSON decoder turns both into the same code point.
 */

static void json_escape_ascii(struct buf *out, unsigned char c)
{
	switch (c) {
	case '"':	buf_adds(out, "\\\""); return;
	case '\\':	buf_adds(out, "\\\\"); return;
	case '\b':	buf_adds(out, "\\b"); return;
	case '\f':	buf_adds(out, "\\f"); return;
	case '\n':	buf_adds(out, "\\n"); return;
	case '\r':	buf_adds(out, "\\r"); return;
	case '\t':	buf_adds(out, "\\t"); return;
	}
	/* DEL needs no escape in JSON, but must not reach a terminal via jq */
	if (c < 0x20 || c == 0x7f)
		buf_printf(out, "\\u%04x", c);
	else
		buf_addc(out, (char)c);
}

/* Returns the bytes consumed at s (n > 0, s[0] >= 0x80). */
static size_t json_escape_multibyte(struct buf *out, const uint8_t *s,
    size_t n)
{
	ucs4_t uc;
	int len = u8_mbtoucr(&uc, s, n);

	if (len < 0) {
		buf_printf(out, "\\u%04x", s[0]);
		return 1;
	}
	/* JSON allows U+2028/U+2029 raw, JavaScript string literals do not */
	if (uc == 0x2028 || uc == 0x2029)
		buf_printf(out, "\\u%04x", (unsigned)uc);
	else
		buf_add(out, s, (size_t)len);
	return (size_t)len;
}

void json_escape(struct buf *out, const char *in, size_t len)
{
	const uint8_t *s = (const uint8_t *)in;
	size_t i = 0;

	buf_addc(out, '"');
	while (i < len) {
		if (s[i] < 0x80) {
			json_escape_ascii(out, s[i]);
			i++;
		} else {
			i += json_escape_multibyte(out, s + i, len - i);
		}
	}
	buf_addc(out, '"');
}
