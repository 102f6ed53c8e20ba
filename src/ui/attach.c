/*
 * attach.c - jump to a pid or tid.  An id outside the snapshot (hidden by
 * -p, or a thread that readdir never lists) is resolved to its thread group
 * and that group is added to what is shown.
 */
#include "config.h"

#include "selection.h"
#include "state.h"
#include "view_state.h"

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
		ui_message(ui, true, "%d is hidden by the filter", id);
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
