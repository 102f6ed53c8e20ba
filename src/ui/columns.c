/*
 * columns.c - the tree pane's columns and which of them fit.
 */
#include "config.h"

#include <string.h>

#include "internal.h"

#define NAME_MIN_COLS 16

static const struct {
	const char	*title;
	int		 width;
	bool		 right;
} column_info[COL_COUNT] = {
	[COL_ID] = { "PID/TID", 7, true },
	[COL_USER] = { "USER", 8, false },
	[COL_STATE] = { "S", 1, false },
	[COL_CPU] = { "CPU%", 5, true },
	[COL_MEM] = { "MEM", 5, true },
	[COL_THREADS] = { "THR", 4, true },
	[COL_TIME] = { "TIME+", 9, true },
	[COL_WCHAN] = { "WCHAN", 16, false },
	[COL_MARK] = { "", 1, false },
	[COL_NAME] = { "COMMAND", 0, false },
};

/* Dropped in this order when the pane is too narrow for all of them. */
static const enum column drop_order[] = {
	COL_WCHAN, COL_TIME, COL_USER, COL_THREADS, COL_MEM, COL_CPU,
};

enum column column_of_sort(enum sort_key k)
{
	static const enum column by_sort[SORT_COUNT] = {
		[SORT_PID] = COL_ID, [SORT_USER] = COL_USER,
		[SORT_STATE] = COL_STATE, [SORT_CPU] = COL_CPU,
		[SORT_MEM] = COL_MEM, [SORT_THREADS] = COL_THREADS,
		[SORT_NAME] = COL_NAME, [SORT_TIME] = COL_TIME,
	};

	return (unsigned)k < SORT_COUNT ? by_sort[k] : COL_ID;
}

const char *column_title(enum column c)
{
	return column_info[c].title;
}

bool column_right_aligned(enum column c)
{
	return column_info[c].right;
}

static int fixed_width(const bool shown[COL_COUNT])
{
	int w = 0;

	for (int c = 0; c < COL_NAME; c++)
		if (shown[c])
			w += column_info[c].width + 1;
	return w;
}

void columns_layout(struct columns *cl, int width)
{
	size_t dropped = 0;
	int x = 0;

	memset(cl, 0, sizeof *cl);
	for (int c = 0; c < COL_COUNT; c++)
		cl->shown[c] = true;
	while (width - fixed_width(cl->shown) < NAME_MIN_COLS &&
	    dropped < sizeof drop_order / sizeof drop_order[0])
		cl->shown[drop_order[dropped++]] = false;
	for (int c = 0; c < COL_NAME; c++) {
		if (!cl->shown[c])
			continue;
		cl->x[c] = x;
		cl->w[c] = column_info[c].width;
		x += cl->w[c] + 1;
	}
	cl->x[COL_NAME] = x;
	cl->w[COL_NAME] = width > x ? width - x : 0;
}
