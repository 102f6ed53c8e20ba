/*
 * draw.h - drawing a frame (screen.c) and its parts: the header (header.c),
 * the tree pane (tree_pane.c), the side pane (side_pane.c); untrusted text
 * fitted into a cell (draw.c).
 */
#ifndef TASKTOP_UI_DRAW_H
#define TASKTOP_UI_DRAW_H

#include <stddef.h>

#include "tasktop/ui.h"

struct ui;
struct rect;

void screen_draw(struct ui *ui);
void header_draw(struct ui *ui, const struct rect *r);
void tree_pane_draw(struct ui *ui, const struct rect *r);
void side_pane_draw(struct ui *ui, const struct rect *r);
/* Untrusted text, sanitized and fitted into w columns at y, x in a style;
 * draw_cell returns the columns it took. */
int draw_cell(struct ui *ui, int y, int x, int w, enum theme_elem style,
    const char *s, size_t len);
void draw_cell_right(struct ui *ui, int y, int x, int w, enum theme_elem style,
    const char *s, size_t len);
void draw_fill(struct ui *ui, int y, int x, int w, enum theme_elem style);

#endif
