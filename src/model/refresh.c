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
	snapshot_priv(s)->nidentity = 0;
}

void snapshot_put_load(struct snapshot *s, const double load[3])
{
	s->load[0] = load[0];
	s->load[1] = load[1];
	s->load[2] = load[2];
	s->load_ok = true;
}

/* The group of a record, listed in s->list at its first task this time. */
static struct process *refresh_process_of(struct snapshot *s, int tgid)
{
	struct process *p = intmap_get(&s->procs, tgid);

	if (p == NULL) {
		p = process_new(tgid);
		intmap_put(&s->procs, tgid, p);
	}
	if (p->seen != s->generation) {
		p->seen = s->generation;
		p->nthreads = 0;
		p->group_cpu_ok = false;
		model_grow(&s->list, &s->list_cap, s->nlist + 1,
		    sizeof(*s->list));
		s->list[s->nlist++] = p;
	}
	return p;
}

/* The task behind tid for group tgid; a tid that moved to another group
 * (reused, or an exec by a non-leader thread) starts over. */
static struct task *refresh_task_of(struct snapshot *s, int tid, int tgid)
{
	struct task *t = intmap_get(&s->tasks, tid);

	if (t == NULL) {
		t = task_new(tid, tgid);
		intmap_put(&s->tasks, tid, t);
		t->renewed_gen = s->generation;
	} else if (t->tgid != tgid) {
		task_reset(t, tgid);
		t->renewed_gen = s->generation;
	}
	return t;
}

void snapshot_put(struct snapshot *s, const struct task_record *r)
{
	struct task *t = intmap_get(&s->tasks, r->tid);

	if (r->stat_state == FIELD_GONE || r->tid <= 0 || r->tgid <= 0)
		return;		/* exited since it was listed */
	if (t != NULL && t->seen == s->generation)
		return;		/* put for another group moments ago */
	t = refresh_task_of(s, r->tid, r->tgid);
	task_take_record(t, r, s->generation, s->interval);
	t->seen = s->generation;
	t->proc = refresh_process_of(s, r->tgid);
	process_add_thread(t->proc, t);
	s->ntasks++;
}

void snapshot_put_ns(struct snapshot *s, int tid,
    const enum field_state state[NS_COUNT], const uint64_t ino[NS_COUNT])
{
	struct task *t = intmap_get(&s->tasks, tid);

	if (t != NULL && t->seen == s->generation)
		task_take_ns(t, state, ino);
}

void snapshot_put_group_cpu(struct snapshot *s, int tgid, uint64_t cpu_ns)
{
	struct process *p = intmap_get(&s->procs, tgid);

	if (p != NULL && p->seen == s->generation) {
		p->group_cpu_ok = true;
		p->group_cpu_ns = cpu_ns;
	}
}

/* Whatever this refresh did not put has exited. */
static void refresh_sweep(struct snapshot *s)
{
	size_t it = 0;
	int key;
	void *v;

	while (intmap_next(&s->tasks, &it, &key, &v))
		if (((struct task *)v)->seen != s->generation) {
			intmap_del(&s->tasks, key);
			task_free(v);
		}
	it = 0;
	while (intmap_next(&s->procs, &it, &key, &v))
		if (((struct process *)v)->seen != s->generation) {
			intmap_del(&s->procs, key);
			process_free(v);
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
			qsort(s->list, s->nlist, sizeof(*s->list),
			    process_pid_cmp);
			return;
		}
}

static void refresh_want_identity(struct snapshot *s, struct process *p)
{
	struct snapshot_priv *priv = snapshot_priv(s);

	model_grow(&priv->identity, &priv->identity_cap, priv->nidentity + 1,
	    sizeof(*priv->identity));
	priv->identity[priv->nidentity++] = p;
}

void snapshot_end(struct snapshot *s)
{
	size_t i;

	refresh_sweep(s);
	refresh_order_list(s);
	for (i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];

		process_order_threads(p);
		if (process_update(p, s->generation, s->page_kb, s->hz))
			refresh_want_identity(s, p);
		process_derive_ns(p);
	}
	ns_history_update(s);
	tree_build(s);
}
