/*
 * ns_read.h - the procfs source's readers of what names a namespace and
 * what a network namespace holds, and the per-namespace cache the detail
 * reader keeps them in (docs/ARCHITECTURE.md, "Namespace names and
 * contents").  On demand only: nothing here runs unless a namespace is
 * shown.
 */
#ifndef TASKTOP_PROCFS_NS_READ_H
#define TASKTOP_PROCFS_NS_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/intmap.h"
#include "tasktop/nsinfo.h"
#include "tasktop/procfs.h"

/*
 * The contents of thread tid's network namespace.  Interfaces and addresses
 * need the namespace entered (CAP_SYS_ADMIN over it) unless it is tasktop's
 * own; links_state and links_errno say what stopped them.  Listeners need
 * read access to /proc/<tid>/net.  Never fails as a whole.
 */
void proc_read_netns(const struct proc_root *root, int tgid, int tid,
    struct netns_contents *c);

/* The container or unit of a task from "<tgid>/task/<tid>/cgroup". */
enum field_state proc_read_cgroup(const struct proc_root *root, int tgid,
    int tid, struct cgroup_unit *out);

/* The relatives (struct ns_relatives) of a task's namespace of type t. */
void proc_read_ns_relatives(const struct proc_root *root, int tgid, int tid,
    enum ns_type t, struct ns_relatives *out);

/*
 * Names from the nsfs bind mounts of tasktop's mount namespace, matched by
 * device and inode as `ip netns identify` does.  mountinfo is kept open and
 * reread only when poll() reports POLLPRI on it (the kernel's "mount table
 * changed"), so an update costs one poll with no timeout.
 */
struct ns_names {
	int		 fd;		/* <root>/self/mountinfo; -1 none */
	bool		 dev_known;
	unsigned	 dev_major, dev_minor;	/* of nsfs, from a stat of an ns link */
	struct ns_name	*v;
	size_t		 n, cap;
	struct intmap	 index;		/* (int)inum -> index in v + 1 */
	unsigned	 reads;		/* how often mountinfo was read */
};

void ns_names_open(struct ns_names *nn, const struct proc_root *root);
void ns_names_close(struct ns_names *nn);
/* Reread mountinfo when it changed since the last read. */
void ns_names_update(struct ns_names *nn);
/* The best name of a namespace, or NULL. */
const struct ns_name *ns_names_find(const struct ns_names *nn,
    enum ns_type t, uint64_t ino);

#define NS_CACHE_MAX		65536	/* namespaces remembered; then forgotten all */
#define NS_CACHE_NETNS_SLOTS	4	/* netns contents kept, least recent dropped */
#define NS_CACHE_NETNS_TTL	2.0	/* seconds before contents are reread */
#define NS_CACHE_TTL		30.0	/* container, owner: an inode may be reused */

struct ns_cache_netns {
	uint64_t	 ino;
	double		 mono;			/* when read; 0: empty slot */
	struct netns_contents *c;
};

struct ns_cache {
	const struct proc_root *root;
	struct ns_names	 names;
	struct ns_facts	*v;
	size_t		 n, cap;
	struct intmap	 index;			/* (int)inum -> index in v + 1 */
	struct ns_cache_netns netns[NS_CACHE_NETNS_SLOTS];
	unsigned	 netns_reads;		/* how many contents reads were done */
};

void ns_cache_init(struct ns_cache *c, const struct proc_root *root);
void ns_cache_free(struct ns_cache *c);
/* Once per refresh: reread mountinfo if the kernel says it changed. */
void ns_cache_update(struct ns_cache *c);
const struct ns_name *ns_cache_name(const struct ns_cache *c, enum ns_type t,
    uint64_t ino);
/* The facts of (t, ino), read from task tid of tgid (which must be in it)
 * when not known or older than NS_CACHE_TTL. */
const struct ns_facts *ns_cache_facts(struct ns_cache *c, enum ns_type t,
    uint64_t ino, int tgid, int tid, double mono);
/* The contents of netns ino, read through tid of tgid (in it) when not
 * cached or older than NS_CACHE_NETNS_TTL. */
const struct netns_contents *ns_cache_netns(struct ns_cache *c, uint64_t ino,
    int tgid, int tid, double mono);

#endif
