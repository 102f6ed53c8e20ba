#include "config.h"

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
	*ts = (struct task_sighting){ .task = t, .fresh = fresh };
	task_read(s, ts);
	if (t->stat_state == FIELD_GONE)
		return;
	t->seen = s->generation;
	t->proc = p;
	task_update_cpu(t, ts->had_sample, s->interval, s->hz);
	process_add_thread(p, t);
	priv->nseen++;
}

static void refresh_process(struct snapshot *s, int tgid)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	struct process *p;
	size_t first = priv->nseen;
	bool fresh;
	int n, i;

	n = proc_list_tids(&s->root, tgid, &priv->tids, &priv->tids_cap);
	if (n <= 0)
		return;		/* exited since the listing */
	p = intmap_get(&s->procs, tgid);
	fresh = p == NULL;
	if (fresh) {
		p = process_new(tgid);
		intmap_put(&s->procs, tgid, p);
	}
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
