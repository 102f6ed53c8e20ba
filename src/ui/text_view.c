/*
 * text_view.c - a full-screen list of lines to scroll, for what a key
 * shows of the selected process: its environment (e), its open files (l).
 * The lines are untrusted bytes kept as they are (offsets, not '\n', mark
 * where each ends: an environment value may hold a newline); draw_cell
 * sanitizes each as it is drawn.
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/grow.h"

#include "draw.h"
#include "state.h"
#include "text_view.h"

#define KEY_ESCAPE 27

void text_view_open(struct ui *ui, const char *fmt, ...)
{
	struct text_view *v = &ui->textview;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->title, sizeof v->title, fmt, ap);
	va_end(ap);
	buf_reset(&v->text);
	v->nlines = 0;
	v->top = 0;
	v->open = true;
}

void text_view_add(struct ui *ui, const char *s, size_t len)
{
	struct text_view *v = &ui->textview;

	grow_array(&v->ends, &v->ends_cap, v->nlines + 1, sizeof *v->ends);
	buf_add(&v->text, s, len);
	v->ends[v->nlines++] = v->text.len;
}

void text_view_addf(struct ui *ui, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	text_view_add(ui, line, (size_t)n < sizeof line ? (size_t)n :
	    sizeof line - 1);
}

void text_view_free(struct ui *ui)
{
	free(ui->textview.ends);
	buf_free(&ui->textview.text);
	memset(&ui->textview, 0, sizeof ui->textview);
}

static size_t max_top(const struct text_view *v, int rows)
{
	return rows > 0 && v->nlines > (size_t)rows ? v->nlines - (size_t)rows :
	    0;
}

void text_view_key(struct ui *ui, int key)
{
	struct text_view *v = &ui->textview;
	int rows = LINES - 2;
	long top = (long)v->top;

	switch (key) {
	case KEY_UP: top--; break;
	case KEY_DOWN: case 'j': top++; break;
	case KEY_PPAGE: top -= rows; break;
	case KEY_NPAGE: case ' ': top += rows; break;
	case KEY_HOME: case 'g': top = 0; break;
	case KEY_END: case 'G': top = (long)max_top(v, rows); break;
	case KEY_RESIZE: break;
	default:
		v->open = false;	/* Esc, q, any other key: back */
		return;
	}
	if (top > (long)max_top(v, rows))
		top = (long)max_top(v, rows);
	v->top = top < 0 ? 0 : (size_t)top;
}

void text_view_draw(struct ui *ui)
{
	const struct text_view *v = &ui->textview;
	int rows = LINES - 2, y = 1;

	draw_fill(ui, 0, 0, COLS, THEME_HEADER);
	draw_cell(ui, 0, 0, COLS, THEME_HEADER, v->title, strlen(v->title));
	for (size_t i = v->top; i < v->nlines && y <= rows; i++, y++) {
		size_t start = i ? v->ends[i - 1] : 0;

		draw_cell(ui, y, 1, COLS - 1, THEME_NORMAL, v->text.data + start,
		    v->ends[i] - start);
	}
	if (v->nlines == 0)
		draw_cell(ui, 1, 1, COLS - 1, THEME_PANE, "(nothing)", 9);
}
