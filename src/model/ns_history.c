/*
 * ns_history.c - a thread's namespace changes between refreshes, and the
 * threads born into a foreign network namespace: a thread created by one
 * that had called setns(2) starts in that namespace too, which is how a
 * runtime's worker pool ends up spread over namespaces (docs/ARCHITECTURE.md,
 * "Namespace history").
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "tasktop/model.h"
#include "tasktop/util.h"
#include "ns_set.h"
#include "task.h"

#define NET_BIT (1u << NS_NET)

/* t's moves, NULL before the first. */
static const struct ns_moves *moves_of(const struct task *t)
{
	return t->extra != NULL ? t->extra->moves : NULL;
}

unsigned ns_history_changes(const struct task *t)
{
	const struct ns_moves *m = moves_of(t);

	return m == NULL ? 0 : m->changes;
}

/* The netns change is the headline: it is the one kept when several
 * types changed in one refresh. */
size_t ns_history_kept(const struct task *t)
{
	unsigned changes = ns_history_changes(t);

	return changes < NS_HISTORY_KEEP ? changes : NS_HISTORY_KEEP;
}

const struct ns_change *ns_history_at(const struct task *t, size_t i)
{
	size_t kept = ns_history_kept(t);

	if (i >= kept)
		return NULL;
	return &moves_of(t)->ring[(moves_of(t)->changes - kept + i) %
	    NS_HISTORY_KEEP];
}

const struct ns_change *ns_history_last(const struct task *t)
{
	return ns_history_changes(t) == 0 ? NULL : &moves_of(t)->last;
}

static void note_change(struct task *t, enum ns_type type,
    uint64_t from, uint64_t to, double wall)
{
	struct task_extra *x = task_extra_mut(t);
	struct ns_moves *m = x->moves;

	if (m == NULL)
		m = x->moves = oom_calloc(1, sizeof *m, "ns history");
	m->ring[m->changes % NS_HISTORY_KEEP] = (struct ns_change){
	    .type = type, .from = from, .to = to, .wall = wall };
	m->changes++;
	if (m->changes > 1 && m->last.type == NS_NET && type != NS_NET &&
	    m->last.wall == wall)
		return;
	m->last = (struct ns_change){ .type = type, .from = from, .to = to,
	    .wall = wall };
}

static void task_history(struct task *t, double wall)
{
	struct ns_history *h = &t->ns_hist;
	struct ns_set known;

	if (t->ns == h->known)
		return;		/* the same shared set: nothing moved */
	ns_set_copy(&known, h->known);
	for (int type = 0; type < NS_COUNT; type++) {
		uint32_t ino = task_ns_ino(t, type);
		if (task_ns_state(t, type) != FIELD_OK)
			continue;	/* unknown now: neither a change nor news */
		if (known.state[type] == FIELD_OK && known.ino[type] != ino)
			note_change(t, (enum ns_type)type, known.ino[type], ino,
			    wall);
		known.state[type] = FIELD_OK;
		known.ino[type] = ino;
	}
	ns_set_assign(&h->known, &known);
}

/*
 * A thread first seen now (renewed this refresh: a new task always changes
 * its process, so this runs for it), in a process whose reference thread
 * was seen before, with a netns that is not the reference's.
 */
static bool born_foreign(const struct task *t, const struct task *ref)
{
	return ref != NULL && ref != t && !ref->renewed &&
	    (t->ns_differs & NET_BIT) != 0;
}

/* p's namespace reference thread, or NULL (one of its threads). */
static const struct task *ns_ref(const struct process *p)
{
	for (size_t j = 0; p->ns_ref_tid > 0 && j < p->nthreads; j++)
		if (p->threads[j]->tid == p->ns_ref_tid)
			return p->threads[j];
	return NULL;
}

void ns_history_update(struct snapshot *s)
{
	for (size_t i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];
		const struct task *ref;

		if (p->changed_gen != s->generation)
			continue;	/* no thread's namespaces moved */
		ref = ns_ref(p);
		for (size_t j = 0; j < p->nthreads; j++) {
			struct task *t = p->threads[j];
			if (t->renewed)
				t->born_foreign = born_foreign(t, ref);
			task_history(t, s->wall);
		}
	}
}
