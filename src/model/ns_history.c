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

#define NET_BIT (1u << NS_NET)

unsigned ns_history_changes(const struct ns_history *h)
{
	return h->moves == NULL ? 0 : h->moves->changes;
}

/* The netns change is the headline: it is the one kept when several
 * types changed in one refresh. */
size_t ns_history_kept(const struct ns_history *h)
{
	unsigned changes = ns_history_changes(h);

	return changes < NS_HISTORY_KEEP ? changes : NS_HISTORY_KEEP;
}

const struct ns_change *ns_history_at(const struct ns_history *h, size_t i)
{
	size_t kept = ns_history_kept(h);

	if (i >= kept)
		return NULL;
	return &h->moves->ring[(h->moves->changes - kept + i) %
	    NS_HISTORY_KEEP];
}

const struct ns_change *ns_history_last(const struct ns_history *h)
{
	return ns_history_changes(h) == 0 ? NULL : &h->moves->last;
}

void ns_history_free(struct ns_history *h)
{
	free(h->moves);
	h->moves = NULL;
	ns_set_release(h->known);
	h->known = NULL;
}

static void note_change(struct ns_history *h, enum ns_type type,
    uint64_t from, uint64_t to, double wall)
{
	struct ns_moves *m = h->moves;

	if (m == NULL)
		m = h->moves = oom_calloc(1, sizeof *m, "ns history");
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
			note_change(h, (enum ns_type)type, known.ino[type], ino,
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
static bool born_foreign(const struct task *t, const struct task *ref,
    unsigned generation)
{
	return ref != NULL && ref != t && ref->renewed_gen != 0 &&
	    ref->renewed_gen < generation && (t->ns_differs & NET_BIT) != 0;
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
			if (t->renewed_gen == s->generation)
				t->born_foreign = born_foreign(t, ref,
				    s->generation);
			task_history(t, s->wall);
		}
	}
}
