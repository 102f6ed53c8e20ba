/*
 * task_stat.c - a task's stat, a refresh's largest cost at 10,000 tasks, made
 * cheap for the many tasks that did not run since the last refresh:
 *
 * - the stat fd is kept open, so a read is one pread;
 * - a group whose CPU time stood still since the last refresh (one clock
 *   read, refresh.c) has no thread that ran: its threads are not read;
 * - else a non-leader thread's schedstat (run time, wait, timeslices: a
 *   third of the kernel's work of stat) is read first through its own kept
 *   fd; while its bytes stand still the thread did not run, and its stat
 *   is not read;
 * - stat bytes equal to the last ones are not parsed again.
 *
 * A thread that did not run can still see stat change: its nice set from
 * outside, or woken but not yet on a CPU ('R' before its run time moves).
 * So its stat is reread anyway once STAT_MAX_AGE has passed.  Leaders are
 * never skipped: their stat carries the process's ppid, rss and state,
 * which change without the leader running (reparenting, other threads'
 * memory).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "tasktop/util.h"
#include "procfs_priv.h"

/* A stat line is about 300 bytes; comm can't make it much longer. */
#define STAT_BUF	1024
#define SCHED_BUF	128
/* Seconds, spread by tid up to twice that (age_spread).  No field a
 * thread row shows changes while the thread does not run, but for 'R'
 * before its run time moves (woken, waiting for a CPU), so this is only
 * a backstop; a nice set from outside (JSON does not show it) shows as
 * late. */
#define STAT_MAX_AGE	30.0

/* FNV-1a: a file of a few hundred bytes, to tell it changed without
 * keeping it (compared for equality only). */
static uint64_t bytes_hash(const char *buf, size_t len)
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)buf[i];
		h *= 1099511628211ull;
	}
	return h;
}

static bool stat_due(const struct pf_source *pf, const struct pf_task *t)
{
	return pf->mono - t->stat_mono >= age_spread(STAT_MAX_AGE, t->tid);
}

/* A kernel without schedstats prints zeros for every task: no gate. */
static bool sched_all_zero(const char *buf, size_t len)
{
	return len >= 5 && memcmp(buf, "0 0 0", 5) == 0;
}

/* The hash of t's schedstat; false when there is none to go by. */
static bool task_sample_sched(struct pf_source *pf, struct pf_task *t,
    uint64_t *sig, int *open_err)
{
	char buf[SCHED_BUF];
	size_t len = 0;

	*open_err = 0;
	if (pf->no_schedstat || t->tid == t->tgid)
		return false;
	if (t->sched_fd < 0)
		t->sched_fd = fd_budget_open(pf, t->tgid, t->tid, "schedstat",
		    open_err);
	if (t->sched_fd < 0)
		return false;
	if (proc_pread_file(t->sched_fd, buf, sizeof buf, &len) != FIELD_OK) {
		fd_budget_close(pf, &t->sched_fd);
		return false;
	}
	*sig = bytes_hash(buf, len);
	return !sched_all_zero(buf, len);
}

/*
 * An fd kept from an earlier refresh still names the task it was opened
 * on: ESRCH through it means that task died, though its tid may already
 * belong to a new one, so reopen once before calling the task gone.
 * A new task's stat is read once by path: most tasks are never read again
 * (the gates), and a kept stat fd pins ~6 KiB of kernel memory (its
 * seq_file buffer, file, dentry and inode), so the fd is kept only from
 * the second read on, for the tasks read again.
 */
static enum field_state task_load_stat(struct pf_source *pf,
    struct pf_task *t, char *buf, size_t *len)
{
	enum field_state st;
	int err;

	if (t->stat_fd < 0 && !t->fresh)
		t->stat_fd = fd_budget_open(pf, t->tgid, t->tid, "stat", &err);
	if (t->stat_fd < 0)
		return proc_read_task_file(pf->root, t->tgid, t->tid, "stat",
		    buf, STAT_BUF, len);
	st = proc_pread_file(t->stat_fd, buf, STAT_BUF, len);
	if (st == FIELD_OK)
		return st;
	fd_budget_close(pf, &t->stat_fd);
	return proc_read_task_file(pf->root, t->tgid, t->tid, "stat", buf,
	    STAT_BUF, len);
}

/* Clock ticks as nanoseconds, without overflow for any uptime. */
static uint64_t ticks_ns(unsigned long long ticks, long hz)
{
	unsigned long long h = hz > 0 ? (unsigned long long)hz : 100;

	return (uint64_t)(ticks / h * 1000000000ull +
	    ticks % h * 1000000000ull / h);
}

/* Parsed stat for the record; a new start time behind a known tid is
 * another task (the model starts it over too). */
static void task_take_stat(struct pf_source *pf, struct pf_task *t,
    const struct proc_stat *st, struct task_record *r)
{
	if (t->stat_ok && !t->fresh && st->starttime != t->starttime)
		t->fresh = true;
	t->stat_ok = true;
	t->state = st->state;
	t->starttime = st->starttime;
	r->stat_state = FIELD_OK;
	r->stat = *st;
	r->cpu_ns = ticks_ns(st->utime + st->stime, pf->hz);
}

static void task_read_stat_file(struct pf_source *pf, struct pf_task *t,
    struct task_record *r)
{
	char buf[STAT_BUF];
	struct proc_stat st;
	size_t len = 0;
	enum field_state state = task_load_stat(pf, t, buf, &len);
	uint64_t sig = state == FIELD_OK ? bytes_hash(buf, len) : 0;

	if (state == FIELD_OK && t->stat_ok && !t->fresh &&
	    sig == t->stat_sig) {
		r->stat_state = FIELD_OK;
		r->stat_same = true;
		return;
	}
	if (state == FIELD_OK && proc_parse_stat(buf, len, &st) != 0)
		state = FIELD_UNAVAILABLE;
	if (state != FIELD_OK) {
		t->stat_ok = false;
		r->stat_state = state;
		return;
	}
	task_take_stat(pf, t, &st, r);
	t->stat_sig = sig;
}

/* A thread of a group none of whose threads ran: nothing to read. */
static bool task_quiet(const struct pf_source *pf, const struct pf_task *t,
    bool group_quiet)
{
	return group_quiet && !t->fresh && t->tid != t->tgid && t->stat_ok &&
	    !stat_due(pf, t);
}

void pf_read_stat(struct pf_source *pf, struct pf_task *t, bool group_quiet,
    struct task_record *r)
{
	uint64_t sched_sig = 0;
	int sched_err = 0;
	bool gated;

	r->stat_state = FIELD_OK;
	r->stat_same = true;
	if (task_quiet(pf, t, group_quiet))
		return;
	/* a new task's stat is read anyway; its schedstat fd waits for a
	 * refresh where its group ran (most never do) */
	gated = !t->fresh && task_sample_sched(pf, t, &sched_sig, &sched_err);
	if (gated && t->stat_ok && t->sched_sig != 0 &&
	    sched_sig == t->sched_sig && !stat_due(pf, t))
		return;
	r->stat_same = false;
	task_read_stat_file(pf, t, r);
	if (!t->stat_ok)
		return;
	/* no schedstat for a task whose stat reads: the kernel has none */
	if (sched_err == ENOENT)
		pf->no_schedstat = true;
	t->sched_sig = gated ? sched_sig : 0;
	t->stat_mono = pf->mono;
}

void pf_stat_stale(struct pf_source *pf, int tid)
{
	struct pf_task *t = intmap_get(&pf->tasks, tid);

	if (t)
		t->stat_mono = pf->mono - 2 * STAT_MAX_AGE - 1;
}
