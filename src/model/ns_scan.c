/*
 * ns_scan.c - which namespace links a refresh reads.  A readlink costs
 * about as much as a stat pread, and a task has ten links, so:
 *
 * - a new task has all ten read (the tree's quieter marks, the side pane
 *   and JSON need them; batch's too: it marks every type, " [uts]" …);
 * - every known task's network namespace, the headline, is rechecked
 *   round-robin within s->ns_net_recheck_period seconds: the budget a
 *   refresh is the share of the tasks the refresh interval calls for, so
 *   a thread that calls setns(2) is marked within that period whatever the
 *   task count and the refresh delay;
 * - all ten links are rechecked on a slower round-robin of
 *   s->ns_recheck_budget tasks a refresh;
 * - the selected thread's links are reread on every refresh and cursor
 *   move by task_detail_read().
 */
#include "config.h"

#include "internal.h"

typedef void ns_reader(struct snapshot *s, struct task *t);

/* ns/ kept open when the budget allows: a link then costs one lookup. */
static int task_ns_dir(struct snapshot *s, struct task *t)
{
	int err;

	if (t->ns_dir_fd < 0 && fd_budget_room(s))
		t->ns_dir_fd = fd_budget_keep(s, proc_open_ns_dir(&s->root,
		    t->tgid, t->tid), &err);
	return t->ns_dir_fd;
}

/*
 * A kept ns/ fd names the task it was opened on: reading through it fails
 * once that task is gone, though its tid may name a new one by now, so
 * read again by path before taking the failure.
 */
static bool task_ns_dir_failed(struct snapshot *s, struct task *t)
{
	if (t->ns_dir_fd < 0 || t->ns_state[NS_NET] == FIELD_OK)
		return false;
	fd_budget_close(s, &t->ns_dir_fd);
	return true;
}

static void task_read_ns(struct snapshot *s, struct task *t)
{
	proc_read_ns_all(&s->root, t->tgid, t->tid, task_ns_dir(s, t),
	    t->ns_state, t->ns);
	if (task_ns_dir_failed(s, t))
		proc_read_ns_all(&s->root, t->tgid, t->tid, -1, t->ns_state,
		    t->ns);
}

static void task_read_netns(struct snapshot *s, struct task *t)
{
	int dir = task_ns_dir(s, t);

	t->ns_state[NS_NET] = dir >= 0 ?
	    proc_read_ns_at(dir, NS_NET, &t->ns[NS_NET]) :
	    proc_read_ns(&s->root, t->tgid, t->tid, NS_NET, &t->ns[NS_NET]);
	if (task_ns_dir_failed(s, t))
		t->ns_state[NS_NET] = proc_read_ns(&s->root, t->tgid, t->tid,
		    NS_NET, &t->ns[NS_NET]);
}

/*
 * Links read while a task lived would outlast its exit; a zombie's
 * namespaces are gone, so reread until that shows.
 */
static bool task_ns_stale(const struct task *t)
{
	return task_is_dead(t) && t->ns_state[NS_NET] == FIELD_OK;
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
static size_t ns_round(struct snapshot *s, size_t *cursor, size_t budget,
    ns_reader *read)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t n = priv->nseen, i, k, steps;

	if (*cursor >= n)
		*cursor = 0;
	i = *cursor;
	for (k = 0, steps = 0; k < budget && steps < n; steps++) {
		if (!priv->seen[i].fresh) {
			read(s, priv->seen[i].task);
			k++;
		}
		i = (i + 1) % n;
	}
	*cursor = i;
	return k;
}

void ns_scan(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t n = priv->nseen, budget = s->ns_recheck_budget, i;

	for (i = 0; i < n; i++)
		if (priv->seen[i].fresh || task_ns_stale(priv->seen[i].task))
			task_read_ns(s, priv->seen[i].task);
	if (n == 0)
		return;
	if (budget == 0 || budget > n)
		budget = n;
	ns_round(s, &priv->ns_cursor, budget, task_read_ns);
	if (budget < n)
		ns_round(s, &priv->ns_net_cursor, ns_net_recheck_budget(n,
		    s->interval, s->ns_net_recheck_period), task_read_netns);
}
