/*
 * draw.c - the only way text reaches the screen: sanitized, fitted to its
 * cell by display columns, in an element's style.
 */
#include "config.h"

#include <curses.h>
#include <stdbool.h>

#include "draw.h"
#include "state.h"

#define ASCII_RUN_MAX 512

static bool printable_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return false;
	return true;
}

/*
 * Put sanitized text at y, x.  Printable ASCII goes in as ready-made cells:
 * waddnstr would decode it byte by byte as multibyte text (mbrtowc, wcwidth,
 * wctob per byte), which was most of the CPU of a repaint.
 */
static void put_text(int y, int x, const char *s, size_t len, int attr)
{
	static chtype cells[ASCII_RUN_MAX];

	if (len <= ASCII_RUN_MAX && printable_ascii(s, len)) {
		for (size_t i = 0; i < len; i++)
			cells[i] = (chtype)(unsigned char)s[i] | (chtype)attr;
		mvaddchnstr(y, x, cells, (int)len);
		return;
	}
	attrset(attr);
	mvaddnstr(y, x, s, (int)len);
}

/* Spaces in the style (hline would draw them in the window's attributes). */
void draw_fill(struct ui *ui, int y, int x, int w, enum theme_elem style)
{
	static const char spaces[] = "                                ";
	int chunk = (int)sizeof spaces - 1;

	for (; w > 0; x += chunk, w -= chunk)
		put_text(y, x, spaces, (size_t)(w < chunk ? w : chunk),
		    ui->attr[style]);
}

static int draw_fitted(struct ui *ui, int y, int x, int w,
    enum theme_elem style, const char *s, size_t len, bool right)
{
	int used;

	if (w <= 0)
		return 0;
	if (!s) {
		s = "";
		len = 0;
	}
	used = text_fit_cell(&ui->cell, s, len, w, false, ui->mode);
	if (ui->cell.len == 0)
		return 0;
	put_text(y, right ? x + w - used : x, ui->cell.data, ui->cell.len,
	    ui->attr[style]);
	return used;
}

int draw_cell(struct ui *ui, int y, int x, int w, enum theme_elem style,
    const char *s, size_t len)
{
	return draw_fitted(ui, y, x, w, style, s, len, false);
}

void draw_cell_right(struct ui *ui, int y, int x, int w, enum theme_elem style,
    const char *s, size_t len)
{
	draw_fitted(ui, y, x, w, style, s, len, true);
}
