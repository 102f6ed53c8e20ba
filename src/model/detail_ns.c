/*
 * detail_ns.c - the side pane's links, read after the refresh, are the
 * newer ones: the tree marks what the side pane shows.
 */
#include "config.h"

#include <stdint.h>

#include "tasktop/model.h"
#include "ns_set.h"

/* A link read after the refresh is the newer one; one that failed tells
 * nothing new. */
static bool task_take_detail_ns(struct task *t, const struct task_detail *d)
{
	struct ns_set v;
	int type;

	ns_set_copy(&v, t->ns);
	for (type = 0; type < NS_COUNT; type++) {
		if (d->ns_state[type] != FIELD_OK || d->ns[type] > UINT32_MAX)
			continue;	/* a wider inum is no kernel's (task_take_ns) */
		v.state[type] = FIELD_OK;
		v.ino[type] = (uint32_t)d->ns[type];
	}
	return ns_set_assign(&t->ns, &v);
}

void snapshot_take_detail_ns(struct snapshot *s, const struct task_detail *d)
{
	struct task *t = snapshot_task(s, d->tid);

	if (t == NULL || t->tgid != d->tgid || t->proc == NULL ||
	    t->seen != s->generation)
		return;
	if (task_take_detail_ns(t, d))
		process_derive_ns(t->proc);
}
