#include "config.h"

#include "internal.h"

/* NS_NET first: it is the headline, and the one a reference needs. */
static void task_read_ns(const struct snapshot *s, struct task *t)
{
	int type;

	t->ns_state[NS_NET] = proc_read_ns(&s->root, t->tgid, t->tid, NS_NET,
	    &t->ns[NS_NET]);
	for (type = 0; type < NS_COUNT; type++)
		if (type != NS_NET)
			t->ns_state[type] = proc_read_ns(&s->root, t->tgid,
			    t->tid, type, &t->ns[type]);
}

/*
 * Links read while a task lived would outlast its exit; a zombie's
 * namespaces are gone, so reread until that shows.
 */
static bool task_ns_stale(const struct task *t)
{
	return task_is_dead(t) && t->ns_state[NS_NET] == FIELD_OK;
}

/*
 * New tasks are read whole.  Known ones are rechecked round-robin, a
 * budget a refresh, so that a thread calling setns(2) shows up within a
 * few refreshes without reading every link of every task every time.
 */
void ns_scan(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t n = priv->nseen, budget = s->ns_recheck_budget, i, k, steps;

	for (i = 0; i < n; i++)
		if (priv->seen[i].fresh || task_ns_stale(priv->seen[i].task))
			task_read_ns(s, priv->seen[i].task);
	if (n == 0)
		return;
	if (budget == 0 || budget > n)
		budget = n;
	if (priv->ns_cursor >= n)
		priv->ns_cursor = 0;
	i = priv->ns_cursor;
	for (k = 0, steps = 0; k < budget && steps < n; steps++) {
		if (!priv->seen[i].fresh) {
			task_read_ns(s, priv->seen[i].task);
			k++;
		}
		i = (i + 1) % n;
	}
	priv->ns_cursor = i;
}
