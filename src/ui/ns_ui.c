/*
 * ns_ui.c - the interactive view's namespace state kept in step with the
 * snapshot (the overview while it is open), and the keys that jump to the next or previous thread whose
 * network namespace differs: in a process of thousands of threads there is
 * no other way to find the one.
 */
#include "config.h"

#include <stdlib.h>

#include "tasktop/util.h"
#include "ns_ui.h"
#include "selection.h"
#include "state.h"
#include "view_state.h"

#define NET_BIT (1u << NS_NET)

void ns_ui_init(struct ui *ui)
{
	ns_overview_init(&ui->ns.overview);
	ui->ns.level = NS_VIEW_CLOSED;
}

void ns_ui_free(struct ui *ui)
{
	ns_overview_free(&ui->ns.overview);
	free(ui->ns.tids);
	ui->ns.tids = NULL;
}

/* The tids in the namespace whose tasks are listed, ascending pid then tid. */
static void tasks_rebuild(struct ui *ui)
{
	struct ns_ui *n = &ui->ns;
	const struct snapshot *s = ui->snap;

	n->ntids = 0;
	for (size_t i = 0; i < s->nlist; i++) {
		const struct process *p = s->list[i];
		for (size_t j = 0; j < p->nthreads; j++) {
			const struct task *t = p->threads[j];
			if (!task_in_ns(t, n->tasks_type, n->tasks_ino))
				continue;
			if (n->ntids == n->tids_cap) {
				size_t cap = n->tids_cap ? n->tids_cap * 2 : 64;
				int *v = realloc(n->tids, cap * sizeof *v);
				if (v == NULL)
					return;
				n->tids = v;
				n->tids_cap = cap;
			}
			n->tids[n->ntids++] = t->tid;
		}
	}
}

/* Namespaces a bind mount holds though no task is in them (a netns made by
 * `ip netns add` that nothing entered yet) are on the system too: listed
 * unless -p narrows the view to some processes. */
static void overview_add_mounted(struct ui *ui)
{
	size_t n = 0;
	const struct ns_name *names = detail_ns_names(source_detail(ui->src), &n);
	enum ns_type *types;
	uint64_t *inos;

	if (n == 0 || source_is_restricted(ui->src))
		return;
	types = oom_calloc(n, sizeof *types, "namespace names");
	inos = oom_calloc(n, sizeof *inos, "namespace names");
	for (size_t i = 0; i < n; i++) {
		types[i] = names[i].type;
		inos[i] = names[i].ino;
	}
	ns_overview_add_mounted(&ui->ns.overview, types, inos, n);
	free(types);
	free(inos);
}

void ns_ui_build_overview(struct ui *ui)
{
	ns_overview_build(&ui->ns.overview, ui->snap);
	overview_add_mounted(ui);
}

void ns_ui_refresh(struct ui *ui)
{
	if (ui->ns.level == NS_VIEW_CLOSED)
		return;
	ns_ui_build_overview(ui);
	if (ui->ns.level == NS_VIEW_TASKS)
		tasks_rebuild(ui);
}

/* In the rows of an expanded process, its first (dir 1) or last marked
 * thread. */
static long marked_thread_of(const struct view *v, int pid, int dir)
{
	long first = view_find_process(v, pid), found = -1;

	if (first < 0)
		return -1;
	for (size_t i = (size_t)first + 1; i < v->n &&
	    v->rows[i].proc->pid == pid && v->rows[i].task; i++) {
		if (!(v->rows[i].task->ns_differs & NET_BIT))
			continue;
		found = (long)i;
		if (dir > 0)
			break;
	}
	return found;
}

void ns_jump_marked(struct ui *ui, int dir)
{
	long i = view_find_marked(&ui->view, ui->cursor, dir);

	if (i < 0) {
		ui_message(ui, false, "no thread shown is in a network "
		    "namespace not its process's");
		return;
	}
	if (ui->view.rows[i].task == NULL) {
		int pid = ui->view.rows[i].proc->pid;
		ui_set_expanded(ui, pid, true);
		ui_rebuild(ui);
		i = marked_thread_of(&ui->view, pid, dir);
		if (i < 0)
			return;
	}
	selection_set_row(ui, i);
	ui_read_detail(ui);
}

void ns_view_open_tasks(struct ui *ui, enum ns_type type, uint64_t ino)
{
	ui->ns.level = NS_VIEW_TASKS;
	ui->ns.tasks_type = type;
	ui->ns.tasks_ino = ino;
	ui->ns.tasks_cursor = ui->ns.tasks_top = 0;
	tasks_rebuild(ui);
}
