/*
 * ns_set.c - a task's ten namespace links, interned: the threads that have
 * the same ten (almost every thread of a process) share one refcounted
 * set, so a task holds a pointer instead of fifty bytes
 * (docs/ARCHITECTURE.md, "The model's memory").  NULL is the set of ten
 * unread links.  Sets are few (one a combination of namespaces in use), so
 * a chained hash table that grows with them is enough.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "ns_set.h"

struct ns_pool {
	struct ns_set	**buckets;
	size_t		 nbuckets;	/* a power of two, or 0 */
	size_t		 count;
};

static struct ns_pool pool;

static const struct ns_set unread;	/* what NULL stands for */

/* FNV-1a over the links, not the bookkeeping. */
static size_t ns_set_hash(const struct ns_set *v)
{
	const unsigned char *p = (const unsigned char *)v->ino;
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < sizeof v->ino; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	for (i = 0; i < NS_COUNT; i++)
		h = (h ^ v->state[i]) * 0x100000001b3ull;
	return (size_t)(h ^ h >> 32);
}

static bool ns_set_same(const struct ns_set *a, const struct ns_set *b)
{
	if (a == NULL)
		a = &unread;
	if (b == NULL)
		b = &unread;
	return memcmp(a->ino, b->ino, sizeof a->ino) == 0 &&
	    memcmp(a->state, b->state, sizeof a->state) == 0;
}

static void pool_grow(void)
{
	size_t n = pool.nbuckets ? pool.nbuckets * 2 : 64, i;
	struct ns_set **b = oom_calloc(n, sizeof *b, "namespace sets");

	for (i = 0; i < pool.nbuckets; i++) {
		struct ns_set *s = pool.buckets[i], *next;

		for (; s != NULL; s = next) {
			size_t j = ns_set_hash(s) & (n - 1);

			next = s->next;
			s->next = b[j];
			b[j] = s;
		}
	}
	free(pool.buckets);
	pool.buckets = b;
	pool.nbuckets = n;
}

/* The shared set equal to v, one reference more; NULL for all unread. */
static struct ns_set *ns_set_intern(const struct ns_set *v)
{
	struct ns_set *s;
	size_t j;

	if (ns_set_same(v, NULL))
		return NULL;
	if (pool.count >= pool.nbuckets)
		pool_grow();
	j = ns_set_hash(v) & (pool.nbuckets - 1);
	for (s = pool.buckets[j]; s != NULL; s = s->next)
		if (ns_set_same(s, v)) {
			s->refs++;
			return s;
		}
	s = oom_malloc(sizeof *s, "namespace set");
	memcpy(s->ino, v->ino, sizeof s->ino);
	memcpy(s->state, v->state, sizeof s->state);
	s->refs = 1;
	s->next = pool.buckets[j];
	pool.buckets[j] = s;
	pool.count++;
	return s;
}

void ns_set_release(const struct ns_set *set)
{
	struct ns_set **p, *s = (struct ns_set *)set;

	if (s == NULL || --s->refs > 0)
		return;
	for (p = &pool.buckets[ns_set_hash(s) & (pool.nbuckets - 1)]; *p != s;
	    p = &(*p)->next)
		;
	*p = s->next;
	pool.count--;
	free(s);
}

void ns_set_copy(struct ns_set *out, const struct ns_set *set)
{
	*out = set != NULL ? *set : unread;
	out->refs = 0;
	out->next = NULL;
}

bool ns_set_assign(const struct ns_set **slot, const struct ns_set *v)
{
	const struct ns_set *old = *slot;

	if (ns_set_same(old, v))
		return false;
	*slot = ns_set_intern(v);
	ns_set_release(old);
	return true;
}
