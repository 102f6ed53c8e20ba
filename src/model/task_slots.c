/*
 * task_slots.c - the snapshot holds one struct task for each task of the
 * machine, 60,000 on a big server.  One malloc each costs its header and
 * rounding (208 bytes for 192 with glibc), so tasks are cut from chunks of
 * TASK_SLOTS_CHUNK slots instead, and a freed slot goes on a list that
 * the next task takes first.  The chunks are kept (as malloc keeps most
 * of a freed heap): a machine's task count comes back.
 *
 * Under AddressSanitizer a free slot is poisoned, so a task used after
 * task_free() is still reported as it was with malloc.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

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

#define TASK_SLOTS_CHUNK 1024

union slot {
	struct task	 task;
	union slot	*next_free;
};

struct chunk {
	struct chunk	*next;
	union slot	 slot[TASK_SLOTS_CHUNK];
};

static struct chunk *chunks;		/* every chunk, kept: reachable at exit */
static union slot *free_slots;		/* freed slots, the last freed first */
static size_t fresh_used = TASK_SLOTS_CHUNK;	/* slots taken of chunks' first */

struct task *task_slot_take(void)
{
	union slot *s;

	if (free_slots != NULL) {
		s = free_slots;
		SLOT_UNPOISON(s);
		free_slots = s->next_free;
	} else {
		if (fresh_used == TASK_SLOTS_CHUNK) {
			struct chunk *c = oom_malloc(sizeof *c, "task slots");

			c->next = chunks;
			chunks = c;
			fresh_used = 0;
		}
		s = &chunks->slot[fresh_used++];
	}
	memset(s, 0, sizeof *s);
	return &s->task;
}

void task_slot_give(struct task *t)
{
	union slot *s = (union slot *)t;

	s->next_free = free_slots;
	free_slots = s;
	SLOT_POISON(s);
}
