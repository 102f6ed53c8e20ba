#include "config.h"

#include "priv.h"
#include "tree.h"

enum { MARK_NEW, MARK_ON_PATH, MARK_DONE };

/* s->list is ascending by pid. */
static size_t list_index(const struct snapshot *s, const struct process *p)
{
	size_t lo = 0, hi = s->nlist;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->list[mid]->pid < p->pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void tree_link_parents(struct snapshot *s)
{
	size_t i;

	for (i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];

		p->parent = p->ppid > 0 && p->ppid != p->pid ?
		    intmap_get(&s->procs, p->ppid) : NULL;
	}
}

/*
 * Pids read at slightly different moments (or a hostile tree) can form a
 * ppid loop; walking up from each process, the link that closes a loop is
 * cut so that every process hangs from a root.
 */
static void tree_cut_cycles(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	unsigned char *mark;
	size_t i;

	model_grow(&priv->tree_mark, &priv->tree_mark_cap, s->nlist, 1);
	mark = priv->tree_mark;
	for (i = 0; i < s->nlist; i++)
		mark[i] = MARK_NEW;
	for (i = 0; i < s->nlist; i++) {
		struct process *q = s->list[i], *last = NULL;

		while (q != NULL && mark[list_index(s, q)] == MARK_NEW) {
			mark[list_index(s, q)] = MARK_ON_PATH;
			last = q;
			q = q->parent;
		}
		if (q != NULL && mark[list_index(s, q)] == MARK_ON_PATH)
			last->parent = NULL;
		for (q = s->list[i]; q != NULL &&
		    mark[list_index(s, q)] == MARK_ON_PATH; q = q->parent)
			mark[list_index(s, q)] = MARK_DONE;
	}
}

static void tree_add_child(struct process *parent, struct process *child)
{
	model_grow(&parent->children, &parent->children_cap,
	    parent->nchildren + 1, sizeof *parent->children);
	parent->children[parent->nchildren++] = child;
}

static void tree_add_root(struct snapshot *s, struct process *p)
{
	model_grow(&s->roots, &s->roots_cap, s->nroots + 1, sizeof *s->roots);
	s->roots[s->nroots++] = p;
}

/* Walking s->list in pid order keeps children and roots sorted by pid. */
void tree_build(struct snapshot *s)
{
	size_t i;

	tree_link_parents(s);
	tree_cut_cycles(s);
	s->nroots = 0;
	for (i = 0; i < s->nlist; i++)
		s->list[i]->nchildren = 0;
	for (i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];

		if (p->parent)
			tree_add_child(p->parent, p);
		else
			tree_add_root(s, p);
	}
}
