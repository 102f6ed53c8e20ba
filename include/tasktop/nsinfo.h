/*
 * nsinfo.h - what names a namespace and what a network namespace holds
 * (docs/ARCHITECTURE.md, "Namespace names and contents").
 *
 * The parsers are pure (bytes in, struct out, each fuzzed): mountinfo's nsfs
 * bind mounts, a cgroup file's container or unit, rtnetlink dumps, and the
 * /proc/<tid>/net/{tcp,tcp6,udp,udp6} tables.  The readers do the I/O, on
 * demand only: the names resolver rereads mountinfo only when the kernel
 * says it changed, and the netns reader enters a namespace from a helper
 * thread that exits at once.
 */
#ifndef TASKTOP_NSINFO_H
#define TASKTOP_NSINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/proc.h"

/* ---- mountinfo: nsfs bind mounts (pure) ----------------------------- */

#define NSFS_PATH_MAX 256

struct nsfs_mount {
	unsigned	 dev_major, dev_minor;
	enum ns_type	 type;		/* from the root field "net:[N]" */
	uint64_t	 ino;
	char		 path[NSFS_PATH_MAX];	/* mount point, unescaped, raw bytes */
	size_t		 path_len;
	bool		 path_truncated;
};

typedef void nsfs_mount_fn(const struct nsfs_mount *m, void *arg);

/*
 * Call fn for every line of a mountinfo file that bind-mounts a namespace
 * (fstype "nsfs", or "proc" on kernels before 3.19, with a root of the form
 * "type:[inode]").  Mount points are unescaped (\040 space, \011 tab, \012
 * newline, \134 backslash).  Returns the number of such mounts.
 */
size_t proc_parse_mountinfo_nsfs(const char *buf, size_t len,
    nsfs_mount_fn *fn, void *arg);

/*
 * How good a name a mount point gives (higher is better): /run/netns/NAME
 * (ip netns add) over a runtime's directory (/run/docker/netns/ID, CNI's
 * /var/run/netns…, podman) over anything else.  *name, *name_len: the last
 * path component.
 */
int nsfs_mount_rank(const char *path, size_t len, const char **name,
    size_t *name_len);

/* ---- cgroup: the container or unit of a task (pure) ----------------- */

enum cgroup_kind {
	CGROUP_NONE,
	CGROUP_DOCKER,
	CGROUP_CONTAINERD,
	CGROUP_CRIO,
	CGROUP_PODMAN,
	CGROUP_MACHINE,
	CGROUP_LXC,
	CGROUP_SERVICE,
	CGROUP_SESSION,
};

#define CGROUP_ID_MAX 128

struct cgroup_unit {
	enum cgroup_kind kind;
	char		 id[CGROUP_ID_MAX];	/* container id or unit name, raw bytes */
	size_t		 id_len;
};

/* "docker", "containerd", "crio", "podman", "machine", "lxc", "service",
 * "session"; NULL for CGROUP_NONE. */
const char *cgroup_kind_name(enum cgroup_kind k);
/* Whether a kind is a container (a unit or session is not). */
bool cgroup_kind_is_container(enum cgroup_kind k);

/*
 * Parse /proc/<tid>/cgroup: the v2 line ("0::/path") when it names
 * something, else the v1 lines, a container over a unit.  The deepest container in the path
 * wins, then the deepest service or session.  0 (kind may be CGROUP_NONE),
 * or -1 when no line parses.
 */
int proc_parse_cgroup(const char *buf, size_t len, struct cgroup_unit *out);
/* Classify one cgroup path (the part after the second ':'). */
void cgroup_classify_path(const char *path, size_t len,
    struct cgroup_unit *out);
/* The id as shown: a 64-digit hex id cut to 12, anything else whole.
 * Returns the length to show. */
size_t cgroup_short_id_len(const struct cgroup_unit *u);

/* ---- a network namespace's contents (pure parsers) ------------------ */

#define NETNS_IF_MAX		32
#define NETNS_ADDR_MAX		64
#define NETNS_LISTEN_MAX	64
#define NETNS_IFNAME_MAX	16	/* IFNAMSIZ */

struct netns_if {
	int		 index;
	char		 name[NETNS_IFNAME_MAX + 1];	/* raw bytes, NUL-terminated */
	bool		 up;		/* IFF_UP */
	bool		 running;	/* IFF_RUNNING: carrier */
	bool		 loopback;
};

struct netns_addr {
	int		 ifindex;
	int		 family;	/* AF_INET, AF_INET6 */
	unsigned	 prefix;
	uint8_t		 addr[16];
};

enum netns_proto { NETNS_TCP, NETNS_UDP };

struct netns_listener {
	enum netns_proto proto;
	int		 family;
	uint8_t		 addr[16];
	unsigned	 port;
	uint64_t	 inode;
};

struct netns_contents {
	enum field_state links_state;	/* interfaces and addresses (rtnetlink) */
	int		 links_errno;	/* why links_state is not OK */
	struct netns_if	 ifs[NETNS_IF_MAX];
	size_t		 nifs;
	bool		 ifs_truncated;
	struct netns_addr addrs[NETNS_ADDR_MAX];
	size_t		 naddrs;
	bool		 addrs_truncated;

	enum field_state listen_state;	/* /proc/<tid>/net/{tcp,udp}{,6} */
	struct netns_listener listen[NETNS_LISTEN_MAX];
	size_t		 nlisten;
	bool		 listen_truncated;
};

