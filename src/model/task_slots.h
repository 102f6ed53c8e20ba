/*
 * task_slots.h - where the snapshot's tasks live: fixed-size slots taken
 * from chunks, not one malloc each, each with a number that the tid map
 * keeps (docs/ARCHITECTURE.md, "The model's memory").
 */
#ifndef TASKTOP_MODEL_TASK_SLOTS_H
#define TASKTOP_MODEL_TASK_SLOTS_H

#include <stdint.h>

#include "tasktop/model.h"

/* Slot numbers fit in 30 bits (tid_map.c keeps two values besides); far
 * more tasks than any pid_max (2^22) allows. */
#define TASK_SLOTS_MAX	(UINT32_C(1) << 30)

/* A zeroed struct task and its slot's number (never NULL: out of memory
 * aborts). */
struct task *task_slot_take(uint32_t *number);
/* Give back a slot task_slot_take() returned; the next take reuses it. */
void task_slot_give(struct task *t, uint32_t number);
/* The task in slot number (taken, not given back). */
struct task *task_slot_at(uint32_t number);

#endif
