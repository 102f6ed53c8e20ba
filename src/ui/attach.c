/*
 * attach.c - jump to a pid or tid.  An id outside the snapshot (hidden by
 * -p, or a thread that readdir never lists) is resolved to its thread group
 * and that group is added to what is shown.
 */
#include "config.h"

#include "selection.h"
#include "state.h"
#include "view_state.h"

/* Whether K's hiding of kernel threads leaves the process out: it or a
 * process above it is one (the subtree goes with it). */
static bool under_kernel_thread(const struct ui *ui, const struct process *p)
{
	for (int depth = 0; p && depth < 64; depth++) {
		if (p->kernel_thread)
			return true;
		if (p->ppid <= 0 || p->ppid == p->pid)
			break;
		p = snapshot_process(ui->snap, p->ppid);
	}
	return false;
}

/* Why an id that exists is not on screen, and the key that shows it. */
static void say_hidden(struct ui *ui, int id, const struct task *t)
{
	const struct process *p = snapshot_process(ui->snap, t->tgid);

	if (ui->opts.hide_kernel && p && under_kernel_thread(ui, p))
		ui_message(ui, true, "%d is hidden: kernel threads are off (K "
		    "shows them)", id);
	else if (ui->filter[0])
		ui_message(ui, true, "%d is hidden by the filter (\\ changes "
		    "it)", id);
	else if (ui->opts.user_only)
		ui_message(ui, true, "%d is hidden: another user's (u shows "
		    "all users)", id);
	else
		ui_message(ui, true, "%d is not shown", id);
}

/* Select the thread (opening its process) or the process row. */
static bool select_id(struct ui *ui, int id)
{
	struct task *t = snapshot_task(ui->snap, id);
	long row;

	if (!t)
		return false;
	if (t->tid != t->tgid)
		ui_set_expanded(ui, t->tgid, true);
	ui_rebuild(ui);
	row = view_find_id(&ui->view, ui->snap, id);
	if (row < 0) {
		say_hidden(ui, id, t);
		return true;
	}
	selection_set_row(ui, row);
	ui_read_detail(ui);
	return true;
}

void attach_id(struct ui *ui, int id)
{
	int tgid;

	if (select_id(ui, id))
		return;
	if (detail_resolve_tgid(source_detail(ui->src), id, &tgid) < 0) {
		ui_message(ui, true, "no process or thread %d", id);
		return;
	}
	/* shown too when the snapshot is restricted with -p */
	source_add_only(ui->src, tgid);
	ui_refresh(ui);
	if (!select_id(ui, id))
		ui_message(ui, true, "no process or thread %d", id);
}
