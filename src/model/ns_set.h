/*
 * ns_set.h - interned namespace link sets (ns_set.c): a task's ns and its
 * history's last-known links point at shared sets; NULL is all unread.
 */
#ifndef TASKTOP_MODEL_NS_SET_H
#define TASKTOP_MODEL_NS_SET_H

#include <stdbool.h>

#include "tasktop/model.h"

/* *out = the links of set (NULL: all unread), to change and assign. */
void ns_set_copy(struct ns_set *out, const struct ns_set *set);
/* Point *slot at the shared set equal to v (the old one released); false
 * when it was equal already. */
bool ns_set_assign(const struct ns_set **slot, const struct ns_set *v);
/* One reference less; freed at none. */
void ns_set_release(const struct ns_set *set);

#endif
