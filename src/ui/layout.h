/*
 * layout.h - where the header, the tree, the side pane and the hint line go
 * on a terminal of a given size (layout.c).  No curses: unit tests call it.
 */
#ifndef TASKTOP_UI_LAYOUT_H
#define TASKTOP_UI_LAYOUT_H

#include <stdbool.h>

#define UI_MIN_COLS	40
#define UI_MIN_LINES	10
#define UI_SPLIT_COLS	80	/* from here the side pane sits beside the tree */
#define UI_SIDE_MAX	64	/* the side pane's widest, in columns */

struct rect {
	int		 y, x, h, w;
};

struct layout {
	bool		 too_small;
	bool		 split;		/* tree and side pane side by side */
	struct rect	 header;	/* one line */
	struct rect	 tree;		/* title line + rows */
	struct rect	 side;		/* title line + text; w 0 when hidden */
	int		 separator_x;	/* -1: none */
	struct rect	 hint;		/* the bottom lines: key hint or prompt */
};

#define UI_HINT_MAX_LINES 4

#define UI_SIDE_MIN	30	/* narrower, the side pane is not put beside */

enum side_mode {
	SIDE_AUTO,		/* beside the tree when the tree keeps its essentials */
	SIDE_BESIDE,		/* beside the tree from 80 columns, whatever it costs */
	SIDE_HIDDEN,		/* not beside: Tab or Enter shows it over the tree */
};

struct layout_want {
	enum side_mode	 side;		/* v */
	int		 tree_min;	/* columns the tree's essentials take; 0 none */
	bool		 side_shown;	/* not beside: the side pane covers the tree */
	int		 hint_lines;	/* 1; a prompt may need more */
	int		 meter_lines;	/* under the header line; 0: none */
};

void layout_compute(struct layout *l, int lines, int cols,
    const struct layout_want *want);

#endif
