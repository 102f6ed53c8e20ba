/*
 * task_slots.c - the snapshot holds one struct task for each task of the
 * machine, 60,000 on a big server.  One malloc each costs its header and
 * rounding (16 bytes a task with glibc), so tasks are cut from chunks of
 * TASK_SLOTS_CHUNK slots instead, and a freed slot goes on a list that
 * the next task takes first.  The chunks are kept (as malloc keeps most
 * of a freed heap): a machine's task count comes back.
 *
 * A slot has a number, stable while its task lives: the tid map holds
 * that (4 bytes) rather than an address (tid_map.c).
 *
 * Under AddressSanitizer a free slot is poisoned, so a task used after
 * task_free() is still reported as it was with malloc.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tasktop/grow.h"
#include "tasktop/util.h"
#include "task_slots.h"

#if defined(__SANITIZE_ADDRESS__)
#define TASK_SLOTS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TASK_SLOTS_ASAN 1
#endif
#endif

#ifdef TASK_SLOTS_ASAN
#include <sanitizer/asan_interface.h>
#define SLOT_POISON(p)		ASAN_POISON_MEMORY_REGION((p), sizeof(union slot))
#define SLOT_UNPOISON(p)	ASAN_UNPOISON_MEMORY_REGION((p), sizeof(union slot))
#else
#define SLOT_POISON(p)		((void)(p))
#define SLOT_UNPOISON(p)	((void)(p))
#endif

#define TASK_SLOTS_SHIFT 10
#define TASK_SLOTS_CHUNK (1u << TASK_SLOTS_SHIFT)

union slot {
	struct task	 task;
	uint32_t	 next_free;		/* a free slot's: the next one's number + 1 */
};

static union slot **chunks;		/* every chunk, by number; kept */
static size_t nchunks, chunks_cap;
static uint32_t free_head;		/* the last freed slot's number + 1; 0 none */
static uint32_t fresh_used = TASK_SLOTS_CHUNK;	/* slots taken of the last chunk */

static union slot *slot_of(uint32_t n)
{
	return &chunks[n >> TASK_SLOTS_SHIFT][n & (TASK_SLOTS_CHUNK - 1)];
}

struct task *task_slot_take(uint32_t *number)
{
	union slot *s;

	if (free_head != 0) {
		*number = free_head - 1;
		s = slot_of(*number);
		SLOT_UNPOISON(s);
		free_head = s->next_free;
	} else {
		if (fresh_used == TASK_SLOTS_CHUNK) {
			if (nchunks >= TASK_SLOTS_MAX / TASK_SLOTS_CHUNK)
				oom_abort("task slots");
			grow_array(&chunks, &chunks_cap, nchunks + 1,
			    sizeof *chunks);
			chunks[nchunks++] = oom_malloc(TASK_SLOTS_CHUNK *
			    sizeof(union slot), "task slots");
			fresh_used = 0;
		}
		*number = (uint32_t)(nchunks - 1) << TASK_SLOTS_SHIFT |
		    fresh_used++;
		s = slot_of(*number);
	}
	memset(s, 0, sizeof *s);
	return &s->task;
}

void task_slot_give(struct task *t, uint32_t number)
{
	union slot *s = (union slot *)t;

	s->next_free = free_head;
	free_head = number + 1;
	SLOT_POISON(s);
}

struct task *task_slot_at(uint32_t number)
{
	return &slot_of(number)->task;
}
