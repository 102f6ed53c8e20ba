/*
 * detail_nsinfo.c - the detail reader's namespace part: names, containers,
 * relatives and netns contents by namespace inode, through a cache made
 * the first time anything is asked, so a run that shows no namespace reads
 * no mountinfo (docs/ARCHITECTURE.md, "Namespace names and contents").
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "tasktop/util.h"
#include "../source_priv.h"
#include "ns_read.h"

static struct ns_cache *cache(struct detail_reader *r)
{
	if (r->ns == NULL) {
		r->ns = malloc(sizeof *r->ns);
		if (r->ns != NULL)
			ns_cache_init(r->ns, r->root);
	}
	return r->ns;
}

void detail_reader_refresh(struct detail_reader *r)
{
	if (r->ns != NULL)
		ns_cache_update(r->ns);
}

void detail_ns_free(struct detail_reader *r)
{
	if (r->ns == NULL)
		return;
	ns_cache_free(r->ns);
	free(r->ns);
	r->ns = NULL;
}

const struct ns_name *detail_ns_name(struct detail_reader *r, enum ns_type t,
    uint64_t ino)
{
	struct ns_cache *c = cache(r);

	return c ? ns_cache_name(c, t, ino) : NULL;
}

const struct ns_facts *detail_ns_facts(struct detail_reader *r,
    enum ns_type t, uint64_t ino, int tgid, int tid)
{
	struct ns_cache *c = cache(r);

	return c ? ns_cache_facts(c, t, ino, tgid, tid,
	    clock_seconds(CLOCK_MONOTONIC)) : NULL;
}

const struct netns_contents *detail_netns(struct detail_reader *r,
    uint64_t ino, int tgid, int tid)
{
	struct ns_cache *c = cache(r);

	return c ? ns_cache_netns(c, ino, tgid, tid,
	    clock_seconds(CLOCK_MONOTONIC)) : NULL;
}

const struct ns_name *detail_ns_names(struct detail_reader *r, size_t *n)
{
	struct ns_cache *c = cache(r);

	*n = c ? c->names.n : 0;
	return c ? c->names.v : NULL;
}

enum field_state detail_read_cgroup(struct detail_reader *r, int tgid,
    int tid, struct cgroup_unit *out)
{
	return proc_read_cgroup(r->root, tgid, tid, out);
}
