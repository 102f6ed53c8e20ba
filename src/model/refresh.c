/*
 * refresh.c - a refresh as the model sees it: records put between begin
 * and end (tasktop/record.h).  No I/O: whatever the source read arrives
 * here as values with their field states.
 */
#include "config.h"

#include <stdlib.h>

#include "priv.h"
#include "process.h"
#include "task.h"
#include "tid_map.h"
#include "tree.h"

void snapshot_begin(struct snapshot *s, double mono, double wall)
{
	s->generation++;
	s->interval = s->generation > 1 ? mono - s->mono : 0;
	s->mono = mono;
	s->wall = wall;
	s->load_ok = false;
	s->nlist = 0;
	s->ntasks = 0;
	s->nrunning = 0;
	snapshot_priv(s)->nidentity = 0;
	snapshot_priv(s)->put_proc = NULL;
}

void snapshot_put_load(struct snapshot *s, const double load[3])
{
	s->load[0] = load[0];
	s->load[1] = load[1];
	s->load[2] = load[2];
	s->load_ok = true;
}

/*
 * Work in proportion to what changed.  A process none of whose threads
 * changed (same tasks in the same order, no value that its rows or marks
 * derive from moved) keeps all it derived: its threads' order, leader,
 * sums, namespace reference and marks, history.  Most tasks sleep, so most
 * processes are skipped at snapshot_end().
 */
static void process_changed(struct process *p, unsigned generation)
{
	p->changed_gen = generation;
}

/*
 * The process whose tasks are being put: a source that puts a group's
 * tasks one after another (the BPF walk does; procfs too) in the order of
 * the last refresh finds each task where its process had it, without a
 * hash lookup.  The group left is done: a thread count that differs from
 * the last refresh's is a change.
 */
static void put_proc_leave(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);

	if (priv->put_proc != NULL &&
	    priv->put_proc->nthreads != priv->put_proc->prev_nthreads)
		process_changed(priv->put_proc, s->generation);
	priv->put_proc = NULL;
}

/* A process listed this refresh: its threads so far become the last
 * refresh's, and it collects this one's afresh, in the same array
 * (process_add_thread()). */
static void process_relist(struct process *p)
{
	p->prev_nthreads = p->nthreads;
	p->nthreads = 0;
}

/* The group of a record, listed in s->list at its first task this time. */
static struct process *refresh_process_of(struct snapshot *s, int tgid)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	struct process *p = priv->put_proc;

	if (p != NULL && p->pid == tgid)
		return p;
	put_proc_leave(s);
	p = intmap_get(&s->procs, tgid);
	if (p == NULL) {
		p = process_new(tgid);
		intmap_put(&s->procs, tgid, p);
		process_changed(p, s->generation);
	}
	if (p->seen != s->generation) {
		p->seen = s->generation;
		priv->put_proc = p;
		process_relist(p);
		p->group_cpu_ok = false;
		model_grow(&s->list, &s->list_cap, s->nlist + 1,
		    sizeof *s->list);
		s->list[s->nlist++] = p;
	} else {
		/* back to a group put before: its order is another */
		process_changed(p, s->generation);
	}
	return p;
}

/* The task the last refresh had where this one's is put (no sweep has run
 * yet: it is still there). */
static struct task *put_predicted(const struct snapshot *s,
    const struct process *p, int tid)
{
	struct task *t;

	if (p != snapshot_priv(s)->put_proc || p->nthreads >= p->prev_nthreads)
		return NULL;
	t = process_prev_threads(p)[p->nthreads];
	return t->tid == tid ? t : NULL;
}

/* The task behind tid for group tgid; a tid that moved to another group
 * (reused, or an exec by a non-leader thread) starts over. */
static struct task *refresh_task_of(struct snapshot *s, struct task *t,
    int tid, int tgid)
{
	if (t == NULL) {
		uint32_t slot;

		t = task_new(tid, tgid, &slot);
		tid_map_put(&s->tasks, slot);
		t->renewed = true;
	} else if (t->tgid != tgid) {
		task_reset(t, tgid);
		t->renewed = true;
	}
	return t;
}

void snapshot_put(struct snapshot *s, const struct task_record *r)
{
	struct process *p;
	struct task *t;
	bool predicted, changed;

	if (r->stat_state == FIELD_GONE || r->tid <= 0 || r->tgid <= 0)
		return;		/* exited since it was listed */
	p = snapshot_priv(s)->put_proc;
	t = p != NULL && p->pid == r->tgid ? put_predicted(s, p, r->tid) : NULL;
	predicted = t != NULL;
	if (t == NULL)
		t = tid_map_get(&s->tasks, r->tid);
	if (t != NULL && t->seen == s->generation)
		return;		/* put for another group moments ago */
	if (t != NULL)
		t->renewed = t->renamed = false;	/* the last refresh's */
	t = refresh_task_of(s, t, r->tid, r->tgid);
	p = refresh_process_of(s, r->tgid);
	changed = task_take_record(t, r, s->generation, s->interval);
	changed |= process_take_mm(p, t, r->stat_same ? NULL : &r->stat,
	    s->generation);
	if (changed || !(predicted || put_predicted(s, p, r->tid) == t))
		process_changed(p, s->generation);
	t->seen = s->generation;
	t->proc = p;
	process_add_thread(p, t);
	s->ntasks++;
	s->nrunning += t->stat_state == FIELD_OK && t->stat.state == 'R';
}

