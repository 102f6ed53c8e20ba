/*
 * columns.c - the tree pane's columns: which the user chose and in what
 * order (F2, saved in the settings), and which of them fit.  The mark and
 * the command always come last: the command takes what is left.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "columns.h"

#define NAME_MIN_COLS 16

static const struct {
	const char	*title;
	int		 width;
	bool		 right;
	const char	*about;		/* the setup screen's line */
} column_info[COL_COUNT] = {
	[COL_ID] = { "PID/TID", 7, true, "process id, or thread id" },
	[COL_USER] = { "USER", 8, false, "owner" },
	[COL_STATE] = { "S", 1, false, "state (R S D Z T I ...)" },
	[COL_CPU] = { "CPU%", 5, true, "CPU use since the last refresh" },
	[COL_MEMPCT] = { "MEM%", 5, true, "resident memory, % of MemTotal" },
	[COL_MEM] = { "RES", 5, true, "resident memory (RSS)" },
	[COL_VIRT] = { "VIRT", 5, true, "virtual memory size" },
	[COL_SHR] = { "SHR", 5, true, "shared memory (statm)" },
	[COL_THREADS] = { "THR", 4, true, "threads" },
	[COL_NICE] = { "NI", 3, true, "nice value" },
	[COL_PRIO] = { "PRI", 3, true, "kernel priority (stat)" },
	[COL_TIME] = { "TIME+", 9, true, "CPU time, user + system" },
	[COL_PROCESSOR] = { "CPU", 3, true, "processor it last ran on" },
	[COL_START] = { "START", 5, true, "when it started" },
	[COL_CTXT] = { "CSW/s", 5, true, "context switches a second" },
	[COL_IO_READ] = { "RD/s", 5, true,
	    "bytes read a second (needs ptrace access)" },
	[COL_IO_WRITE] = { "WR/s", 5, true,
	    "bytes written a second (needs ptrace access)" },
	[COL_WCHAN] = { "WCHAN", 16, false, "where in the kernel it waits" },
	[COL_MARK] = { "", 1, false, "" },
	[COL_NAME] = { "COMMAND", 0, false, "" },
};

const enum column columns_default[] = {
	COL_ID, COL_USER, COL_STATE, COL_CPU, COL_MEM, COL_THREADS, COL_TIME,
	COL_WCHAN,
};
const size_t columns_ndefault = sizeof columns_default /
    sizeof columns_default[0];

/* Dropped in this order when the pane is too narrow for all of them; the
 * ones not listed go before these.  The essential ones (where a thread
 * waits, whose it is) go last. */
static const enum column drop_order[] = {
	COL_TIME, COL_THREADS, COL_MEM, COL_USER, COL_WCHAN, COL_CPU,
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

const char *column_about(enum column c)
{
	return column_info[c].about;
}

bool column_right_aligned(enum column c)
{
	return column_info[c].right;
}

bool column_choosable(enum column c)
{
	return c < COL_MARK;
}

int columns_essential_width(const enum column *chosen, size_t n)
{
	static const enum column essential[] = {
		COL_ID, COL_USER, COL_STATE, COL_CPU, COL_MEM, COL_WCHAN,
	};
	int w = column_info[COL_MARK].width + 1 + NAME_MIN_COLS;

	for (size_t i = 0; i < n; i++)
		for (size_t e = 0; e < sizeof essential / sizeof essential[0]; e++)
			if (chosen[i] == essential[e])
				w += column_info[chosen[i]].width + 1;
	return w;
}

static int fixed_width(const struct columns *cl)
{
	int w = 0;

	for (int c = 0; c < COL_NAME; c++)
		if (cl->shown[c])
			w += column_info[c].width + 1;
	return w;
}

static bool drop_listed(enum column c)
{
	for (size_t i = 0; i < sizeof drop_order / sizeof drop_order[0]; i++)
		if (drop_order[i] == c)
			return true;
	return false;
}

/* The next column to give up: the chosen ones without a place in
 * drop_order (the last chosen first), then drop_order's. */
static bool drop_one(struct columns *cl, const enum column *chosen,
    size_t n)
{
	for (size_t i = n; i-- > 0;)
		if (cl->shown[chosen[i]] && !drop_listed(chosen[i]) &&
		    chosen[i] != COL_ID && chosen[i] != COL_STATE) {
			cl->shown[chosen[i]] = false;
			return true;
		}
	for (size_t i = 0; i < sizeof drop_order / sizeof drop_order[0]; i++)
		if (cl->shown[drop_order[i]]) {
			cl->shown[drop_order[i]] = false;
			return true;
		}
	return false;
}

void columns_layout(struct columns *cl, int width, const enum column *chosen,
    size_t n)
{
	int x = 0;

	memset(cl, 0, sizeof *cl);
	for (size_t i = 0; i < n; i++)
		if (column_choosable(chosen[i]) && !cl->shown[chosen[i]]) {
			cl->order[cl->n++] = chosen[i];
			cl->shown[chosen[i]] = true;
		}
	cl->order[cl->n++] = COL_MARK;
	cl->shown[COL_MARK] = cl->shown[COL_NAME] = true;
	while (width - fixed_width(cl) < NAME_MIN_COLS &&
	    drop_one(cl, chosen, n))
		;
	for (size_t i = 0; i < cl->n; i++) {
		enum column c = cl->order[i];

		if (!cl->shown[c])
			continue;
		cl->x[c] = x;
		cl->w[c] = column_info[c].width;
		x += cl->w[c] + 1;
	}
	cl->x[COL_NAME] = x;
	cl->w[COL_NAME] = width > x ? width - x : 0;
}

/* ---- the settings' names -------------------------------------------- */

static bool column_by_name(const char *name, enum column *c)
{
	for (int i = 0; i < COL_MARK; i++)
		if (strcmp(column_info[i].title, name) == 0) {
			*c = (enum column)i;
			return true;
		}
	return false;
}

/* The file's column names a version of ours knows, in order, each once;
 * when none is known, the defaults. */
size_t columns_from_names(enum column *chosen, const struct settings *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->ncolumns && n < COL_MARK; i++) {
		enum column c;
		bool dup = false;

		if (!column_by_name(s->columns[i], &c))
			continue;
		for (size_t j = 0; j < n; j++)
			dup = dup || chosen[j] == c;
		if (!dup)
			chosen[n++] = c;
	}
	if (n == 0) {
		memcpy(chosen, columns_default, sizeof columns_default);
		n = columns_ndefault;
	}
	return n;
}

void columns_to_names(const enum column *chosen, size_t n, struct settings *s)
{
	s->ncolumns = 0;
	for (size_t i = 0; i < n && s->ncolumns < SETTINGS_COLUMNS_MAX; i++)
		snprintf(s->columns[s->ncolumns++], SETTINGS_COLUMN_NAME_MAX, "%s",
		    column_info[chosen[i]].title);
}
