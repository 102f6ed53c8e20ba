/*
 * attach.c - jump to a pid or tid.  An id outside the snapshot (hidden by
 * -p, or a thread that readdir never lists) is resolved to its thread group
 * and that group is added to what is shown.
 */
#include "config.h"

#include <stdlib.h>

#include "internal.h"

/* Show tgid too when the snapshot is restricted with -p. */
static void only_add(struct ui *ui, int tgid)
{
	struct snapshot *s = ui->snap;
	int *ids;

	if (!s->only)
		return;
	for (size_t i = 0; i < s->nonly; i++)
		if (s->only[i] == tgid)
			return;
	ids = malloc((s->nonly + 1) * sizeof *ids);
	if (!ids) {
		ui_message(ui, true, "out of memory");
		return;
	}
	for (size_t i = 0; i < s->nonly; i++)
		ids[i] = s->only[i];
	ids[s->nonly] = tgid;
	snapshot_set_only(s, ids, s->nonly + 1);
	free(ids);
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
	row = t->tid == t->tgid ? view_find_process(&ui->view, id) :
	    view_find_task(&ui->view, id);
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
	if (proc_resolve_tgid(&ui->snap->root, id, &tgid) < 0) {
		ui_message(ui, true, "no process or thread %d", id);
		return;
	}
	only_add(ui, tgid);
	ui_refresh(ui);
	if (!select_id(ui, id))
		ui_message(ui, true, "no process or thread %d", id);
}
