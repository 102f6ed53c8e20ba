/*
 * ns_overview.c - every namespace the snapshot's threads are in, with who is
 * in it: by thread, not by process, so a namespace only some threads of a
 * process are in is counted and shown with its holder (docs/ARCHITECTURE.md,
 * "Namespace overview").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "priv.h"
#include "task.h"

void ns_overview_init(struct ns_overview *o)
{
	memset(o, 0, sizeof *o);
}

void ns_overview_free(struct ns_overview *o)
{
	free(o->v);
	free(o->slots);
	ns_overview_init(o);
}

static enum ns_type plain_type(int t)
{
	if (t == NS_PID_FOR_CHILDREN)
		return NS_PID;
	if (t == NS_TIME_FOR_CHILDREN)
		return NS_TIME;
	return (enum ns_type)t;
}

static size_t slot_of(enum ns_type type, uint64_t ino, size_t nslots)
{
	uint64_t h = (ino ^ ((uint64_t)type << 56)) * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h >> 20) & (nslots - 1);
}

static size_t *find_slot(const struct ns_overview *o, enum ns_type type,
    uint64_t ino)
{
	size_t i = slot_of(type, ino, o->nslots);

	for (;; i = (i + 1) & (o->nslots - 1)) {
		size_t *sl = &o->slots[i];
		const struct ns_entry *e;

		if (*sl == 0)
			return sl;
		e = &o->v[*sl - 1];
		if (e->type == type && e->ino == ino)
			return sl;
	}
}

/* Room for another entry with the table at most half full. */
static void reserve(struct ns_overview *o)
{
	size_t nslots;

	if (o->n == o->cap)
		model_grow(&o->v, &o->cap, o->n + 1, sizeof *o->v);
	if (2 * (o->n + 1) <= o->nslots)
		return;
	nslots = o->nslots ? o->nslots * 2 : 256;
	free(o->slots);
	o->slots = oom_calloc(nslots, sizeof *o->slots, "namespace overview");
	o->nslots = nslots;
	for (size_t i = 0; i < o->n; i++)
		*find_slot(o, o->v[i].type, o->v[i].ino) = i + 1;
}

static struct ns_entry *entry(struct ns_overview *o, enum ns_type type,
    uint64_t ino)
{
	size_t *sl;

	reserve(o);
	sl = find_slot(o, type, ino);
	if (*sl == 0) {
		o->v[o->n] = (struct ns_entry){ .type = type, .ino = ino };
		*sl = ++o->n;
	}
	return &o->v[*sl - 1];
}

/* Threads of a process are added one after the other, so a process is
 * counted once by remembering the last one counted. */
static void add_thread(struct ns_entry *e, const struct process *p,
    const struct task *t, bool is_ref, int *last_pid)
{
	e->threads++;
	if (*last_pid != p->pid) {
		e->processes++;
		*last_pid = p->pid;
	}
	if (is_ref) {
		e->ref_processes++;
		if (e->holder_pid == 0 || p->pid < e->holder_pid)
			e->holder_pid = p->pid;
	}
	if (e->holder_tid == 0 || t->tid < e->holder_tid)
		e->holder_tid = t->tid;
}

bool task_in_ns(const struct task *t, enum ns_type type, uint64_t ino)
{
	for (int k = 0; k < NS_COUNT; k++)
		if (plain_type(k) == type && task_ns_state(t, k) == FIELD_OK &&
		    task_ns_ino(t, k) == ino)
			return true;
	return false;
}

static int by_type_ino(const void *a, const void *b)
{
	const struct ns_entry *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* By type, then inode; the hash follows the entries. */
static void sort_entries(struct ns_overview *o)
{
	if (o->n > 0)	/* no entry (every link denied): v may be NULL */
		qsort(o->v, o->n, sizeof *o->v, by_type_ino);
	if (o->slots != NULL)
		memset(o->slots, 0, o->nslots * sizeof *o->slots);
	for (size_t i = 0; i < o->n; i++)
		*find_slot(o, o->v[i].type, o->v[i].ino) = i + 1;
}

/* last_pid rides beside each entry during the build: the index into a
 * scratch array that grows with the entries. */
struct build {
	int		*last_pid;
	size_t		 cap;
};

static int *last_pid_of(struct build *b, const struct ns_overview *o,
    const struct ns_entry *e)
{
	size_t i = (size_t)(e - o->v);

	if (i >= b->cap) {
		size_t old = b->cap;
		model_grow(&b->last_pid, &b->cap, i + 1, sizeof *b->last_pid);
		memset(b->last_pid + old, 0, (b->cap - old) * sizeof *b->last_pid);
	}
	return &b->last_pid[i];
}

static void add_task(struct ns_overview *o, struct build *b,
    const struct process *p, const struct task *t)
{
	bool is_ref = t->tid == p->ns_ref_tid;

	for (int k = 0; k < NS_COUNT; k++) {
		enum ns_type type = plain_type(k);
		struct ns_entry *e;

		if (task_ns_state(t, k) != FIELD_OK)
			continue;
		/* a for_children link pointing where the plain one does adds
		 * nothing */
		if (type != (enum ns_type)k && task_ns_state(t, type) == FIELD_OK &&
		    task_ns_ino(t, type) == task_ns_ino(t, k))
			continue;
		e = entry(o, type, task_ns_ino(t, k));
		add_thread(e, p, t, is_ref && type == (enum ns_type)k,
		    last_pid_of(b, o, e));
	}
}

void ns_overview_build(struct ns_overview *o, const struct snapshot *s)
{
	struct build b = { NULL, 0 };

	o->n = 0;
	if (o->slots != NULL)
		memset(o->slots, 0, o->nslots * sizeof *o->slots);
	for (size_t i = 0; i < s->nlist; i++) {
		const struct process *p = s->list[i];
		for (size_t j = 0; j < p->nthreads; j++)
			if (!task_is_dead(p->threads[j]))
				add_task(o, &b, p, p->threads[j]);
	}
	free(b.last_pid);
	sort_entries(o);
}

void ns_overview_add_mounted(struct ns_overview *o, const enum ns_type *types,
    const uint64_t *inos, size_t n)
{
	for (size_t i = 0; i < n; i++)
		entry(o, plain_type(types[i]), inos[i])->mounted = true;
	sort_entries(o);
}
