/*
 * text.h - untrusted text made safe: sanitising for display, measuring and
 * cutting by display columns (libunistring), JSON escaping, and a growable
 * byte buffer shared by every layer.
 */
#ifndef TASKTOP_TEXT_H
#define TASKTOP_TEXT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>

/* ---- growable buffer ----------------------------------------------- */

struct buf {
	char		*data;		/* always NUL-terminated when len > 0 or after buf_* */
	size_t		 len;
	size_t		 cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);		/* len = 0, keeps memory */
void buf_add(struct buf *b, const void *data, size_t len);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* ---- display text -------------------------------------------------- */

enum text_mode {
	TEXT_UTF8,	/* printable UTF-8 kept, wide characters allowed */
	TEXT_ASCII,	/* anything outside printable ASCII escaped */
};

/* The mode for the current locale (nl_langinfo(CODESET) is UTF-8?). */
enum text_mode text_mode_from_locale(void);

/*
 * Append a displayable form of untrusted bytes to out: printable characters
 * as they are; control bytes, DEL, invalid UTF-8 bytes as "\xNN"; C1
 * controls, bidi overrides and other non-printing code points as "\u{XXXX}";
 * in TEXT_ASCII mode every non-ASCII byte as "\xNN".  A backslash stays a
 * backslash.  The result never contains a byte < 0x20 or 0x7f and is valid
 * UTF-8.
 */
void text_sanitize(struct buf *out, const char *in, size_t len,
    enum text_mode mode);

/* Display columns of sanitized (valid, printable) UTF-8. */
int text_width(const char *s, size_t len);

/*
 * The longest prefix of sanitized UTF-8 s that fits in max_cols columns,
 * never splitting a character (a wide character that would straddle the
 * limit is left out).  Returns its byte length; *cols gets its width.
 */
size_t text_fit(const char *s, size_t len, int max_cols, int *cols);

/*
 * Sanitize then fit into exactly `cols` columns into out (replacing its
 * contents): cut with a trailing "~" when it had to be cut (if cols >= 2),
 * padded with spaces when pad is set.  Returns the columns used.
 */
int text_fit_cell(struct buf *out, const char *in, size_t len, int cols,
    bool pad, enum text_mode mode);

/* ---- JSON ---------------------------------------------------------- */

/*
 * Append in as a JSON string literal (with the quotes).  Valid UTF-8 is
 * kept; '"' and '\\' escaped; control bytes as \u00XX; each byte of an
 * invalid UTF-8 sequence as \u00XX of that byte (so \u0080-\u00ff in our
 * output always stands for a raw byte: valid U+0080-U+00FF is written as
 * its UTF-8 bytes).
 */
void json_escape(struct buf *out, const char *in, size_t len);

#endif
