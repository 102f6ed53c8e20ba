/*
 * fd_budget.c - the fds tasks keep open across refreshes.  A kept fd turns
 * open+read+close into one pread, but every fd kept is one the listing of
 * /proc and the one-shot reads can't have: the budget leaves them a
 * reserve, and when the limit turns out lower than it said (fds inherited
 * or held elsewhere: EMFILE all the same), kept fds are given back rather
 * than a refresh failing.
 */
#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "internal.h"

/* Two kept fds a task (stat, schedstat) for 30,000 tasks: root may raise
 * the hard limit that far; others get their hard limit. */
#define FD_LIMIT_WANTED	65536
/* Given back at each EMFILE: room for a listing and the one-shot reads. */
#define FD_SHED		64

static size_t raise_fd_limit(void)
{
	struct rlimit rl;
	rlim_t hard;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 0;
	hard = rl.rlim_max;
	if (hard != RLIM_INFINITY && hard < FD_LIMIT_WANTED) {
		rl.rlim_cur = rl.rlim_max = FD_LIMIT_WANTED;
		if (setrlimit(RLIMIT_NOFILE, &rl) == 0)
			return FD_LIMIT_WANTED;
		rl.rlim_max = hard;
	}
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	return rl.rlim_cur == RLIM_INFINITY ? (size_t)1 << 20 :
	    (size_t)rl.rlim_cur;
}

/* Leave room for the ui, listings and one-shot reads beside the kept fds. */
size_t fd_budget_init(void)
{
	size_t limit = raise_fd_limit();
	size_t reserve = 128 + limit / 16;

	return limit > reserve ? limit - reserve : 0;
}

bool fd_budget_room(const struct snapshot *s)
{
	const struct snapshot_priv *priv = snapshot_priv(s);

	return !priv->fds_exhausted && priv->kept_fds < priv->max_kept_fds;
}

int fd_budget_keep(struct snapshot *s, int fd, int *err)
{
	*err = 0;
	if (fd == -EMFILE || fd == -ENFILE) {
		snapshot_priv(s)->fds_exhausted = true;
		fd_budget_shed(s);
	}
	if (fd < 0) {
		*err = -fd;
		return -1;
	}
	snapshot_priv(s)->kept_fds++;
	return fd;
}

int fd_budget_open(struct snapshot *s, int tgid, int tid, const char *name,
    int *err)
{
	*err = 0;
	if (!fd_budget_room(s))
		return -1;
	return fd_budget_keep(s, proc_open_task_file(&s->root, tgid, tid,
	    name), err);
}

void fd_budget_close(struct snapshot *s, int *fd)
{
	if (*fd < 0)
		return;
	close(*fd);
	*fd = -1;
	snapshot_priv(s)->kept_fds--;
}

/* schedstat and ns/ fds go first: without them a task costs a stat pread
 * and a path walk a link, still far less than open+read+close. */
static void shed_until(struct snapshot *s, size_t keep, bool stat_too)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t it = 0;
	void *v;

	while (priv->kept_fds > keep && intmap_next(&s->tasks, &it, NULL, &v)) {
		struct task *t = v;

		fd_budget_close(s, &t->sched_fd);
		fd_budget_close(s, &t->ns_dir_fd);
		if (stat_too && priv->kept_fds > keep)
			fd_budget_close(s, &t->stat_fd);
	}
}

bool fd_budget_shed(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t keep;

	if (priv->kept_fds == 0)
		return false;
	keep = priv->kept_fds > FD_SHED ? priv->kept_fds - FD_SHED : 0;
	priv->max_kept_fds = keep;
	shed_until(s, keep, false);
	shed_until(s, keep, true);
	return true;
}
