/*
 * task.h - a thread's life in the snapshot: made, renewed when its tid
 * names another task, given a record, its CPU share.
 */
#ifndef TASKTOP_MODEL_TASK_H
#define TASKTOP_MODEL_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/model.h"

/* A new task and the number of its slot (task_slots.h); free it with
 * that number. */
struct task *task_new(int tid, int tgid, uint32_t *slot);
void task_free(struct task *t, uint32_t slot);
/* Forget everything: the tid now names a task of group tgid. */
void task_reset(struct task *t, int tgid);
/* Take a record's stat and namespaces, renewing t when the record shows
 * another task behind the tid, and t's CPU% over interval seconds.  True
 * when anything of t changed (what its process derives may differ). */
bool task_take_record(struct task *t, const struct task_record *r,
    unsigned generation, double interval);
/* Take the namespace links a record carries (UNREAD: keep); true when
 * one of them changed. */
bool task_take_ns(struct task *t, const enum field_state state[NS_COUNT],
    const uint64_t ino[NS_COUNT]);
/* t's extra, made on first use (never NULL). */
struct task_extra *task_extra_mut(struct task *t);
/* A task whose stat says it has exited (zombie or dead). */
bool task_is_dead(const struct task *t);

#endif
