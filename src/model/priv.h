/*
 * priv.h - the snapshot's private state (behind struct snapshot's priv)
 * and the array growth every model file uses.
 */
#ifndef TASKTOP_MODEL_PRIV_H
#define TASKTOP_MODEL_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/model.h"
#include "users.h"

struct snapshot_priv {
	struct process	**identity;	/* processes whose identity is due */
	size_t		 nidentity;
	size_t		 identity_cap;

	/* The process whose tasks are being put (refresh.c). */
	struct process	*put_proc;

	unsigned char	*tree_mark;	/* per s->list entry: cycle checks */
	size_t		 tree_mark_cap;

	struct user_cache users;
};

static inline struct snapshot_priv *snapshot_priv(const struct snapshot *s)
{
	return s->priv;
}

/* Grow *arr (of elem-sized items, capacity *cap) to hold at least want. */
void model_grow(void *arr, size_t *cap, size_t want, size_t elem);

#endif
