/*
 * task.c - a task in the procfs source's table: the fds it keeps and what
 * lets the next refresh skip reading it.
 */
#include "config.h"

#include <stdlib.h>

#include "tasktop/util.h"
#include "procfs_priv.h"

struct pf_task *pf_task_new(int tid, int tgid)
{
	struct pf_task *t = oom_calloc(1, sizeof *t, "task");

	t->tid = tid;
	t->tgid = tgid;
	t->stat_fd = t->sched_fd = t->ns_dir_fd = -1;
	return t;
}

static void pf_task_close_files(struct pf_source *pf, struct pf_task *t)
{
	fd_budget_close(pf, &t->stat_fd);
	fd_budget_close(pf, &t->sched_fd);
	fd_budget_close(pf, &t->ns_dir_fd);
}

void pf_task_free(struct pf_source *pf, struct pf_task *t)
{
	pf_task_close_files(pf, t);
	free(t);
}

void pf_task_forget(struct pf_source *pf, struct pf_task *t, int tgid)
{
	int tid = t->tid;
	unsigned seen = t->seen;

	pf_task_close_files(pf, t);
	*t = (struct pf_task){ .tid = tid, .tgid = tgid, .seen = seen,
	    .stat_fd = -1, .sched_fd = -1, .ns_dir_fd = -1 };
}

bool pf_task_is_dead(const struct pf_task *t)
{
	return t->stat_ok && (t->state == 'Z' || t->state == 'X');
}
