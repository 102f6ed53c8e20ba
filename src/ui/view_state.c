/*
 * view_state.c - keeping the rows, the selection and the side pane's detail
 * in step with the snapshot: a refresh rescans, a cursor move only rereads
 * the selected thread.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tasktop/util.h"
#include "columns.h"
#include "ns_ui.h"
#include "renice.h"
#include "selection.h"
#include "signal_prompt.h"
#include "state.h"
#include "tags.h"
#include "text_view.h"
#include "user_menu.h"
#include "ustack.h"
#include "view_state.h"
#include "groups_view.h"

#define EXPANDED ((void *)1)

void ui_state_init(struct ui *ui, const struct cli_opts *cli,
    struct source *src, struct snapshot *s)
{
	memset(ui, 0, sizeof *ui);
	ui->cli = cli;
	ui->src = src;
	ui->snap = s;
	act_pin_init(&ui->kill.pin);
	act_pin_init(&ui->kill.group_pin);
	ui->mode = text_mode_from_locale();
	view_init(&ui->view);
	intmap_init(&ui->expanded);
	tags_init(ui);
	buf_init(&ui->cell);
	buf_init(&ui->textview.text);
	buf_init(&ui->text);
	buf_init(&ui->prefix);
	ui->opts.tree = true;
	ui->delay = cli->delay;
	memcpy(ui->chosen, columns_default, columns_ndefault * sizeof *ui->chosen);
	ui->nchosen = columns_ndefault;
	ui->opts.sort = SORT_PID;
	ui->cursor = -1;
	ns_ui_init(ui);
}

void ui_state_free(struct ui *ui)
{
	groups_view_close(ui);
	act_unpin(&ui->kill.pin);
	act_unpin(&ui->kill.group_pin);
	ustack_free(ui);
	view_free(&ui->view);
	intmap_free(&ui->expanded);
	tags_free(ui);
	user_menu_free(ui);
	renice_prompt_free(ui);
	text_view_free(ui);
	signal_prompt_free(ui);
	buf_free(&ui->cell);
	buf_free(&ui->text);
	buf_free(&ui->prefix);
	ns_ui_free(ui);
}

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_is_error = error;
}

bool ui_is_expanded(const struct ui *ui, int pid)
{
	return ui->opts.expand_all || intmap_get(&ui->expanded, pid) != NULL;
}

/* Collapsing one process out of "expand all" turns the flag into the
 * explicit set of every other process. */
static void expand_all_to_set(struct ui *ui)
{
	for (size_t i = 0; i < ui->snap->nlist; i++)
		intmap_put(&ui->expanded, ui->snap->list[i]->pid, EXPANDED);
	ui->opts.expand_all = false;
}

void ui_set_expanded(struct ui *ui, int pid, bool expanded)
{
	if (expanded) {
		intmap_put(&ui->expanded, pid, EXPANDED);
		return;
	}
	if (ui->opts.expand_all)
		expand_all_to_set(ui);
	intmap_del(&ui->expanded, pid);
}

/* Forget processes that exited, so a reused pid does not open by itself. */
static void expanded_prune(struct ui *ui)
{
	size_t it = 0;
	int pid;
	void *v;

	while (intmap_next(&ui->expanded, &it, &pid, &v))
		if (!snapshot_process(ui->snap, pid))
			intmap_del(&ui->expanded, pid);
}

void ui_rebuild(struct ui *ui)
{
	ui->opts.expanded = &ui->expanded;
	ui->opts.filter = ui->filter[0] ? ui->filter : NULL;
	view_build(&ui->view, ui->snap, &ui->opts);
	selection_restore(ui);
}

/* The thread the side pane shows for a process row: its leader, or when the
 * leader is gone the thread the namespaces are compared against. */
static int process_detail_tid(const struct process *p)
{
	if (p->leader && !p->leader_exited)
		return p->pid;
	if (p->ns_ref_tid > 0)
		return p->ns_ref_tid;
	return p->nthreads > 0 ? p->threads[0]->tid : p->pid;
}

void ui_read_detail(struct ui *ui)
{
	const struct view_row *row;
	int tid;

	ui->detail_valid = false;
	ui->detail_later = false;
	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n)
		return;
	row = &ui->view.rows[ui->cursor];
	tid = row->task ? row->task->tid : process_detail_tid(row->proc);
	detail_read(source_detail(ui->src), row->proc->pid, tid, DETAIL_PANE,
	    &ui->detail);
	snapshot_take_detail_ns(ui->snap, &ui->detail);
	ui->detail_valid = true;
	ustack_follow(ui);
}

/*
 * A held cursor key passes a row every ~30 ms: reading each row's detail
 * (status, stack, wchan, syscall, ten namespace links) before repainting
 * made the cursor trail the key; the side pane then shows the row it was
 * on for the pause (its title says which) and catches up.
 */
void ui_read_detail_later(struct ui *ui)
{
	ui->detail_later = true;
}

int ui_refresh(struct ui *ui)
{
	int rc = source_refresh(ui->src, ui->snap,
	    clock_seconds(CLOCK_MONOTONIC), clock_seconds(CLOCK_REALTIME));

	if (rc < 0)
		ui_message(ui, true, "reading %s failed: %s", ui->cli->proc_root,
		    strerror(-rc));
	expanded_prune(ui);
	tags_prune(ui);
	ns_ui_refresh(ui);
	ui_rebuild(ui);
	if (ui->groups != NULL)
		groups_view_refresh(ui);
	else
		ui_read_detail(ui);
	ustack_refresh(ui);
	return rc;
}

struct task *ui_row_wchan_task(const struct view_row *row)
{
	if (row->task)
		return row->task;
	return row->proc->leader_exited ? NULL : row->proc->leader;
}

/* SHR, CSW/s, RD/s and WR/s are read for the rows shown, when chosen. */
static bool counters_chosen(const struct ui *ui)
{
	for (size_t i = 0; i < ui->nchosen; i++)
		if (ui->chosen[i] == COL_SHR || ui->chosen[i] == COL_CTXT ||
		    ui->chosen[i] == COL_IO_READ || ui->chosen[i] == COL_IO_WRITE)
			return true;
	return false;
}

void ui_fetch_shown(struct ui *ui, int rows)
{
	bool counters = counters_chosen(ui);

	selection_scroll_into_view(ui, rows);
	for (int k = 0; k < rows; k++) {
		size_t i = (size_t)(ui->top + k);
		struct view_row *row;
		struct task *t;

		if (i >= ui->view.n)
			break;
		row = &ui->view.rows[i];
		t = ui_row_wchan_task(row);
		if (t)
			source_fill_wchan(ui->src, ui->snap, t);
		if (counters)
			source_fill_counters(ui->src, ui->snap, row->proc,
			    row->task);
	}
}
