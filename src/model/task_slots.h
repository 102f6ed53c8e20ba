/*
 * task_slots.h - where the snapshot's tasks live: fixed-size slots taken
 * from chunks, not one malloc each (docs/ARCHITECTURE.md, "The model's
 * memory").
 */
#ifndef TASKTOP_MODEL_TASK_SLOTS_H
#define TASKTOP_MODEL_TASK_SLOTS_H

#include "tasktop/model.h"

/* A zeroed struct task (never NULL: out of memory aborts). */
struct task *task_slot_take(void);
/* Give back a slot task_slot_take() returned; the next take reuses it. */
void task_slot_give(struct task *t);

#endif
