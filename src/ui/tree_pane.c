/*
 * tree_pane.c - the process tree (or flat list) with threads under expanded
 * processes.  Only the visible rows are drawn; every name is measured and
 * cut by display columns so wide characters keep the columns aligned.
 * Drawing reads nothing: what the rows show was fetched before
 * (ui_fetch_shown).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tasktop/util.h"
#include "columns.h"
#include "draw.h"
#include "layout.h"
#include "selection.h"
#include "state.h"
#include "tags.h"
#include "user_menu.h"
#include "view_state.h"

#define NET_BIT (1u << NS_NET)

/* What colours a row: the netns headline, or a quieter other-namespace one.
 * An expanded process leaves the colour to its thread rows but keeps its
 * mark (view_row_ns_mark). */
static unsigned row_ns_differs(const struct ui *ui, const struct view_row *row)
{
	if (row->task)
		return row->task->ns_differs;
	if (ui_is_expanded(ui, row->proc->pid))
		return 0;
	return row->proc->ns_differs_any;
}

static char row_state(const struct view_row *row)
{
	if (row->task)
		return row->task->stat_state == FIELD_OK ? row->task->stat.state : '?';
	return row->proc->state ? row->proc->state : '?';
}

static enum theme_elem row_style(const struct ui *ui, const struct view_row *row,
    bool selected)
{
	unsigned differs = row_ns_differs(ui, row);
	char state = row_state(row);

	if (selected)
		return THEME_CURSOR;
	if (tags_row_tagged(ui, row))
		return THEME_TAGGED;
	if (differs & NET_BIT)
		return THEME_NETNS;
	if (differs)
		return THEME_NSDIFF;
	if (state == 'Z' || (!row->task && row->proc->leader_exited))
		return THEME_ZOMBIE;
	if (row->proc->kernel_thread)
		return THEME_KERNEL;
	return row->task ? THEME_THREAD : THEME_NORMAL;
}

static enum theme_elem state_style(char state, enum theme_elem row)
{
	if (row == THEME_CURSOR || row == THEME_NETNS)
		return row;
	if (state == 'R')
		return THEME_STATE_RUN;
	if (state == 'D')
		return THEME_STATE_D;
	return row;
}

static enum theme_elem mark_style(const char *mark, enum theme_elem row)
{
	if (row == THEME_CURSOR || *mark == ' ')
		return row;
	return *mark == '!' ? THEME_NETNS : THEME_NSDIFF;
}

/* The name of a row: a thread's comm, a process's command line. */
static void row_name(struct ui *ui, const struct view_row *row)
{
	struct buf *b = &ui->text;

	buf_reset(b);
	if (row->task) {
		const char *comm;
		size_t len = task_comm(row->task, &comm);

		if (row->task->stat_state == FIELD_OK)
			buf_add(b, comm, len);
		else
			buf_adds(b, "?");
	} else {
		process_display_name(row->proc, b);
	}
}

