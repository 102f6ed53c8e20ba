/*
 * tid_map.c - tid -> task as task slot numbers.  A table slot is one
 * uint32_t: 0 empty, 1 deleted, else the task's slot number + 2; the key is
 * not stored, a probe compares the tid of the task it names.  At 60,000
 * tasks that is 512 KiB where a pointer and a key with a state byte took
 * 13 bytes a slot, 1.7 MB.  A probe that lands on another task reads that
 * task's tid; at most 70 % full (after a rehash at most half), the
 * probes are short, and a hit reads the task its caller wants anyway.
 */
#include "config.h"

#include <stdlib.h>

#include "tasktop/intmap.h"
#include "tasktop/util.h"
#include "task_slots.h"
#include "tid_map.h"

enum { REF_EMPTY, REF_DELETED, REF_FIRST };

#define TID_MAP_MIN_CAP	16

static struct task *ref_task(uint32_t ref)
{
	return task_slot_at(ref - REF_FIRST);
}

/* The table slot holding tid, or NONE. */
#define NONE ((size_t)-1)

static size_t tid_map_find(const struct tid_map *m, int tid)
{
	size_t mask, i;

	if (m->cap == 0)
		return NONE;
	mask = m->cap - 1;
	for (i = intmap_hash(tid) & mask;; i = (i + 1) & mask) {
		uint32_t ref = m->refs[i];

		if (ref == REF_EMPTY)
			return NONE;
		if (ref >= REF_FIRST && ref_task(ref)->tid == tid)
			return i;
	}
}

/* The first slot on tid's probe path that holds no task. */
static size_t tid_map_free_slot(const struct tid_map *m, int tid)
{
	size_t mask = m->cap - 1, i;

	for (i = intmap_hash(tid) & mask; m->refs[i] >= REF_FIRST;
	    i = (i + 1) & mask)
		;
	return i;
}

/* Move every task into a fresh table at most half full, dropping
 * tombstones. */
static void tid_map_rehash(struct tid_map *m)
{
	struct tid_map old = *m;
	size_t cap = TID_MAP_MIN_CAP, i;

	while (cap < (m->count + 1) * 2)
		cap *= 2;
	m->refs = oom_calloc(cap, sizeof *m->refs, "tid map");
	m->cap = cap;
	m->tombs = 0;
	for (i = 0; i < old.cap; i++)
		if (old.refs[i] >= REF_FIRST)
			m->refs[tid_map_free_slot(m,
			    ref_task(old.refs[i])->tid)] = old.refs[i];
	free(old.refs);
}

void tid_map_init(struct tid_map *m)
{
	m->refs = NULL;
	m->cap = 0;
	m->count = 0;
	m->tombs = 0;
}

void tid_map_free(struct tid_map *m)
{
	free(m->refs);
	tid_map_init(m);
}

struct task *tid_map_get(const struct tid_map *m, int tid)
{
	size_t i = tid_map_find(m, tid);

	return i != NONE ? ref_task(m->refs[i]) : NULL;
}

void tid_map_put(struct tid_map *m, uint32_t slot)
{
	size_t i;

	/* tombstones count as load: they lengthen probes just as tasks do */
	if ((m->count + m->tombs + 1) * 10 > m->cap * 7)
		tid_map_rehash(m);
	i = tid_map_free_slot(m, task_slot_at(slot)->tid);
	if (m->refs[i] == REF_DELETED)
		m->tombs--;
	m->refs[i] = slot + REF_FIRST;
	m->count++;
}

uint32_t tid_map_del(struct tid_map *m, int tid)
{
	size_t i = tid_map_find(m, tid);
	uint32_t slot;

	if (i == NONE)
		return TID_MAP_NONE;
	slot = m->refs[i] - REF_FIRST;
	m->refs[i] = REF_DELETED;
	m->count--;
	m->tombs++;
	return slot;
}

bool tid_map_next(const struct tid_map *m, size_t *iter, uint32_t *slot)
{
	for (size_t i = *iter; i < m->cap; i++)
		if (m->refs[i] >= REF_FIRST) {
			*iter = i + 1;
			*slot = m->refs[i] - REF_FIRST;
			return true;
		}
	*iter = m->cap;
	return false;
}
