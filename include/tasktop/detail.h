/*
 * detail.h - what only procfs can tell about one task, read on demand by
 * id: the side pane's status, kernel stack, wait channel and syscall, the
 * links the side pane compares, a process's cmdline and user, the thread
 * group of a tid nobody lists.  ui/ and out/ read task files through this
 * interface only (docs/ARCHITECTURE.md, "On-demand detail"); each source
 * provides one (source_detail()).
 */
#ifndef TASKTOP_DETAIL_H
#define TASKTOP_DETAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "tasktop/nsinfo.h"
#include "tasktop/proc.h"
#include "tasktop/text.h"

struct detail_reader;

/* Which parts detail_read() reads; the others stay FIELD_UNREAD. */
enum detail_part {
	DETAIL_STATUS	= 1u << 0,
	DETAIL_STACK	= 1u << 1,
	DETAIL_WCHAN	= 1u << 2,
	DETAIL_SYSCALL	= 1u << 3,
	DETAIL_NS	= 1u << 4,
	DETAIL_PANE	= DETAIL_STATUS | DETAIL_STACK | DETAIL_WCHAN |
			  DETAIL_SYSCALL | DETAIL_NS,	/* the side pane's */
};

struct task_detail {
	int		 tid;
	int		 tgid;
	enum field_state status_state;
	struct proc_status status;
	enum field_state stack_state;
	struct proc_stack stack;
	char		 stack_why[256];	/* FIELD_DENIED: what refused it, in words */
	enum field_state wchan_state;
	char		 wchan[64];		/* raw kernel bytes, NUL-terminated */
	enum field_state syscall_state;
	struct proc_syscall syscall;
	enum field_state ns_state[NS_COUNT];
	uint64_t	 ns[NS_COUNT];
};

/* Read the parts of thread tid of group tgid into d (cleared first). */
void detail_read(struct detail_reader *r, int tgid, int tid, unsigned parts,
    struct task_detail *d);
/* The raw cmdline of process pid through thread tid (tid == pid: the
 * process's own file) into out (replaced), at most 1 MiB. */
enum field_state detail_read_cmdline(struct detail_reader *r, int pid,
    int tid, struct buf *out);
/* Its environment (/proc/<pid>/environ), raw, as above: another user's
 * needs ptrace access (FIELD_DENIED). */
enum field_state detail_read_environ(struct detail_reader *r, int pid,
    int tid, struct buf *out);

/* An open file: its fd and what /proc/<pid>/fd/<fd> links to (raw,
 * NUL-terminated, cut at 255 bytes). */
struct fd_entry {
	int		 fd;
	char		 target[256];
};

/* Every fd of process pid, by number, into *out (grown; *n of them):
 * another user's need ptrace access (FIELD_DENIED). */
enum field_state detail_read_fds(struct detail_reader *r, int pid,
    struct fd_entry **out, size_t *n, size_t *cap);
/* /proc/<tgid>/task/<tid>/net/<name> (tcp, udp6, unix …): the tables of
 * the network namespace thread tid is in. */
enum field_state detail_read_net_file(struct detail_reader *r, int tgid,
    int tid, const char *name, struct buf *out);

/* SHR (the process only), context switches and IO bytes of thread tid
 * of tgid, or with tid 0 of the process (its own files). */
struct counters_record;
void detail_read_counters(struct detail_reader *r, int tgid, int tid,
    struct counters_record *out);

/* The real uid of process pid through thread tid, as above. */
enum field_state detail_read_uid(struct detail_reader *r, int pid, int tid,
    uid_t *uid);
/* The thread group of any id, listed or not.  0, or -errno (-ENOENT: no
 * such task). */
int detail_resolve_tgid(struct detail_reader *r, int id, int *tgid);

/* ---- namespaces, by inode (docs/ARCHITECTURE.md, "Namespace names and
 * contents").  What is returned lives until the next call of the same
 * function (or the next refresh) and is kept per namespace: ask as often
 * as you draw. */

/* The name an nsfs bind mount gives namespace (t, ino), or NULL. */
const struct ns_name *detail_ns_name(struct detail_reader *r, enum ns_type t,
    uint64_t ino);
/* The container or unit and the relatives of namespace (t, ino), read
 * through thread tid of tgid (which is in it) once in a while; NULL when
 * out of memory. */
const struct ns_facts *detail_ns_facts(struct detail_reader *r,
    enum ns_type t, uint64_t ino, int tgid, int tid);
/* What network namespace ino holds, read through thread tid of tgid (in
 * it), reread after 2 s; NULL when out of memory. */
const struct netns_contents *detail_netns(struct detail_reader *r,
    uint64_t ino, int tgid, int tid);
/* Every name the bind mounts give (the best one a namespace), *n of them;
 * valid until the next refresh. */
const struct ns_name *detail_ns_names(struct detail_reader *r, size_t *n);
/* The container or unit of one task, read now. */
enum field_state detail_read_cgroup(struct detail_reader *r, int tgid,
    int tid, struct cgroup_unit *out);

#endif