static unsigned char fold(unsigned char c)
{
	if (c == '\0')
		return ' ';
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Where the filter text first occurs in a name, as the view matched it
 * (ASCII case folded, a NUL as a space); false when it does not. */
static bool find_match(const char *hay, size_t n, const char *needle,
    size_t *at)
{
	size_t m = strlen(needle), i, j;

	for (i = 0; m > 0 && i + m <= n; i++) {
		for (j = 0; j < m; j++)
			if (fold((unsigned char)hay[i + j]) !=
			    fold((unsigned char)needle[j]))
				break;
		if (j == m) {
			*at = i;
			return true;
		}
	}
	return false;
}

/* The name, with the part the filter matched in the match style: three
 * cells, each sanitized and fitted on its own. */
static void draw_name_text(struct ui *ui, int y, int x, int w,
    const struct view_row *row, enum theme_elem style)
{
	const char *s = ui->text.data;
	size_t n = ui->text.len, at, m = strlen(ui->filter);
	int used;

	if (!row->match || !ui->filter[0] || style == THEME_CURSOR ||
	    !find_match(s, n, ui->filter, &at)) {
		draw_cell(ui, y, x, w, style, s, n);
		return;
	}
	used = draw_cell(ui, y, x, w, style, s, at);
	used += draw_cell(ui, y, x + used, w - used, THEME_MATCH, s + at, m);
	draw_cell(ui, y, x + used, w - used, style, s + at + m, n - at - m);
}

static void draw_name(struct ui *ui, int y, const struct rect *r,
    const struct view_row *row, enum theme_elem style)
{
	const struct columns *cl = &ui->columns;
	int x = r->x + cl->x[COL_NAME], w = cl->w[COL_NAME];
	int used;

	buf_reset(&ui->prefix);
	view_tree_prefix(&ui->prefix, row, ui->mode, true);
	used = draw_cell(ui, y, x, w, style == THEME_CURSOR ? style : THEME_TREE,
	    ui->prefix.data, ui->prefix.len);
	row_name(ui, row);
	draw_name_text(ui, y, x + used, w - used, row, style);
}

static void draw_column(struct ui *ui, int y, const struct rect *r,
    enum column c, enum theme_elem style, const char *text)
{
	const struct columns *cl = &ui->columns;

	if (!cl->shown[c])
		return;
	if (column_right_aligned(c))
		draw_cell_right(ui, y, r->x + cl->x[c], cl->w[c], style, text,
		    strlen(text));
	else
		draw_cell(ui, y, r->x + cl->x[c], cl->w[c], style, text, strlen(text));
}

static void draw_row(struct ui *ui, int y, const struct rect *r, size_t i)
{
	const struct view_row *row = &ui->view.rows[i];
	enum theme_elem style = row_style(ui, row, (long)i == ui->cursor);
	unsigned differs = view_row_ns_mark(row);
	const char *mark = (differs & NET_BIT) ? "!" : differs ? "*" : " ";
	char text[32];

	draw_fill(ui, y, r->x, r->w, style);
	for (size_t k = 0; k < ui->columns.n; k++) {
		enum column c = ui->columns.order[k];
		const char *s = cell_text(ui, row, c, text, sizeof text);

		if (c == COL_STATE)
			draw_column(ui, y, r, c, state_style(s[0], style), s);
		else if (c == COL_MARK)
			draw_column(ui, y, r, c, mark_style(mark, style), mark);
		else
			draw_column(ui, y, r, c, style, s);
	}
	draw_name(ui, y, r, row, style);
}

/* The sorted column's title stands out like the cursor. */
static void draw_titles(struct ui *ui, const struct rect *r)
{
	enum column sorted = column_of_sort(ui->opts.sort);

	draw_fill(ui, r->y, r->x, r->w, THEME_TITLE);
	for (int c = 0; c < COL_COUNT; c++) {
		draw_column(ui, r->y, r, (enum column)c,
		    c == (int)sorted ? THEME_CURSOR : THEME_TITLE,
		    column_title((enum column)c));
	}
}

void tree_pane_draw(struct ui *ui, const struct rect *r)
{
	int rows = r->h - 1;

	if (r->w <= 0 || r->h <= 0)
		return;
	columns_layout(&ui->columns, r->w, ui->chosen, ui->nchosen);
	ui->boot_wall = clock_seconds(CLOCK_REALTIME) -
	    clock_seconds(CLOCK_BOOTTIME);
	draw_titles(ui, r);
	selection_scroll_into_view(ui, rows);
	for (int k = 0; k < rows; k++) {
		size_t i = (size_t)(ui->top + k);
		if (i >= ui->view.n)
			break;
		draw_row(ui, r->y + 1 + k, r, i);
	}
	if (ui->view.n == 0) {
		const char *empty = ui->filter[0] || ui->opts.user_only ?
		    "nothing matches the filter" : "no processes";
		draw_cell(ui, r->y + 1, r->x, r->w, THEME_PANE, empty, strlen(empty));
	}
	if (ui->user_menu.open)
		user_menu_draw(ui, r);
}
