/*
 * layout.c - where the header, the tree pane, the side pane and the hint
 * line go for a terminal size.  Wide terminals show both panes; narrow ones
 * show one at a time so neither is squeezed into uselessness.
 */
#include "config.h"

#include <string.h>

#include "internal.h"

static struct rect rect_make(int y, int x, int h, int w)
{
	struct rect r = { .y = y, .x = x, .h = h, .w = w };
	return r;
}

/* About 40% of the width, capped so the tree keeps the rest. */
static int side_width(int cols)
{
	int w = cols * 2 / 5;
	return w > UI_SIDE_MAX ? UI_SIDE_MAX : w;
}

void layout_compute(struct layout *l, int lines, int cols,
    const struct layout_want *want)
{
	int hint_h = want->hint_lines < 1 ? 1 :
	    want->hint_lines > UI_HINT_MAX_LINES ? UI_HINT_MAX_LINES :
	    want->hint_lines;
	int header_h = 1 + (want->meter_lines > 0 &&
	    want->meter_lines < lines / 2 ? want->meter_lines : 0);
	int body_h = lines - header_h - hint_h;

	memset(l, 0, sizeof *l);
	l->separator_x = -1;
	if (lines < UI_MIN_LINES || cols < UI_MIN_COLS) {
		l->too_small = true;
		return;
	}
	l->header = rect_make(0, 0, header_h, cols);
	l->hint = rect_make(lines - hint_h, 0, hint_h, cols);
	if (cols >= UI_SPLIT_COLS) {
		int side_w = side_width(cols);
		int tree_w = cols - side_w - 1;

		l->split = true;
		l->tree = rect_make(header_h, 0, body_h, tree_w);
		l->separator_x = tree_w;
		l->side = rect_make(header_h, tree_w + 1, body_h, side_w);
	} else if (want->side_shown) {
		l->side = rect_make(header_h, 0, body_h, cols);
	} else {
		l->tree = rect_make(header_h, 0, body_h, cols);
	}
}
