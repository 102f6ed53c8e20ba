/*
 * columns.h - the tree pane's columns: which exist, their titles, which fit
 * (columns.c) and each cell's text (cells.c).
 */
#ifndef TASKTOP_UI_COLUMNS_H
#define TASKTOP_UI_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/model.h"
#include "tasktop/ui.h"

struct ui;

enum column {
	COL_ID,
	COL_USER,
	COL_STATE,
	COL_CPU,
	COL_MEMPCT,		/* MEM%: RES of MemTotal */
	COL_MEM,		/* RES */
	COL_VIRT,
	COL_SHR,
	COL_THREADS,
	COL_NICE,
	COL_PRIO,
	COL_TIME,
	COL_PROCESSOR,		/* the CPU it last ran on */
	COL_START,
	COL_CTXT,		/* context switches a second */
	COL_IO_READ,		/* bytes read a second */
	COL_IO_WRITE,
	COL_WCHAN,
	COL_MARK,		/* ! or *: not choosable, always before the name */
	COL_NAME,		/* always last */
	COL_COUNT
};

struct columns {
	enum column	 order[COL_COUNT];	/* as chosen, then the mark */
	size_t		 n;
	bool		 shown[COL_COUNT];	/* chosen and fitting */
	int		 x[COL_COUNT];
	int		 w[COL_COUNT];
};

/* The columns shown until the user chooses (F2). */
extern const enum column columns_default[];
extern const size_t columns_ndefault;

/* The width the essential ones among the chosen columns (id, user, state,
 * CPU%, memory, wait channel) take with the mark and a readable name: the
 * side pane goes beside the tree only when the tree keeps that. */
int columns_essential_width(const enum column *chosen, size_t n);
/* Place the chosen columns (in their order) in width cells, dropping the
 * least useful ones first so the name keeps a readable width. */
void columns_layout(struct columns *c, int width, const enum column *chosen,
    size_t n);
const char *column_title(enum column c);
const char *column_about(enum column c);
bool column_choosable(enum column c);
/* The settings' column names to a chosen list (unknown names left out,
 * the defaults when none is known) and back. */
size_t columns_from_names(enum column *chosen, const struct settings *s);
void columns_to_names(const enum column *chosen, size_t n,
    struct settings *s);
/* The column a sort key orders by. */
enum column column_of_sort(enum sort_key k);
bool column_right_aligned(enum column c);

/* The text of row's cell in column c (not the mark, the name or WCHAN):
 * out, or a string that lives as long as the row (cells.c). */
const char *cell_text(const struct ui *ui, const struct view_row *row,
    enum column c, char *out, size_t size);

#endif