void snapshot_put_ns(struct snapshot *s, int tid,
    const enum field_state state[NS_COUNT], const uint64_t ino[NS_COUNT])
{
	struct task *t = tid_map_get(&s->tasks, tid);

	if (t != NULL && t->seen == s->generation &&
	    task_take_ns(t, state, ino))
		process_changed(t->proc, s->generation);
}

void snapshot_put_group_cpu(struct snapshot *s, int tgid, uint64_t cpu_ns)
{
	struct process *p = intmap_get(&s->procs, tgid);

	if (p != NULL && p->seen == s->generation) {
		/* a clock that stood still after it moved: CPU% back to 0 */
		if (p->group_cpu_ns != cpu_ns || p->cpu_percent != 0)
			process_changed(p, s->generation);
		/* a clock that went back last time (a walk missed a thread
		 * exiting under it) is no base: from it this delta would hold
		 * that thread's whole run time again */
		p->group_cpu_prev = p->group_cpu_prev != UINT64_MAX &&
		    p->group_cpu_ns < p->group_cpu_prev ? UINT64_MAX :
		    p->group_cpu_ns;
		p->group_cpu_ok = true;
		p->group_cpu_ns = cpu_ns;
	}
}

/* Those of tasks[] not put this refresh, gone from the snapshot. */
static void sweep_tasks(struct snapshot *s, struct task *const *tasks,
    size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tasks[i]->seen != s->generation)
			task_free(tasks[i], tid_map_del(&s->tasks,
			    tasks[i]->tid));
}

/*
 * Whatever this refresh did not put has exited.  Every task is in the
 * thread array of exactly one process as the last refresh left it: a
 * process not listed again still has it as its threads, one listed again
 * among its last refresh's (process_prev_threads()); only a changed
 * process can have lost one.  So no walk over every task (which would
 * touch each one's memory) is needed.
 */
static void refresh_sweep(struct snapshot *s)
{
	size_t it = 0, i;
	int key;
	void *v;

	for (i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];

		if (p->changed_gen == s->generation)
			sweep_tasks(s, process_prev_threads(p),
			    p->prev_nthreads);
		process_drop_prev(p);
	}
	if (s->nlist == s->procs.count)
		return;
	while (intmap_next(&s->procs, &it, &key, &v)) {
		struct process *p = v;

		if (p->seen == s->generation)
			continue;
		sweep_tasks(s, p->threads, p->nthreads);
		intmap_del(&s->procs, key);
		process_free(p);
	}
}

static int process_pid_cmp(const void *a, const void *b)
{
	int x = (*(struct process *const *)a)->pid;
	int y = (*(struct process *const *)b)->pid;

	return (x > y) - (x < y);
}

/* A source may put groups in any order (a task iterator goes by tid). */
static void refresh_order_list(struct snapshot *s)
{
	size_t i;

	for (i = 1; i < s->nlist; i++)
		if (s->list[i - 1]->pid > s->list[i]->pid) {
			qsort(s->list, s->nlist, sizeof *s->list,
			    process_pid_cmp);
			return;
		}
}

static void refresh_want_identity(struct snapshot *s, struct process *p)
{
	struct snapshot_priv *priv = snapshot_priv(s);

	model_grow(&priv->identity, &priv->identity_cap, priv->nidentity + 1,
	    sizeof *priv->identity);
	priv->identity[priv->nidentity++] = p;
}

/* What a process derives holds unless it changed; a group time not put
 * this refresh (the sum of its threads stands in) or an identity never
 * read is a change too. */
static bool process_unchanged(const struct snapshot *s,
    const struct process *p)
{
	return p->changed_gen != s->generation && p->group_cpu_ok &&
	    p->cmdline_state != FIELD_UNREAD;
}

void snapshot_end(struct snapshot *s)
{
	size_t i;

	put_proc_leave(s);
	refresh_sweep(s);
	refresh_order_list(s);
	for (i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];

		if (process_unchanged(s, p))
			continue;
		process_changed(p, s->generation);
		process_order_threads(p);
		if (process_update(p, s->generation, s->page_kb, s->hz,
		    s->interval))
			refresh_want_identity(s, p);
		process_derive_ns(p);
		if (!p->group_cpu_ok)
			p->group_cpu_ns = UINT64_MAX;	/* no value: any differs */
	}
	ns_history_update(s);
	tree_build(s);
}
