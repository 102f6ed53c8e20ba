/*
 * draw.c - the only way text reaches the screen: sanitized, fitted to its
 * cell by display columns, in an element's style.
 */
#include "config.h"

#include <curses.h>

#include "internal.h"

/* Spaces in the style (hline would draw them in the window's attributes). */
void draw_fill(struct ui *ui, int y, int x, int w, enum theme_elem style)
{
	static const char spaces[] = "                                ";
	int chunk = (int)sizeof spaces - 1;

	attrset(ui->attr[style]);
	for (; w > 0; x += chunk, w -= chunk)
		mvaddnstr(y, x, spaces, w < chunk ? w : chunk);
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
	attrset(ui->attr[style]);
	mvaddnstr(y, right ? x + w - used : x, ui->cell.data, (int)ui->cell.len);
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
