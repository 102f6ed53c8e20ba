/*
 * tid_map.h - the snapshot's tasks by tid: an open-addressing table of
 * task slot numbers, 4 bytes a slot (docs/ARCHITECTURE.md, "The model's
 * memory").  The key is the task's own tid, read through its slot.
 */
#ifndef TASKTOP_MODEL_TID_MAP_H
#define TASKTOP_MODEL_TID_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/model.h"

#define TID_MAP_NONE	UINT32_MAX	/* no slot */

void tid_map_init(struct tid_map *m);
/* Frees the table, not the tasks. */
void tid_map_free(struct tid_map *m);
/* The task of tid, or NULL. */
struct task *tid_map_get(const struct tid_map *m, int tid);
/* Add the task in slot (task_slots.h), its tid not in m yet. */
void tid_map_put(struct tid_map *m, uint32_t slot);
/* Remove tid: its slot, or TID_MAP_NONE when absent.  Leaves a tombstone
 * and moves nothing, so an iteration survives it. */
uint32_t tid_map_del(struct tid_map *m, int tid);
/* Iterate: for (i = 0; tid_map_next(m, &i, &slot); ); no put during it. */
bool tid_map_next(const struct tid_map *m, size_t *iter, uint32_t *slot);

#endif
