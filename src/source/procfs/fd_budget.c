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

#include "procfs_priv.h"

/* Two kept fds a task (stat, schedstat) for 30,000 tasks: root may raise
 * the hard limit that far; others get their hard limit. */
#define FD_LIMIT_WANTED	65536
/*
 * But no more kept than this, whatever the limit.  A kept fd pins kernel
 * memory none of the RSS shows: ~2 KiB for an ns/ directory (file, dentry,
 * inode), ~6 KiB for stat or schedstat (their seq_file buffer too).  At
 * 10,000 tasks the ~10,000 ns/ fds saved about 1% of a CPU at -d 0.5
 * (the netns rechecks: a readlinkat instead of a path walk) for ~20 MiB;
 * the trade gets no better with more tasks (README.md, "Performance").
 * Beyond the bound a task's files are read by path.
 */
#define FD_KEEP_MAX	4096
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
	size_t room = limit > reserve ? limit - reserve : 0;

	return room < FD_KEEP_MAX ? room : FD_KEEP_MAX;
}

bool fd_budget_room(const struct pf_source *pf)
{
	return !pf->fds_exhausted && pf->kept_fds < pf->max_kept_fds;
}

int fd_budget_keep(struct pf_source *pf, int fd, int *err)
{
	*err = 0;
	if (fd == -EMFILE || fd == -ENFILE) {
		pf->fds_exhausted = true;
		fd_budget_shed(pf);
	}
	if (fd < 0) {
		*err = -fd;
		return -1;
	}
	pf->kept_fds++;
	return fd;
}

int fd_budget_open(struct pf_source *pf, int tgid, int tid, const char *name,
    int *err)
{
	*err = 0;
	if (!fd_budget_room(pf))
		return -1;
	return fd_budget_keep(pf, proc_open_task_file(pf->root, tgid, tid,
	    name), err);
}

void fd_budget_close(struct pf_source *pf, int *fd)
{
	if (*fd < 0)
		return;
	close(*fd);
	*fd = -1;
	pf->kept_fds--;
}

/* schedstat and ns/ fds go first: without them a task costs a stat pread
 * and a path walk a link, still far less than open+read+close. */
static void shed_until(struct pf_source *pf, size_t keep, bool stat_too)
{
	size_t it = 0;
	void *v;

	while (pf->kept_fds > keep && intmap_next(&pf->tasks, &it, NULL, &v)) {
		struct pf_task *t = v;

		fd_budget_close(pf, &t->sched_fd);
		fd_budget_close(pf, &t->ns_dir_fd);
		if (stat_too && pf->kept_fds > keep)
			fd_budget_close(pf, &t->stat_fd);
	}
}

bool fd_budget_shed(struct pf_source *pf)
{
	size_t keep;

	if (pf->kept_fds == 0)
		return false;
	keep = pf->kept_fds > FD_SHED ? pf->kept_fds - FD_SHED : 0;
	pf->max_kept_fds = keep;
	shed_until(pf, keep, false);
	shed_until(pf, keep, true);
	return true;
}
