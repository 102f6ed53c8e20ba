/*
 * ns_scan.c - which namespace links a refresh reads.  A readlink costs
 * about as much as a stat pread, and a task has ten links, so:
 *
 * - a new task has all ten read (the tree's quieter marks, the side pane
 *   and JSON need them; batch's too: it marks every type, " [uts]" …);
 * - every known task's network namespace, the headline, is rechecked
 *   round-robin within pf->ns_net_recheck_period seconds: the budget a
 *   refresh is the share of the tasks the refresh interval calls for, so
 *   a thread that calls setns(2) is marked within that period whatever the
 *   task count and the refresh delay;
 * - all ten links are rechecked on a slower round-robin of
 *   pf->ns_recheck_budget tasks a refresh;
 * - the selected thread's links are reread on every refresh and cursor
 *   move by the side pane's detail_read() (snapshot_take_detail_ns).
 */
#include "config.h"

#include <string.h>

#include "procfs_priv.h"

/* The links read of one task, UNREAD where not read. */
struct ns_read {
	enum field_state state[NS_COUNT];
	uint64_t	 ino[NS_COUNT];
};

typedef void ns_reader(struct pf_source *pf, struct pf_task *t,
    struct ns_read *nr);

/* ns/ kept open when the budget allows: a link then costs one lookup. */
static int task_ns_dir(struct pf_source *pf, struct pf_task *t)
{
	int err;

	if (t->ns_dir_fd < 0 && fd_budget_room(pf))
		t->ns_dir_fd = fd_budget_keep(pf, proc_open_ns_dir(pf->root,
		    t->tgid, t->tid), &err);
	return t->ns_dir_fd;
}

/*
 * A kept ns/ fd names the task it was opened on: reading through it fails
 * once that task is gone, though its tid may name a new one by now, so
 * read again by path before taking the failure.
 */
static bool task_ns_dir_failed(struct pf_source *pf, struct pf_task *t,
    const struct ns_read *nr)
{
	if (t->ns_dir_fd < 0 || nr->state[NS_NET] == FIELD_OK)
		return false;
	fd_budget_close(pf, &t->ns_dir_fd);
	return true;
}

static void task_read_ns(struct pf_source *pf, struct pf_task *t,
    struct ns_read *nr)
{
	proc_read_ns_all(pf->root, t->tgid, t->tid, task_ns_dir(pf, t),
	    nr->state, nr->ino);
	if (task_ns_dir_failed(pf, t, nr))
		proc_read_ns_all(pf->root, t->tgid, t->tid, -1, nr->state,
		    nr->ino);
}

static void task_read_netns(struct pf_source *pf, struct pf_task *t,
    struct ns_read *nr)
{
	int dir = task_ns_dir(pf, t);

	nr->state[NS_NET] = dir >= 0 ?
	    proc_read_ns_at(dir, NS_NET, &nr->ino[NS_NET]) :
	    proc_read_ns(pf->root, t->tgid, t->tid, NS_NET, &nr->ino[NS_NET]);
	if (task_ns_dir_failed(pf, t, nr))
		nr->state[NS_NET] = proc_read_ns(pf->root, t->tgid, t->tid,
		    NS_NET, &nr->ino[NS_NET]);
}

/* Read t's links with read and put them into the snapshot. */
static void ns_put(struct pf_source *pf, struct snapshot *s,
    struct pf_task *t, ns_reader *read)
{
	struct ns_read nr;

	memset(&nr, 0, sizeof nr);	/* every link FIELD_UNREAD */
	read(pf, t, &nr);
	t->net_ok = nr.state[NS_NET] == FIELD_OK;
	snapshot_put_ns(s, t->tid, nr.state, nr.ino);
}

/*
 * Links read while a task lived would outlast its exit; a zombie's
 * namespaces are gone, so reread until that shows.
 */
static bool task_ns_stale(const struct pf_task *t)
{
	return pf_task_is_dead(t) && t->net_ok;
}

size_t ns_net_recheck_budget(size_t ntasks, double interval, double period)
{
	double share;
	size_t whole;

	if (period <= 0 || interval <= 0)
		return 0;
	share = (double)ntasks * interval / period;
	if (share >= (double)ntasks)
		return ntasks;
	whole = (size_t)share;
	return (double)whole < share ? whole + 1 : whole;
}

/* Up to budget known tasks from *cursor on, wrapping; returns how many. */
static size_t ns_round(struct pf_source *pf, struct snapshot *s,
    size_t *cursor, size_t budget, ns_reader *read)
{
	size_t n = pf->nseen, i, k, steps;

	if (*cursor >= n)
		*cursor = 0;
	i = *cursor;
	for (k = 0, steps = 0; k < budget && steps < n; steps++) {
		if (!pf->seen[i]->fresh) {
			ns_put(pf, s, pf->seen[i], read);
			k++;
		}
		i = (i + 1) % n;
	}
	*cursor = i;
	return k;
}

void ns_scan(struct pf_source *pf, struct snapshot *s)
{
	size_t n = pf->nseen, budget = pf->ns_recheck_budget, i;

	for (i = 0; i < n; i++)
		if (pf->seen[i]->fresh || task_ns_stale(pf->seen[i]))
			ns_put(pf, s, pf->seen[i], task_read_ns);
	if (n == 0)
		return;
	if (budget == 0 || budget > n)
		budget = n;
	ns_round(pf, s, &pf->ns_cursor, budget, task_read_ns);
	if (budget < n)
		ns_round(pf, s, &pf->ns_net_cursor, ns_net_recheck_budget(n,
		    pf->interval, pf->ns_net_recheck_period), task_read_netns);
}
