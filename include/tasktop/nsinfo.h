/*
 * nsinfo.h - what names a namespace and what a network namespace holds
 * (docs/ARCHITECTURE.md, "Namespace names and contents").
 *
 * The parsers are pure (bytes in, struct out, each fuzzed): mountinfo's nsfs
 * bind mounts, a cgroup file's container or unit, rtnetlink dumps, and the
 * /proc/<tid>/net/{tcp,tcp6,udp,udp6} tables; and the types of what the
 * procfs source reads on demand about a namespace, handed out through
 * detail.h.
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

/* The inet socket tables of /proc/<tid>/net/: "tcp", "tcp6", "udp", "udp6"
 * with the protocol and family their lines hold. */
struct net_inet_table {
	const char	*name;
	enum netns_proto proto;
	int		 family;
};

extern const struct net_inet_table net_inet_tables[];
extern const size_t net_inet_ntables;

/* Every socket of a /proc/<tid>/net/{tcp,tcp6,udp,udp6} table, handed to
 * take one by one (the fd view looks up its sockets' inodes).  Returns the
 * number of lines parsed, or -1 without the header line. */
struct net_socket {
	enum netns_proto proto;
	int		 family;
	uint8_t		 laddr[16];
	unsigned	 lport;
	uint8_t		 raddr[16];
	unsigned	 rport;
	unsigned	 state;		/* the kernel's TCP state (UDP: 7 unconnected) */
	uint64_t	 inode;
};

int proc_parse_net_table(const char *buf, size_t len, enum netns_proto proto,
    int family, void (*take)(void *arg, const struct net_socket *sock),
    void *arg);
/* Every socket of /proc/<tid>/net/unix: its inode and path (raw bytes, to
 * the end of the line; NULL, 0 for an unnamed one). */
int proc_parse_net_unix(const char *buf, size_t len,
    void (*take)(void *arg, uint64_t inode, const char *path, size_t plen),
    void *arg);

/* "127.0.0.1", "::1", "[::1]:8080" style text of an address into out
 * (NUL-terminated; 48 bytes hold any). */
#define NETNS_ADDR_TEXT 56
void netns_addr_text(int family, const uint8_t addr[16], char *out,
    size_t size);
void netns_endpoint_text(int family, const uint8_t addr[16], unsigned port,
    char *out, size_t size);

/* ---- what is read about one namespace (types of detail.h) ----------- */

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

/* A name an nsfs bind mount gives a namespace. */
struct ns_name {
	enum ns_type	 type;
	uint64_t	 ino;
	int		 rank;			/* nsfs_mount_rank */
	char		 path[NSFS_PATH_MAX];	/* the mount point, raw bytes */
	size_t		 path_len;
	const char	*name;			/* into path: its last component */
	size_t		 name_len;
};

/* What one namespace's holder said, read once and kept by inode. */
struct ns_facts {
	enum ns_type	 type;
	uint64_t	 ino;
	double		 mono;			/* when read */
	enum field_state cgroup_state;
	struct cgroup_unit cgroup;		/* the holder's container or unit */
	struct ns_relatives rel;
};

#endif
