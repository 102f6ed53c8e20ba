#include "config.h"

#include "tasktop/model.h"
#include "task.h"

/* A reference needs at least the headline namespace. */
static bool task_ns_usable(const struct task *t)
{
	return task_ns_state(t, NS_NET) == FIELD_OK;
}

/*
 * A zombie's namespaces are released on exit, so only a live thread can
 * speak for the process; the leader when it can, else the lowest tid.
 */
static struct task *process_ns_reference(const struct process *p)
{
	struct task *best = NULL;
	size_t i;

	if (p->leader && !task_is_dead(p->leader) && task_ns_usable(p->leader))
		return p->leader;
	for (i = 0; i < p->nthreads; i++) {
		struct task *t = p->threads[i];

		if (task_is_dead(t) || !task_ns_usable(t))
			continue;
		if (best == NULL || t->tid < best->tid)
			best = t;
	}
	return best;
}

/* An unreadable link is unknown, never evidence of a difference. */
static unsigned task_ns_differs(const struct task *t, const struct task *ref)
{
	unsigned differs = 0;
	int type;

	for (type = 0; type < NS_COUNT; type++)
		if (task_ns_state(t, type) == FIELD_OK &&
		    task_ns_state(ref, type) == FIELD_OK &&
		    task_ns_ino(t, type) != task_ns_ino(ref, type))
			differs |= 1u << type;
	return differs;
}

static bool process_has_live_follower(const struct process *p)
{
	size_t i;

	for (i = 0; i < p->nthreads; i++)
		if (p->threads[i] != p->leader && !task_is_dead(p->threads[i]))
			return true;
	return false;
}

void process_derive_ns(struct process *p)
{
	struct task *ref = process_ns_reference(p);
	size_t i;

	p->ns_ref_tid = ref ? ref->tid : 0;
	p->ns_differs_any = 0;
	for (i = 0; i < p->nthreads; i++) {
		struct task *t = p->threads[i];

		t->ns_differs = ref ? task_ns_differs(t, ref) : 0;
		p->ns_differs_any |= t->ns_differs;
	}
	p->leader_exited = (p->leader == NULL || task_is_dead(p->leader)) &&
	    process_has_live_follower(p);
}
