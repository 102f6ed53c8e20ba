/*
 * ns_cache.c - what is read on demand about a namespace, kept by inode so
 * that a name, a container or a netns's contents costs one read per
 * namespace, not one per thread or refresh (docs/ARCHITECTURE.md,
 * "Namespace names and contents").  Bounded: NS_CACHE_MAX namespaces'
 * facts, NS_CACHE_NETNS_SLOTS contents.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ns_read.h"

void ns_cache_init(struct ns_cache *c, const struct proc_root *root)
{
	memset(c, 0, sizeof *c);
	c->root = root;
	intmap_init(&c->index);
	ns_names_open(&c->names, root);
}

void ns_cache_free(struct ns_cache *c)
{
	ns_names_close(&c->names);
	intmap_free(&c->index);
	free(c->v);
	for (size_t i = 0; i < NS_CACHE_NETNS_SLOTS; i++)
		free(c->netns[i].c);
	memset(c, 0, sizeof *c);
}

void ns_cache_update(struct ns_cache *c)
{
	ns_names_update(&c->names);
}

const struct ns_name *ns_cache_name(const struct ns_cache *c, enum ns_type t,
    uint64_t ino)
{
	return ns_names_find(&c->names, t, ino);
}

/* Namespace inums come from one allocator for every type, so the low 32
 * bits (all there are) of a live one name it alone: the index's key.  The
 * type is checked anyway, as an inum is reused once its namespace dies. */
static int facts_key(uint64_t ino)
{
	return (int)(uint32_t)ino;
}

static struct ns_facts *facts_slot(struct ns_cache *c, enum ns_type t,
    uint64_t ino)
{
	uintptr_t at = (uintptr_t)intmap_get(&c->index, facts_key(ino));
	struct ns_facts *f;

	if (at != 0 && c->v[at - 1].type == t && c->v[at - 1].ino == ino)
		return &c->v[at - 1];
	if (at != 0) {		/* a reused inum: the old namespace's facts go */
		struct ns_facts *f = &c->v[at - 1];
		memset(f, 0, sizeof *f);
		f->type = t;
		f->ino = ino;
		return f;
	}
	if (c->n == NS_CACHE_MAX) {	/* a host churning namespaces: start over */
		c->n = 0;
		intmap_free(&c->index);
		intmap_init(&c->index);
	}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		struct ns_facts *v = realloc(c->v, cap * sizeof *v);
		if (v == NULL)
			return NULL;
		c->v = v;
		c->cap = cap;
	}
	f = &c->v[c->n++];
	memset(f, 0, sizeof *f);
	f->type = t;
	f->ino = ino;
	intmap_put(&c->index, facts_key(ino), (void *)(uintptr_t)c->n);
	return f;
}

const struct ns_facts *ns_cache_facts(struct ns_cache *c, enum ns_type t,
    uint64_t ino, int tgid, int tid, double mono)
{
	struct ns_facts *f = facts_slot(c, t, ino);

	if (f == NULL)
		return NULL;
	if (f->mono != 0 && mono - f->mono < NS_CACHE_TTL)
		return f;
	f->mono = mono > 0 ? mono : 1e-9;
	f->cgroup_state = proc_read_cgroup(c->root, tgid, tid, &f->cgroup);
	proc_read_ns_relatives(c->root, tgid, tid, t, &f->rel);
	return f;
}

/* The slot of ino, else the least recently read one. */
static struct ns_cache_netns *netns_slot(struct ns_cache *c, uint64_t ino)
{
	struct ns_cache_netns *oldest = &c->netns[0];

	for (size_t i = 0; i < NS_CACHE_NETNS_SLOTS; i++) {
		if (c->netns[i].mono != 0 && c->netns[i].ino == ino)
			return &c->netns[i];
		if (c->netns[i].mono < oldest->mono)
			oldest = &c->netns[i];
	}
	oldest->mono = 0;
	oldest->ino = ino;
	return oldest;
}

const struct netns_contents *ns_cache_netns(struct ns_cache *c, uint64_t ino,
    int tgid, int tid, double mono)
{
	struct ns_cache_netns *sl = netns_slot(c, ino);

	if (sl->mono != 0 && mono - sl->mono < NS_CACHE_NETNS_TTL)
		return sl->c;
	if (sl->c == NULL && (sl->c = malloc(sizeof *sl->c)) == NULL)
		return NULL;
	proc_read_netns(c->root, tgid, tid, sl->c);
	sl->mono = mono > 0 ? mono : 1e-9;
	c->netns_reads++;
	return sl->c;
}
