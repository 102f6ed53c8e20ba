/*
 * text_view.h - a full-screen scrollable list of untrusted lines
 * (text_view.c), and the two views made of one: the environment (e,
 * environ_view.c) and the open files (l, fd_view.c).
 */
#ifndef TASKTOP_UI_TEXT_VIEW_H
#define TASKTOP_UI_TEXT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/text.h"

struct ui;

/* e and l: a title and lines of untrusted bytes (ends[i]: where line i
 * ends in text). */
struct text_view {
	bool		 open;
	char		 title[160];
	struct buf	 text;
	size_t		*ends;
	size_t		 nlines;
	size_t		 ends_cap;
	size_t		 top;
};

/* text_view.c: a full-screen scrollable list (e, l) */
void text_view_open(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void text_view_add(struct ui *ui, const char *s, size_t len);
void text_view_addf(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void text_view_key(struct ui *ui, int key);
void text_view_draw(struct ui *ui);
void text_view_free(struct ui *ui);

/* environ_view.c (e), fd_view.c (l) */
void environ_view_open(struct ui *ui);
void fd_view_open(struct ui *ui);

#endif
