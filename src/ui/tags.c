/*
 * tags.c - rows tagged with space (htop's habit): a process row tags the
 * process, a thread row that thread.  k then signals every tagged task at
 * once.  A tag keeps the task as it was shown (tid, thread group, start
 * time; act.h): at each refresh a tag whose id now names another task (the
 * id was reused) or none is dropped, and the signal pins the task against
 * that record, so a stranger is never reached.
 */
#include "config.h"

#include <stdlib.h>

#include "tasktop/grow.h"

#include "state.h"
#include "tags.h"
#include "view_state.h"

/* The thread that stands for a process: its leader, else its first. */
static const struct task *process_first_task(const struct process *p)
{
	if (p->leader)
		return p->leader;
	return p->nthreads > 0 ? p->threads[0] : NULL;
}

void tags_init(struct ui *ui)
{
	intmap_init(&ui->tagged_procs);
	intmap_init(&ui->tagged_tasks);
}

static void free_all(struct intmap *m)
{
	size_t it = 0;
	void *v;

	while (intmap_next(m, &it, NULL, &v))
		free(v);
	intmap_free(m);
}

void tags_free(struct ui *ui)
{
	free_all(&ui->tagged_procs);
	free_all(&ui->tagged_tasks);
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

static bool same_task(const struct tag *g, const struct task *t)
{
	return t && t->stat_state == FIELD_OK && t->tid == g->task.tid &&
	    t->tgid == g->task.tgid && t->stat.starttime == g->task.starttime;
}

/* Space: tag or untag the selected row (the caller then moves down). */
void tags_toggle_selected(struct ui *ui)
{
	const struct view_row *row;
	const struct task *t;
	struct intmap *m;
	struct tag *g;
	int id;

	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n)
		return;
	row = &ui->view.rows[ui->cursor];
	m = row->task ? &ui->tagged_tasks : &ui->tagged_procs;
	id = row->task ? row->task->tid : row->proc->pid;
	if ((g = intmap_del(m, id)) != NULL) {
		free(g);
		return;
	}
	t = row->task ? row->task : process_first_task(row->proc);
	if (!t || t->stat_state != FIELD_OK) {
		ui_message(ui, true, "%s %d: its stat is unreadable, so it can't "
		    "be told apart from a task that reuses its id: not tagged",
		    row->task ? "thread" : "process", id);
		return;
	}
	g = malloc(sizeof *g);
	if (!g)
		return;
	*g = (struct tag){ .process = !row->task, .task = { .tid = t->tid,
	    .tgid = t->tgid, .starttime_known = true,
	    .starttime = t->stat.starttime } };
	intmap_put(m, id, g);
}

void tags_clear(struct ui *ui)
{
	tags_free(ui);
	tags_init(ui);
}

static void prune(struct intmap *m, const struct snapshot *s)
{
	size_t it = 0;
	int id;
	void *v;

	while (intmap_next(m, &it, &id, &v))
		if (!same_task(v, snapshot_task(s, ((struct tag *)v)->task.tid))) {
			intmap_del(m, id);
			free(v);
		}
}

void tags_prune(struct ui *ui)
{
	prune(&ui->tagged_procs, ui->snap);
	prune(&ui->tagged_tasks, ui->snap);
}

/* Processes first, then threads, each by ascending id: the tree's order. */
static int tag_order(const void *a, const void *b)
{
	const struct tag *x = a, *y = b;

	if (x->process != y->process)
		return x->process ? -1 : 1;
	return (x->task.tid > y->task.tid) - (x->task.tid < y->task.tid);
}

/* A copy of every tag (a refresh may drop tags meanwhile), in tag_order:
 * n of them in out (grown as needed). */
size_t tags_list(const struct ui *ui, struct tag **out, size_t *cap)
{
	const struct intmap *maps[2] = { &ui->tagged_procs, &ui->tagged_tasks };
	size_t n = 0;

	for (int k = 0; k < 2; k++) {
		size_t it = 0;
		void *v;

		while (intmap_next(maps[k], &it, NULL, &v)) {
			grow_array(out, cap, n + 1, sizeof **out);
			(*out)[n++] = *(const struct tag *)v;
		}
	}
	if (n > 1)
		qsort(*out, n, sizeof **out, tag_order);
	return n;
}
