/*
 * selection.c - the selection follows a thread or process by id across
 * refreshes, not a row index: rows come and go above it.
 */
#include "config.h"

#include "selection.h"
#include "state.h"
#include "view_state.h"

static void selection_from_row(struct ui *ui)
{
	const struct view_row *row;

	if (ui->cursor < 0) {
		ui->sel.pid = ui->sel.tid = 0;
		ui->sel.index = 0;
		return;
	}
	row = &ui->view.rows[ui->cursor];
	ui->sel.pid = row->proc->pid;
	ui->sel.tid = row->task ? row->task->tid : 0;
	ui->sel.index = ui->cursor;
}

static long clamp_row(const struct ui *ui, long row)
{
	if (ui->view.n == 0)
		return -1;
	if (row < 0)
		return 0;
	if ((size_t)row >= ui->view.n)
		return (long)ui->view.n - 1;
	return row;
}

static bool thread_row_of(const struct ui *ui, long i, int pid)
{
	return i >= 0 && (size_t)i < ui->view.n && ui->view.rows[i].task &&
	    ui->view.rows[i].proc->pid == pid;
}

/*
 * The selected thread left an open process (it exited): the cursor keeps
 * its place, on the thread that moved into it, or when it was the last the
 * one before it; only a process left without threads shown gets it back.
 * Jumping to the process row would throw the user to the top of a list of
 * thousands, and under churn do so every refresh.
 */
static long thread_gone_row(const struct ui *ui, long proc_row)
{
	long i = clamp_row(ui, ui->sel.index), last = proc_row;

	if (i > proc_row && thread_row_of(ui, i, ui->sel.pid))
		return i;
	while (thread_row_of(ui, last + 1, ui->sel.pid))
		last++;
	return i > proc_row ? last : proc_row;
}

/* After a rebuild: the same thread; if it exited, its place (above); else
 * its process, else the same row. */
void selection_restore(struct ui *ui)
{
	long row = -1, proc_row;

	if (ui->sel.tid > 0)
		row = view_find_task(&ui->view, ui->sel.tid);
	if (row < 0 && ui->sel.pid > 0) {
		proc_row = view_find_process(&ui->view, ui->sel.pid);
		/* exited, not hidden by a filter or a collapse */
		row = proc_row >= 0 && ui->sel.tid > 0 &&
		    ui_is_expanded(ui, ui->sel.pid) &&
		    !snapshot_task(ui->snap, ui->sel.tid) ?
		    thread_gone_row(ui, proc_row) : proc_row;
	}
	if (row < 0 && ui->follow) {
		ui->follow = false;
		ui_message(ui, false, "the followed %s %d is gone",
		    ui->sel.tid ? "thread" : "process",
		    ui->sel.tid ? ui->sel.tid : ui->sel.pid);
	}
	if (row < 0)
		row = ui->sel.index;
	ui->cursor = clamp_row(ui, row);
	selection_from_row(ui);
}

/* A move of the cursor by a key ends following, as in htop. */
void selection_set_row(struct ui *ui, long row)
{
	ui->follow = false;
	ui->cursor = clamp_row(ui, row);
	selection_from_row(ui);
	ui->side_scroll = 0;
}

void selection_scroll_into_view(struct ui *ui, int rows)
{
	long max_top;

	if (rows <= 0)
		return;
	if (ui->follow && ui->follow_line < rows)
		ui->top = ui->cursor - ui->follow_line;
	if (ui->cursor < ui->top)
		ui->top = ui->cursor;
	if (ui->cursor >= ui->top + rows)
		ui->top = ui->cursor - rows + 1;
	max_top = (long)ui->view.n - rows;
	if (ui->top > max_top)
		ui->top = max_top;
	if (ui->top < 0)
		ui->top = 0;
}

void selection_follow(struct ui *ui)
{
	if (ui->cursor < 0)
		return;
	ui->follow = true;
	ui->follow_line = ui->cursor - ui->top;
	if (ui->follow_line < 0)
		ui->follow_line = 0;
}
