/*
 * layout.c - where the header, the tree pane, the side pane and the hint
 * line go for a terminal size.  Wide terminals show both panes; narrow ones
 * show one at a time so neither is squeezed into uselessness.
 */
#include "config.h"

#include <string.h>

#include "layout.h"

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

/*
 * The side pane's width beside the tree, 0 for none.  The tree keeps its
 * essential columns first (at 80 to ~100 columns the side pane would
 * otherwise take the wait channel and the user): the side pane gets what
 * is left, up to 40%, when that is enough to read a stack; v puts it
 * beside anyway (SIDE_BESIDE) or takes it away (SIDE_HIDDEN).
 */
static int beside_width(int cols, const struct layout_want *want)
{
	int w = side_width(cols), left = cols - want->tree_min - 1;

	if (cols < UI_SPLIT_COLS || want->side == SIDE_HIDDEN)
		return 0;
	if (want->side == SIDE_BESIDE)
		return w;
	if (left < w)
		w = left;
	return w >= UI_SIDE_MIN ? w : 0;
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
	int side_w;

	memset(l, 0, sizeof *l);
	l->separator_x = -1;
	if (lines < UI_MIN_LINES || cols < UI_MIN_COLS) {
		l->too_small = true;
		return;
	}
	l->header = rect_make(0, 0, header_h, cols);
	l->hint = rect_make(lines - hint_h, 0, hint_h, cols);
	side_w = beside_width(cols, want);
	if (side_w > 0) {
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