/* Outcome of one netlink receive buffer. */
enum rtnl_parse {
	RTNL_MORE,		/* messages taken, the dump goes on */
	RTNL_DONE,		/* NLMSG_DONE seen */
	RTNL_ERROR,		/* NLMSG_ERROR or a malformed message */
};

/*
 * Take the RTM_NEWLINK and RTM_NEWADDR messages of one netlink receive
 * buffer into c (up to its caps; beyond them the *_truncated flags).
 */
enum rtnl_parse proc_parse_rtnl(const void *buf, size_t len,
    struct netns_contents *c);

/*
 * Take the listening sockets of a /proc/<tid>/net/{tcp,tcp6,udp,udp6} table
 * into c: TCP in state LISTEN, UDP bound but unconnected.  family is
 * AF_INET or AF_INET6 (which table it is).  Returns the number of socket
 * lines parsed, or -1 when the header line is missing.
 */
int proc_parse_net_sockets(const char *buf, size_t len, enum netns_proto proto,
    int family, struct netns_contents *c);

/* The interface of an index, or NULL. */
const struct netns_if *netns_find_if(const struct netns_contents *c,
    int index);

/* "127.0.0.1", "::1", "[::1]:8080" style text of an address into out
 * (NUL-terminated; 48 bytes hold any). */
#define NETNS_ADDR_TEXT 56
void netns_addr_text(int family, const uint8_t addr[16], char *out,
    size_t size);
void netns_endpoint_text(int family, const uint8_t addr[16], unsigned port,
    char *out, size_t size);

/* ---- readers (I/O, on demand) -------------------------------------- */

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

/*
 * The owning user namespace (NS_GET_USERNS) and the parent (NS_GET_PARENT,
 * pid and user namespaces only) of a task's namespace of type t, by inode.
 * States are FIELD_DENIED when the kernel refuses (the owner or parent lies
 * outside tasktop's own user namespace) and FIELD_UNAVAILABLE when the
 * kernel lacks the ioctl or the type has no parent.
 */
struct ns_relatives {
	enum field_state owner_state;
	uint64_t	 owner;		/* user namespace inode */
	enum field_state parent_state;
	uint64_t	 parent;
};
void proc_read_ns_relatives(const struct proc_root *root, int tgid, int tid,
    enum ns_type t, struct ns_relatives *out);

/* ---- the names resolver --------------------------------------------- */

struct ns_name {
	enum ns_type	 type;
	uint64_t	 ino;
	int		 rank;			/* nsfs_mount_rank */
	char		 path[NSFS_PATH_MAX];	/* the mount point, raw bytes */
	size_t		 path_len;
	const char	*name;			/* into path: its last component */
	size_t		 name_len;
};

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
	unsigned	 reads;		/* how often mountinfo was read */
};

void ns_names_open(struct ns_names *nn, const struct proc_root *root);
void ns_names_close(struct ns_names *nn);
/* Reread mountinfo when it changed since the last read. */
void ns_names_update(struct ns_names *nn);
/* The best name of a namespace, or NULL. */
const struct ns_name *ns_names_find(const struct ns_names *nn,
    enum ns_type t, uint64_t ino);

/* ---- per-namespace cache of what is read on demand ------------------- */

#define NS_CACHE_MAX		4096	/* namespaces remembered; then forgotten all */
#define NS_CACHE_NETNS_SLOTS	4	/* netns contents kept, least recent dropped */
#define NS_CACHE_NETNS_TTL	2.0	/* seconds before contents are reread */
#define NS_CACHE_TTL		30.0	/* container, owner: an inode may be reused */

/* What one namespace's holder said, read once and kept by inode. */
struct ns_facts {
	enum ns_type	 type;
	uint64_t	 ino;
	double		 mono;			/* when read */
	enum field_state cgroup_state;
	struct cgroup_unit cgroup;		/* the holder's container or unit */
	struct ns_relatives rel;
};

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
	struct ns_cache_netns netns[NS_CACHE_NETNS_SLOTS];
	unsigned	 netns_reads;		/* how many contents reads were done */
};

void ns_cache_init(struct ns_cache *c, const struct proc_root *root);
void ns_cache_free(struct ns_cache *c);
/* Once per refresh: reread mountinfo if the kernel says it changed. */
void ns_cache_update(struct ns_cache *c);
/* The name of a namespace (nsfs bind mount), or NULL. */
const struct ns_name *ns_cache_name(const struct ns_cache *c, enum ns_type t,
    uint64_t ino);
/* The facts of (t, ino), read from task tid of tgid (which must be in it)
 * when not known or older than NS_CACHE_TTL. */
const struct ns_facts *ns_cache_facts(struct ns_cache *c, enum ns_type t,
    uint64_t ino, int tgid, int tid, double mono);
/* The cgroup of one task, read now (for the selected thread only). */
enum field_state ns_cache_task_cgroup(const struct ns_cache *c, int tgid,
    int tid, struct cgroup_unit *out);
/* The contents of netns ino, read through tid of tgid (in it) when not
 * cached or older than NS_CACHE_NETNS_TTL. */
const struct netns_contents *ns_cache_netns(struct ns_cache *c, uint64_t ino,
    int tgid, int tid, double mono);

#endif
