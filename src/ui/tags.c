/*
 * tags.c - rows tagged with space (htop's habit): a process row tags the
 * process, a thread row that thread.  k then offers to signal every tagged
 * task at once.  A tag keeps the task's start time (plus one, so it is
 * never NULL): at each refresh a tag whose id now names another task (the
 * id was reused) or none is dropped, so a stranger never comes up tagged.
 */
#include "config.h"

#include <stdint.h>

#include "internal.h"

static const struct task *process_first_task(const struct process *p)
{
	if (p->leader)
		return p->leader;
	return p->nthreads > 0 ? p->threads[0] : NULL;
}

/* What identifies t beside its id; NULL when its stat is unread. */
static void *task_identity(const struct task *t)
{
	if (!t || t->stat_state != FIELD_OK)
		return NULL;
	return (void *)(uintptr_t)(t->stat.starttime + 1);
}

void tags_init(struct ui *ui)
{
	intmap_init(&ui->tagged_procs);
	intmap_init(&ui->tagged_tasks);
}

void tags_free(struct ui *ui)
{
	intmap_free(&ui->tagged_procs);
	intmap_free(&ui->tagged_tasks);
}

bool tags_row_tagged(const struct ui *ui, const struct view_row *row)
{
	if (row->task)
		return intmap_get(&ui->tagged_tasks, row->task->tid) != NULL;
	return intmap_get(&ui->tagged_procs, row->proc->pid) != NULL;
}

size_t tags_count(const struct ui *ui)
{
	return ui->tagged_procs.count + ui->tagged_tasks.count;
}

/* Space: tag or untag the selected row (the loop then moves down). */
void tags_toggle_selected(struct ui *ui)
{
	const struct view_row *row;
	struct intmap *m;
	void *identity;
	int id;

	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n)
		return;
	row = &ui->view.rows[ui->cursor];
	m = row->task ? &ui->tagged_tasks : &ui->tagged_procs;
	id = row->task ? row->task->tid : row->proc->pid;
	identity = task_identity(row->task ? row->task :
	    process_first_task(row->proc));
	if (intmap_get(m, id))
		intmap_del(m, id);
	else if (!identity)
		ui_message(ui, true, "%s %d: its stat is unreadable, so it can't "
		    "be tagged", row->task ? "thread" : "process", id);
	else
		intmap_put(m, id, identity);
}

void tags_clear(struct ui *ui)
{
	tags_free(ui);
	tags_init(ui);
}

static void *current_identity(const struct snapshot *s, int id, bool tasks)
{
	const struct process *p;

	if (tasks)
		return task_identity(snapshot_task(s, id));
	p = snapshot_process(s, id);
	return p ? task_identity(process_first_task(p)) : NULL;
}

static void prune(struct intmap *m, const struct snapshot *s, bool tasks)
{
	size_t it = 0;
	int id;
	void *v;

	while (intmap_next(m, &it, &id, &v))
		if (current_identity(s, id, tasks) != v)
			intmap_del(m, id);
}

void tags_prune(struct ui *ui)
{
	prune(&ui->tagged_procs, ui->snap, false);
	prune(&ui->tagged_tasks, ui->snap, true);
}
