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
size_t intmap_hash(int key)
{
	uint32_t h = (uint32_t)key;

	h ^= h >> 16;
	h *= 0x7feb352dU;
	h ^= h >> 15;
	h *= 0x846ca68bU;
	h ^= h >> 16;
	return h;
}

#define NOT_FOUND ((size_t)-1)

/* The slot holding key, or NOT_FOUND. */
static size_t intmap_find(const struct intmap *m, int key)
{
	size_t mask, i;

	if (m->cap == 0)
		return NOT_FOUND;
	mask = m->cap - 1;
	for (i = intmap_hash(key) & mask;; i = (i + 1) & mask) {
		if (m->used[i] == SLOT_EMPTY)
			return NOT_FOUND;
		if (m->used[i] == SLOT_USED && m->keys[i] == key)
			return i;
	}
}

/* A table of cap empty slots (intmap.h: values, keys, states in one). */
static void intmap_alloc(struct intmap *m, size_t cap)
{
	m->values = oom_calloc(cap, sizeof(void *) + sizeof(int) + 1,
	    "hash table");
	m->keys = (int *)(m->values + cap);
	m->used = (unsigned char *)(m->keys + cap);
	m->cap = cap;
}

/* Tombstones count as load: they lengthen probes just as keys do. */
static int intmap_too_full(const struct intmap *m)
{
	return (m->count + m->tombs + 1) * 10 > m->cap * 7;
}

/* Move every key into a fresh table at most half full, dropping tombstones. */
static void intmap_rehash(struct intmap *m)
{
	struct intmap old = *m;
	size_t cap = INTMAP_MIN_CAP, i;

	while (cap < (m->count + 1) * 2)
		cap *= 2;
	intmap_alloc(m, cap);
	m->tombs = 0;
	for (i = 0; i < old.cap; i++) {
		size_t j;

		if (old.used[i] != SLOT_USED)
			continue;
		for (j = intmap_hash(old.keys[i]) & (cap - 1);
		    m->used[j] != SLOT_EMPTY; j = (j + 1) & (cap - 1))
			;
		m->keys[j] = old.keys[i];
		m->values[j] = old.values[i];
		m->used[j] = SLOT_USED;
	}
	free(old.values);
}

void intmap_init(struct intmap *m)
{
	m->values = NULL;
	m->keys = NULL;
	m->used = NULL;
	m->cap = 0;
	m->count = 0;
	m->tombs = 0;
}

void intmap_free(struct intmap *m)
{
	free(m->values);
	intmap_init(m);
}

void *intmap_get(const struct intmap *m, int key)
{
	size_t i = intmap_find(m, key);

	return i != NOT_FOUND ? m->values[i] : NULL;
}

void *intmap_put(struct intmap *m, int key, void *value)
{
	size_t i = intmap_find(m, key), mask;
	void *old;

	if (i != NOT_FOUND) {
		old = m->values[i];
		m->values[i] = value;
		return old;
	}
	if (intmap_too_full(m))
		intmap_rehash(m);
	/* the key is absent, so the first free slot on its probe path will do */
	mask = m->cap - 1;
	for (i = intmap_hash(key) & mask; m->used[i] == SLOT_USED;
	    i = (i + 1) & mask)
		;
	if (m->used[i] == SLOT_DELETED)
		m->tombs--;
	m->keys[i] = key;
	m->used[i] = SLOT_USED;
	m->values[i] = value;
	m->count++;
	return NULL;
}

/* Leaves a tombstone and never moves other slots, so iteration survives. */
void *intmap_del(struct intmap *m, int key)
{
	size_t i = intmap_find(m, key);
	void *old;

	if (i == NOT_FOUND)
		return NULL;
	old = m->values[i];
	m->used[i] = SLOT_DELETED;
	m->values[i] = NULL;
	m->count--;
	m->tombs++;
	return old;
}

int intmap_next(const struct intmap *m, size_t *iter, int *key, void **value)
{
	size_t i;

	for (i = *iter; i < m->cap; i++) {
		if (m->used[i] != SLOT_USED)
			continue;
		*iter = i + 1;
		if (key)
			*key = m->keys[i];
		if (value)
			*value = m->values[i];
		return 1;
	}
	*iter = m->cap;
	return 0;
}
