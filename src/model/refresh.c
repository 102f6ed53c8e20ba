#include "config.h"

#include <errno.h>
#include <limits.h>

#include "internal.h"

static void refresh_clock(struct snapshot *s, double mono, double wall)
{
	s->interval = s->generation > 1 ? mono - s->mono : 0;
	s->mono = mono;
	s->wall = wall;
}

static void refresh_loadavg(struct snapshot *s)
{
	char buf[256];
	size_t len = 0;

	s->load_ok = proc_read_root_file(&s->root, "loadavg", buf, sizeof(buf),
	    &len) == FIELD_OK && proc_parse_loadavg(buf, len, s->load) == 0;
}

/* A listing needs an fd: when kept ones took them all (the limit lower
 * than it said), give some back and try again rather than fail. */
static bool listing_starved(struct snapshot *s, int n)
{
	return (n == -EMFILE || n == -ENFILE) && fd_budget_shed(s);
}

/* The thread groups to visit: every one, or only those given with -p. */
static int refresh_list_tgids(struct snapshot *s, const int **ids)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	int n;

	if (s->only != NULL) {
		*ids = s->only;
		return (int)s->nonly;
	}
	n = proc_list_tgids(&s->root, &priv->tgids, &priv->tgids_cap);
	if (listing_starved(s, n))
		n = proc_list_tgids(&s->root, &priv->tgids, &priv->tgids_cap);
	*ids = priv->tgids;
	return n;
}

/* The task behind tid for thread group tgid; a tid that moved to another
 * group (reused, or an exec by a non-leader thread) starts over. */
static struct task *refresh_task_of(struct snapshot *s, int tid, int tgid,
    bool *fresh)
{
	struct task *t = intmap_get(&s->tasks, tid);

	*fresh = t == NULL || t->tgid != tgid;
	if (t == NULL) {
		t = task_new(tid, tgid);
		intmap_put(&s->tasks, tid, t);
	} else if (t->tgid != tgid) {
		task_forget(s, t, tgid);
	}
	return t;
}

/* Read one thread into p; a thread that exited meanwhile is left out. */
static void refresh_thread(struct snapshot *s, struct process *p, int tid)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	struct task_sighting *ts;
	bool fresh;
	struct task *t = intmap_get(&s->tasks, tid);

	if (t != NULL && t->seen == s->generation)
		return;		/* listed by another group moments ago */
	t = refresh_task_of(s, tid, p->pid, &fresh);
	model_grow(&priv->seen, &priv->seen_cap, priv->nseen + 1,
	    sizeof(*priv->seen));
	ts = &priv->seen[priv->nseen];
	*ts = (struct task_sighting){ .task = t, .fresh = fresh,
	    .group_quiet = p->quiet };
	task_read(s, ts);
	if (t->stat_state == FIELD_GONE)
		return;
	t->seen = s->generation;
	t->proc = p;
	task_update_cpu(t, ts->had_sample, s->interval, s->hz);
	process_add_thread(p, t);
	priv->nseen++;
}

static int refresh_list_tids(struct snapshot *s, int tgid)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	int n = proc_list_tids(&s->root, tgid, &priv->tids, &priv->tids_cap);

	if (listing_starved(s, n))
		n = proc_list_tids(&s->root, tgid, &priv->tids,
		    &priv->tids_cap);
	return n;
}

/*
 * Listing a task directory costs a lookup a thread, a refresh's second
 * cost after stat.  procfs counts a group's threads for the price of a
 * stat, and the same count as last time is taken to mean the same threads:
 * a thread that exited shows anyway (reading it fails), but one that
 * started while another exited would not, so each group is listed again
 * after RELIST_AGE seconds at most (spread by pid up to twice that).
 */
#define RELIST_AGE	2.0

static bool refresh_same_threads(const struct snapshot *s,
    const struct process *p)
{
	double age = RELIST_AGE * (1.0 + (double)(p->pid % 16) / 16.0);

	return p->nthreads > 0 && p->nthreads <= INT_MAX &&
	    s->mono - p->listed_mono < age &&
	    proc_count_tids(&s->root, p->pid) == (int)p->nthreads;
}

/* The tids of p's threads of the last refresh. */
static int refresh_known_tids(struct snapshot *s, const struct process *p)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t i;

	model_grow(&priv->tids, &priv->tids_cap, p->nthreads,
	    sizeof(*priv->tids));
	for (i = 0; i < p->nthreads; i++)
		priv->tids[i] = p->threads[i]->tid;
	return (int)p->nthreads;
}

/*
 * The group's CPU time, read before its threads: when it stood still since
 * the last refresh (read before that refresh's threads too), no thread ran
 * in between, and what was read of them then is what they would say now.
 */
static void refresh_group_runtime(struct snapshot *s, struct process *p,
    bool fresh)
{
	uint64_t ns;
	bool ok = proc_group_runtime(&s->root, p->pid, &ns) == 0;

	p->quiet = ok && !fresh && p->runtime_ok && ns == p->runtime_ns;
	p->runtime_ok = ok;
	p->runtime_ns = ns;
}

static void refresh_process(struct snapshot *s, int tgid)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	struct process *p = intmap_get(&s->procs, tgid);
	size_t first = priv->nseen;
	bool fresh = p == NULL, listed = fresh || !refresh_same_threads(s, p);
	int n, i;

	n = listed ? refresh_list_tids(s, tgid) : refresh_known_tids(s, p);
	if (n <= 0)
		return;		/* exited since the listing */
	if (fresh) {
		p = process_new(tgid);
		intmap_put(&s->procs, tgid, p);
	}
	if (listed)
		p->listed_mono = s->mono;
	refresh_group_runtime(s, p, fresh);
	p->nthreads = 0;
	for (i = 0; i < n; i++)
		refresh_thread(s, p, priv->tids[i]);
	if (p->nthreads == 0)
		return;
	p->seen = s->generation;
	process_order_threads(p);
	process_update(s, p, fresh, &priv->seen[first], priv->nseen - first);
	process_sum_cpu(p);
	model_grow(&s->list, &s->list_cap, s->nlist + 1, sizeof(*s->list));
	s->list[s->nlist++] = p;
}

/* Whatever this refresh did not see has exited. */
static void refresh_sweep(struct snapshot *s)
{
	size_t it = 0;
	int key;
	void *v;

	while (intmap_next(&s->tasks, &it, &key, &v))
		if (((struct task *)v)->seen != s->generation) {
			intmap_del(&s->tasks, key);
			task_free(s, v);
		}
	it = 0;
	while (intmap_next(&s->procs, &it, &key, &v))
		if (((struct process *)v)->seen != s->generation) {
			intmap_del(&s->procs, key);
			process_free(v);
		}
}

int snapshot_refresh(struct snapshot *s, double mono, double wall)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	const int *tgids;
	int n, i;
	size_t j;

	n = refresh_list_tgids(s, &tgids);
	if (n < 0)
		return n;
	s->generation++;
	refresh_clock(s, mono, wall);
	refresh_loadavg(s);
	priv->nseen = 0;
	priv->fds_exhausted = false;
	s->nlist = 0;
	for (i = 0; i < n; i++)
		refresh_process(s, tgids[i]);
	refresh_sweep(s);
	s->ntasks = priv->nseen;
	ns_scan(s);
	for (j = 0; j < s->nlist; j++)
		process_derive_ns(s->list[j]);
	tree_build(s);
	return 0;
}
