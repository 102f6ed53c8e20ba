#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "tasktop/intmap.h"
#include "tasktop/util.h"

enum { SLOT_EMPTY, SLOT_USED, SLOT_DELETED };

#define INTMAP_MIN_CAP	16

/*
 * Pids are small and dense, so the identity would pile them into runs;
 * a multiplicative mix spreads consecutive keys over the whole table.
 */
static size_t intmap_hash(int key)
{
	uint32_t h = (uint32_t)key;

	h ^= h >> 16;
	h *= 0x7feb352dU;
	h ^= h >> 15;
	h *= 0x846ca68bU;
	h ^= h >> 16;
	return h;
}

/* The slot holding key, or NULL. */
static struct intmap_slot *intmap_find(const struct intmap *m, int key)
{
	size_t mask, i;

	if (m->cap == 0)
		return NULL;
	mask = m->cap - 1;
	for (i = intmap_hash(key) & mask;; i = (i + 1) & mask) {
		struct intmap_slot *s = &m->slots[i];

		if (s->used == SLOT_EMPTY)
			return NULL;
		if (s->used == SLOT_USED && s->key == key)
			return s;
	}
}

/* Tombstones count as load: they lengthen probes just as keys do. */
static int intmap_too_full(const struct intmap *m)
{
	return (m->count + m->tombs + 1) * 10 > m->cap * 7;
}

/* Move every key into a fresh table at most half full, dropping tombstones. */
static void intmap_rehash(struct intmap *m)
{
	struct intmap_slot *old = m->slots;
	size_t old_cap = m->cap, cap = INTMAP_MIN_CAP, i;

	while (cap < (m->count + 1) * 2)
		cap *= 2;
	m->slots = oom_calloc(cap, sizeof(*m->slots), "hash table");
	m->cap = cap;
	m->tombs = 0;
	for (i = 0; i < old_cap; i++) {
		size_t j;

		if (old[i].used != SLOT_USED)
			continue;
		for (j = intmap_hash(old[i].key) & (cap - 1);
		    m->slots[j].used != SLOT_EMPTY; j = (j + 1) & (cap - 1))
			;
		m->slots[j] = old[i];
	}
	free(old);
}

void intmap_init(struct intmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
	m->tombs = 0;
}

void intmap_free(struct intmap *m)
{
	free(m->slots);
	intmap_init(m);
}

void *intmap_get(const struct intmap *m, int key)
{
	struct intmap_slot *s = intmap_find(m, key);

	return s ? s->value : NULL;
}

void *intmap_put(struct intmap *m, int key, void *value)
{
	struct intmap_slot *s = intmap_find(m, key);
	size_t mask, i;
	void *old;

	if (s) {
		old = s->value;
		s->value = value;
		return old;
	}
	if (intmap_too_full(m))
		intmap_rehash(m);
	/* the key is absent, so the first free slot on its probe path will do */
	mask = m->cap - 1;
	for (i = intmap_hash(key) & mask; m->slots[i].used == SLOT_USED;
	    i = (i + 1) & mask)
		;
	s = &m->slots[i];
	if (s->used == SLOT_DELETED)
		m->tombs--;
	s->key = key;
	s->used = SLOT_USED;
	s->value = value;
	m->count++;
	return NULL;
}

/* Leaves a tombstone and never moves other slots, so iteration survives. */
void *intmap_del(struct intmap *m, int key)
{
	struct intmap_slot *s = intmap_find(m, key);
	void *old;

	if (s == NULL)
		return NULL;
	old = s->value;
	s->used = SLOT_DELETED;
	s->value = NULL;
	m->count--;
	m->tombs++;
	return old;
}

int intmap_next(const struct intmap *m, size_t *iter, int *key, void **value)
{
	size_t i;

	for (i = *iter; i < m->cap; i++) {
		if (m->slots[i].used != SLOT_USED)
			continue;
		*iter = i + 1;
		if (key)
			*key = m->slots[i].key;
		if (value)
			*value = m->slots[i].value;
		return 1;
	}
	*iter = m->cap;
	return 0;
}
