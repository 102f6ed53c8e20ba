#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* A stat line is about 300 bytes; comm can't make it much longer. */
#define STAT_BUF 1024

struct task *task_new(int tid, int tgid)
{
	struct task *t = calloc(1, sizeof(*t));

	if (t == NULL) {
		fprintf(stderr, "tasktop: out of memory (task %d)\n", tid);
		abort();
	}
	t->tid = tid;
	t->stat_fd = -1;
	task_reset(t, tgid);
	return t;
}

static void task_close_stat(struct snapshot *s, struct task *t)
{
	if (t->stat_fd < 0)
		return;
	close(t->stat_fd);
	t->stat_fd = -1;
	snapshot_priv(s)->kept_fds--;
}

void task_free(struct snapshot *s, struct task *t)
{
	if (t == NULL)
		return;
	task_close_stat(s, t);
	free(t);
}

/* The stat fd survives: the caller decides whether it still names t. */
void task_reset(struct task *t, int tgid)
{
	int tid = t->tid, fd = t->stat_fd;
	unsigned seen = t->seen;

	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->tgid = tgid;
	t->seen = seen;
	t->stat_fd = fd;
}

void task_forget(struct snapshot *s, struct task *t, int tgid)
{
	task_close_stat(s, t);
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

/*
 * Keep the fd when we can: reading stat is then one pread a refresh.  Part
 * of RLIMIT_NOFILE stays free for listing directories and reading the
 * other files, which would otherwise fail once every task holds an fd.
 */
static void task_open_stat(struct snapshot *s, struct task *t)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	int fd;

	if (priv->fds_exhausted || priv->kept_fds >= priv->max_kept_fds)
		return;
	fd = proc_open_task_file(&s->root, t->tgid, t->tid, "stat");
	if (fd == -EMFILE || fd == -ENFILE)
		priv->fds_exhausted = true;
	if (fd < 0)
		return;
	t->stat_fd = fd;
	priv->kept_fds++;
}

/*
 * An fd kept from an earlier refresh still names the task it was opened
 * on: ESRCH through it means that task died, though its tid may already
 * belong to a new one, so reopen once before calling the task gone.
 */
static enum field_state task_load_stat(struct snapshot *s, struct task *t,
    char *buf, size_t *len)
{
	enum field_state st;

	if (t->stat_fd < 0)
		task_open_stat(s, t);
	if (t->stat_fd < 0)
		return proc_read_task_file(&s->root, t->tgid, t->tid, "stat",
		    buf, STAT_BUF, len);
	st = proc_pread_file(t->stat_fd, buf, STAT_BUF, len);
	if (st == FIELD_OK)
		return st;
	task_close_stat(s, t);
	return proc_read_task_file(&s->root, t->tgid, t->tid, "stat", buf,
	    STAT_BUF, len);
}

static void task_read_stat(struct snapshot *s, struct task_sighting *ts)
{
	struct task *t = ts->task;
	char buf[STAT_BUF];
	struct proc_stat st;
	size_t len = 0;
	enum field_state state = task_load_stat(s, t, buf, &len);

	if (state == FIELD_OK && proc_parse_stat(buf, len, &st) != 0)
		state = FIELD_UNAVAILABLE;
	if (state != FIELD_OK) {
		t->stat_state = state;
		return;
	}
	ts->had_sample = t->stat_state == FIELD_OK && !ts->fresh;
	if (ts->had_sample) {
		if (st.starttime != t->stat.starttime) {
			/* same tid, another task: start over with it */
			task_reset(t, t->tgid);
			ts->fresh = true;
			ts->had_sample = false;
		} else if (st.comm_len != t->stat.comm_len ||
		    memcmp(st.comm, t->stat.comm, st.comm_len) != 0) {
			ts->comm_changed = true;
		}
	}
	t->stat = st;
	t->stat_state = FIELD_OK;
}

void task_read(struct snapshot *s, struct task_sighting *ts)
{
	task_read_stat(s, ts);
	if (ts->task->stat_state == FIELD_GONE)
		return;
	ts->task->wchan_state = task_file_wchan(&s->root, ts->task->tgid,
	    ts->task->tid, ts->task->wchan, sizeof(ts->task->wchan));
	ts->task->syscall_state = task_file_syscall(&s->root, ts->task->tgid,
	    ts->task->tid, &ts->task->syscall);
}
