#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct task *task_new(int tid, int tgid)
{
	struct task *t = calloc(1, sizeof(*t));

	if (t == NULL) {
		fprintf(stderr, "tasktop: out of memory (task %d)\n", tid);
		abort();
	}
	t->tid = tid;
	t->stat_fd = -1;
	t->sched_fd = -1;
	t->ns_dir_fd = -1;
	task_reset(t, tgid);
	return t;
}

static void task_close_files(struct snapshot *s, struct task *t)
{
	fd_budget_close(s, &t->stat_fd);
	fd_budget_close(s, &t->sched_fd);
	fd_budget_close(s, &t->ns_dir_fd);
}

void task_free(struct snapshot *s, struct task *t)
{
	if (t == NULL)
		return;
	task_close_files(s, t);
	free(t);
}

/* The kept fds survive: the caller decides whether they still name t. */
void task_reset(struct task *t, int tgid)
{
	int tid = t->tid, fd = t->stat_fd, sched_fd = t->sched_fd;
	int ns_dir_fd = t->ns_dir_fd;
	unsigned seen = t->seen;

	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->tgid = tgid;
	t->seen = seen;
	t->stat_fd = fd;
	t->sched_fd = sched_fd;
	t->ns_dir_fd = ns_dir_fd;
}

void task_forget(struct snapshot *s, struct task *t, int tgid)
{
	task_close_files(s, t);
	task_reset(t, tgid);
}

bool task_is_dead(const struct task *t)
{
	return t->stat_state == FIELD_OK &&
	    (t->stat.state == 'Z' || t->stat.state == 'X');
}

size_t task_comm(const struct task *t, const char **comm)
{
	if (t->stat_state != FIELD_OK) {
		*comm = "";
		return 0;
	}
	*comm = t->stat.comm;
	return t->stat.comm_len;
}

void task_read(struct snapshot *s, struct task_sighting *ts)
{
	task_read_stat(s, ts);
	if (ts->task->stat_state == FIELD_GONE)
		return;
	task_read_extras(s, ts->task);
}
