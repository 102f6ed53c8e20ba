/*
 * model.h - the model layer: a snapshot of every process and its threads,
 * kept by tid across refreshes (CPU% from deltas), the namespace reference
 * and differences of each process, and the view: the rows of the tree (or
 * flat list), sorted and filtered, that ui/ and out/ show.  It does no I/O:
 * a source hands it records (tasktop/record.h); docs/ARCHITECTURE.md.
 */
#ifndef TASKTOP_MODEL_H
#define TASKTOP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "tasktop/detail.h"
#include "tasktop/intmap.h"
#include "tasktop/proc.h"
#include "tasktop/record.h"
#include "tasktop/text.h"

struct process;

/* What the model remembers of a thread's namespaces across refreshes
 * (ns_history.c): the last change between two refreshes, and whether it
 * was born into a network namespace not its process's. */
struct ns_change {
	enum ns_type	 type;
	uint64_t	 from, to;
	double		 wall;			/* when the refresh saw it */
};

#define NS_HISTORY_KEEP 8	/* changes kept per thread, the oldest dropped */

/* The changes of a thread that has moved: out of line, as few ever do. */
struct ns_moves {
	unsigned	 changes;		/* how many changes were seen */
	struct ns_change last;			/* the headline change */
	struct ns_change ring[NS_HISTORY_KEEP];	/* the last NS_HISTORY_KEEP */
};

/*
 * A task's ten namespace links: each type's state and inode (0 unless
 * FIELD_OK; the kernel's inums are 32-bit).  Interned (model/ns_set.c):
 * the threads with the same ten, almost every thread of a process, share
 * one, so a task holds a pointer; NULL is all unread.  Read a task's
 * through task_ns_state() and task_ns_ino().
 */
struct ns_set {
	uint32_t	 ino[NS_COUNT];
	uint8_t		 state[NS_COUNT];	/* enum field_state */
	unsigned	 refs;			/* ns_set.c's */
	struct ns_set	*next;			/* ns_set.c's */
};

/* A thread's namespace history: the links last known here; whether it
 * was born foreign is the task's (born_foreign), its moves are out of line
 * (struct task_extra), so every task pays one pointer. */
struct ns_history {
	const struct ns_set *known;		/* the links last known: FIELD_OK where known */
};

/* SHR, context switches and IO bytes of a row shown, and their rates
 * between two consecutive refreshes (counters.c). */
struct counters {
	unsigned	 gen;			/* refresh last read; 0 never */
	double		 mono;
	enum field_state shr_state;
	unsigned long long shr_kb;
	enum field_state ctxt_state;
	unsigned long long ctxt;
	bool		 ctxt_rate_ok;
	double		 ctxt_rate;		/* switches a second */
	enum field_state io_state;
	unsigned long long read_bytes, write_bytes;
	bool		 io_rate_ok;
	double		 read_rate, write_rate;	/* bytes a second */
};

/*
 * What the model keeps of a task's stat: proc_stat's fields (a record
 * carries those) in the widths they need, and the comm inline when it fits
 * (a thread's is at most 15 bytes; a kernel thread's full name, from
 * procfs, may be longer: then comm holds the address of a malloc'd copy).
 * The comm takes the rest of the last 8 bytes, so no byte is padding.
 * Read the comm through task_comm().
 */
#define TASK_COMM_INLINE 22

struct task_stat {
	unsigned long long utime;		/* clock ticks */
	unsigned long long stime;
	unsigned long long starttime;		/* ticks after boot */
	int		 ppid;
	int		 processor;		/* -1 when absent (old kernels) */
	int		 priority;
	int		 nice;
	char		 state;			/* R S D Z T t X I … */
	uint8_t		 comm_len;
	char		 comm[TASK_COMM_INLINE];	/* raw bytes when comm_len fits,
						 * else a char * to them (malloc'd) */
};

/* What is read on demand for the rows shown (and by JSON for every
 * thread): the wait channel, the syscall, the counters.  Out of line, as
 * most of 60,000 tasks are never shown (task_shown()). */
struct task_shown {
	enum field_state wchan_state;
	char		 wchan[64];		/* raw kernel bytes, NUL-terminated */
	unsigned	 wchan_gen;		/* generation read; 0 never */
	double		 wchan_mono;
	enum field_state syscall_state;
	struct proc_syscall syscall;
	unsigned	 syscall_gen;
	double		 syscall_mono;
	struct counters	 counters;		/* its own (task/<tid>/ files) */
};

/* What only some tasks need, behind one pointer made on first use: the
 * on-demand fields (task_shown()), and a moved thread's changes. */
struct task_extra {
	struct task_shown shown;
	struct ns_moves	*moves;			/* NULL before the first change */
};

/*
 * One thread (kernel task).  The leader is a thread too.  Kept small: a
 * snapshot holds one a task of the machine (docs/ARCHITECTURE.md, "The
 * model's memory"); what only some need is behind extra.
 */
struct task {
	int		 tid;
	int		 tgid;
	unsigned	 seen;			/* generation last put */
	unsigned	 ran_gen;		/* generation it last ran (CPU time or state moved) */
	float		 cpu_percent;		/* float: 0.1 exact to 100,000 */
	uint8_t		 stat_state;		/* enum field_state */
	bool		 cpu_valid : 1;		/* false until two samples exist */
	bool		 born_foreign : 1;	/* new in a known process, netns not the reference's */
	/* Of the refresh that last put it (every live task is put every
	 * refresh; snapshot_put() clears them first): */
	bool		 renewed : 1;		/* first seen, or its tid reused */
	bool		 renamed : 1;		/* its comm changed */
	uint16_t	 ns_differs;		/* bit (1u << type): inode differs from the reference */
	struct process	*proc;

	struct task_stat stat;
	const struct ns_set *ns;		/* its links (shared); NULL: none read */
	struct ns_history ns_hist;

	uint64_t	 prev_cpu_ns;		/* CPU time at the previous refresh */

	struct task_extra *extra;		/* NULL until first needed */
};

/* A link of t: its state, and its inode (0 unless FIELD_OK). */
static inline enum field_state task_ns_state(const struct task *t, int type)
{
	return t->ns != NULL ? (enum field_state)t->ns->state[type] :
	    FIELD_UNREAD;
}

static inline uint32_t task_ns_ino(const struct task *t, int type)
{
	return t->ns != NULL ? t->ns->ino[type] : 0;
}

/* Set one link of t as given (tests build tasks by hand; the model takes
 * records through task_take_ns). */
void task_set_ns(struct task *t, enum ns_type type, enum field_state st,
    uint64_t ino);

/* t's comm (raw bytes, not NUL-terminated) and its length; "" when its
 * stat is unread. */
size_t task_comm(const struct task *t, const char **comm);
/* Set t's comm (tests build tasks by hand; the model from records). */
void task_set_comm(struct task *t, const char *comm, size_t len);

/* t's on-demand fields, all unread (a shared zero) before the first read. */
const struct task_shown *task_shown(const struct task *t);
/* The same to write into, made on first use. */
struct task_shown *task_shown_mut(struct task *t);

/* One thread group. */
struct process {
	int		 pid;
	int		 ppid;
	unsigned	 seen;
	unsigned	 changed_gen;		/* last refresh a thread came, went or changed */

	struct task	**threads;		/* ascending tid, the leader first when alive */
	size_t		 nthreads;
	size_t		 threads_cap;
	/* The last refresh's threads while this one puts (refresh.c): a
	 * task is looked for where it was, and those not put again went.
	 * In threads itself until a put differs; then a copy, dropped after
	 * the refresh (process_add_thread()). */
	struct task	**prev_threads;		/* NULL: in threads */
	size_t		 prev_nthreads;
	struct task	*leader;		/* tid == pid, NULL when gone */
	struct counters	 counters;		/* the process's (<pid>/ files) */
	bool		 leader_exited;		/* leader a zombie (or gone) while threads live */

	char		 state;			/* the leader's, else the first thread's; '?' */
	bool		 kernel_thread;		/* no cmdline, child of kthreadd (or kthreadd) */

	enum field_state cmdline_state;
	char		*cmdline;		/* raw, NUL-separated arguments */
	size_t		 cmdline_len;

	enum field_state uid_state;
	uid_t		 uid;
	const char	*user;			/* name or decimal uid; owned by the snapshot */

	enum field_state rss_state;
	unsigned long long rss_kb;
	/* The memory all its threads share, once a group, not a thread
	 * (docs/ARCHITECTURE.md, "The model's memory"): from the live
	 * leader's record, else the first live thread's put this refresh;
	 * 0 when no live thread was put. */
	unsigned long long vsize;		/* bytes */
	long		 rss_pages;
	unsigned	 mm_gen;		/* refresh that put them */
	bool		 mm_from_leader;

	bool		 cpu_valid;
	double		 cpu_percent;		/* the group's CPU-time delta (exited
						 * threads too), else its threads' sum */
	bool		 time_valid;
	unsigned long long time_ticks;		/* utime + stime: the group's, exited threads
						 * included, when its source told it;
						 * else of its live threads */
	bool		 group_cpu_ok;		/* group_cpu_ns put this refresh */
	uint64_t	 group_cpu_ns;
	uint64_t	 group_cpu_prev;	/* the refresh before's; UINT64_MAX: none */

	/* Namespace reference: the leader, or when its links can't be read the
	 * live thread with the lowest tid; 0 when no thread's can be read. */
	int		 ns_ref_tid;
	unsigned	 ns_differs_any;	/* union of the threads' ns_differs */

	/* The tree, rebuilt every refresh. */
	struct process	*parent;		/* NULL: a root of the shown tree */
	struct process	**children;		/* ascending pid */
	size_t		 nchildren;
	size_t		 children_cap;
};

/* The header's meters (system.c): shares 0..1 of the ticks between two
 * refreshes; each value with whether it is known. */
struct system_meters {
	bool		 cpu_valid;		/* false until two samples */
	double		 cpu_busy;		/* all CPUs */
	size_t		 ncpu;
	bool		 cpu_more;		/* more CPUs than PROC_CPU_MAX */
	bool		 cpu_ok[PROC_CPU_MAX];
	double		 cpu_share[PROC_CPU_MAX];
	bool		 mem_ok;
	struct proc_meminfo mem;
	bool		 uptime_ok;
	double		 uptime;		/* seconds since boot */
	struct proc_cpustat prev;		/* the last sample */
	bool		 prev_ok;
};

/* The snapshot's tasks by tid: task slot numbers (model/tid_map.c). */
struct tid_map {
	uint32_t	*refs;			/* 0 empty, 1 deleted, else a slot's number + 2 */
	size_t		 cap;			/* power of two, or 0 */
	size_t		 count;			/* tasks */
	size_t		 tombs;			/* deleted */
};

struct snapshot {
	struct tid_map	 tasks;			/* tid -> struct task */
	struct intmap	 procs;			/* pid -> struct process * */
	struct process	**list;			/* every process, ascending pid */
	size_t		 nlist;
	size_t		 list_cap;
	struct process	**roots;		/* tree roots, ascending pid */
	size_t		 nroots;
	size_t		 roots_cap;
	size_t		 ntasks;		/* threads in the snapshot */
	size_t		 nrunning;		/* of them in state R */

	unsigned	 generation;		/* refresh count, starts at 1 */
	double		 wall;			/* time(2)-like seconds of this refresh */
	double		 mono;			/* monotonic seconds of this refresh */
	double		 interval;		/* since the previous refresh; 0 on the first */
	double		 load[3];
	bool		 load_ok;
	struct system_meters sys;
	long		 hz;			/* clock ticks a second of stat.utime, stime */
	long		 page_kb;

	void		*priv;			/* model internals (user cache, scratch) */
};

void snapshot_init(struct snapshot *s);
void snapshot_free(struct snapshot *s);

struct process *snapshot_process(const struct snapshot *s, int pid);
struct task *snapshot_task(const struct snapshot *s, int tid);

/* Whether t's wait channel (syscall) is worth reading again: never read,
 * or t ran since, or read too long ago (a task woken but not yet on a CPU
 * shows no change in stat).  Pure: the caller reads, then puts. */
bool snapshot_wchan_stale(const struct snapshot *s, const struct task *t);
bool snapshot_syscall_stale(const struct snapshot *s, const struct task *t);
void snapshot_put_wchan(struct snapshot *s, struct task *t,
    enum field_state st, const char *wchan);
void snapshot_put_syscall(struct snapshot *s, struct task *t,
    enum field_state st, const struct proc_syscall *sc);
/* Counters are read once a refresh for the rows shown; a rate needs the
 * read of the refresh before. */
struct counters_record;
bool snapshot_counters_stale(const struct snapshot *s, const struct counters *c);
void snapshot_put_counters(struct snapshot *s, struct counters *c,
    const struct counters_record *r);

/* CPU% of dns nanoseconds of CPU time over dt seconds (100% = one CPU
 * busy).  0 when dt <= 0. */
double cpu_percent(uint64_t dns, double dt);

/*
 * Pick the namespace reference of p and set every thread's ns_differs and
 * p->ns_ref_tid, p->ns_differs_any, p->leader_exited.  Pure over the tasks'
 * ns / ns_state / stat fields.
 */
void process_derive_ns(struct process *p);

/* The name to show: the joined cmdline (arguments separated by a space), or
 * "[comm]" for kernel threads and processes with an empty cmdline. Raw bytes
 * appended to out (sanitize before display). */
void process_display_name(const struct process *p, struct buf *out);

/* A kernel state letter worth showing: printable, not the model's '?'. */
bool state_letter_known(char state);

/* Take this refresh's namespace links into the ns_hist of every task of a
 * process changed this refresh (p->changed_gen; the others' links did not
 * move): a change since the last refresh is remembered, a new thread of a
 * known process whose netns is not the reference's is marked born_foreign.
 * Pure; run by snapshot_end() after process_derive_ns. */
void ns_history_update(struct snapshot *s);
/* How many of t's changes are kept (at most NS_HISTORY_KEEP), and the i-th
 * of them, 0 the oldest kept; the headline change (NULL when none). */
size_t ns_history_kept(const struct task *t);
/* How many changes were seen (0: none). */
unsigned ns_history_changes(const struct task *t);
const struct ns_change *ns_history_at(const struct task *t, size_t i);
const struct ns_change *ns_history_last(const struct task *t);
/* Free all a task holds but its memory: its links, history, extra, long
 * comm (the model does, with its task; tests with tasks built by hand). */
void task_release(struct task *t);

/* ---- every namespace the snapshot's threads are in ----------------- */

/*
 * One namespace: how many processes have a thread in it, how many of them
 * are in it with their reference thread (0: held by threads only, which
 * lsns cannot see), how many threads, and who holds it.  The *_for_children
 * links count toward the plain type when they point elsewhere.
 */
struct ns_entry {
	enum ns_type	 type;			/* never a *_FOR_CHILDREN */
	uint64_t	 ino;
	size_t		 processes;
	size_t		 ref_processes;
	size_t		 threads;
	int		 holder_pid;		/* lowest pid with its reference in it, else */
	int		 holder_tid;		/* the lowest tid in it; 0: no task is */
	bool		 mounted;		/* an nsfs bind mount holds it too */
};

struct ns_overview {
	struct ns_entry	*v;			/* by type, then inode */
	size_t		 n, cap;
	size_t		*slots;			/* hash of (type, ino) -> index + 1 */
	size_t		 nslots;
};

void ns_overview_init(struct ns_overview *o);
void ns_overview_free(struct ns_overview *o);
/* Rebuild from the snapshot (keeps o's memory).  Pure. */
void ns_overview_build(struct ns_overview *o, const struct snapshot *s);
/* Namespaces nsfs bind mounts hold (from the source's names), taken in
 * after the build: a namespace no task is in gets an entry of its own, so
 * the overview lists it too.  Keeps the order.  Pure. */
void ns_overview_add_mounted(struct ns_overview *o, const enum ns_type *types,
    const uint64_t *inos, size_t n);
/* Whether t is in namespace (type, ino), by its plain or for_children link. */
bool task_in_ns(const struct task *t, enum ns_type type, uint64_t ino);

/* ---- details of one thread, read on demand ------------------------- */

/* The links of a detail just read are newer than the refresh's (which
 * rechecks a known task's only every so often): take them into the
 * snapshot, so that the tree marks what the side pane shows. */
void snapshot_take_detail_ns(struct snapshot *s, const struct task_detail *d);

/* ---- the view: rows to show ---------------------------------------- */

enum sort_key {
	SORT_PID,
	SORT_USER,
	SORT_STATE,
	SORT_CPU,
	SORT_MEM,
	SORT_THREADS,
	SORT_NAME,
	SORT_TIME,		/* TIME+: utime + stime */
	SORT_COUNT
};
const char *sort_key_name(enum sort_key k);	/* "PID", "CPU%" … */
/* A key's own direction (P, M, T, a settings file without one): numbers
 * worth sorting by are most interesting largest first. */
bool sort_key_descending(enum sort_key k);

struct view_opts {
	bool		 tree;			/* by ppid; else a flat list */
	enum sort_key	 sort;			/* siblings (tree) or all (flat) */
	bool		 descending;
	bool		 expand_all;		/* every process shows its threads */
	const struct intmap *expanded;		/* pid -> non-NULL: shows its threads */
	const char	*filter;		/* substring (name, cmdline, pid, tid); NULL/"" none */
	bool		 flat_threads;		/* flat list: a row per thread, no process rows */
	bool		 hide_kernel;		/* leave kernel threads (and their subtree) out */
	bool		 user_only;		/* only processes of uid (others: context) */
	uid_t		 uid;
};

struct view_row {
	struct process	*proc;
	struct task	*task;			/* NULL: the process row */
	int		 depth;			/* tree depth of the process (threads: +1) */
	uint64_t	 more;			/* bit d: at depth d a later sibling follows (tree lines) */
	bool		 last;			/* last among its siblings */
	bool		 match;			/* matches the filter itself (not only kept as context) */
};

struct view {
	struct view_row	*rows;
	size_t		 n;
	size_t		 cap;
	struct process	**order;		/* view_build's sibling scratch */
	size_t		 order_cap;
	struct task	**task_order;		/* threads being sorted */
	size_t		 task_order_cap;
};

void view_init(struct view *v);
void view_free(struct view *v);
/* Rebuild v from s (keeps v's memory).  A process is kept when it, one of
 * its threads or a descendant matches the filter; a process with a matching
 * thread shows that thread even when collapsed, and an expanded one shows
 * only its matching threads.  Threads sort inside their process by the
 * same key as the processes. */
void view_build(struct view *v, const struct snapshot *s,
    const struct view_opts *o);
/* What marks a row, as bits (1u << type): a thread's differing types; a
 * process row's are its threads' together, expanded or not, so the `!` of
 * a process stays when it is opened. */
unsigned view_row_ns_mark(const struct view_row *row);
/* The next (dir 1) or previous (dir -1) row after from whose netns differs,
 * wrapping around; -1 when none does. */
long view_find_marked(const struct view *v, long from, int dir);
/* Row index of a thread's row / a process's row; -1 when not shown. */
long view_find_task(const struct view *v, int tid);
long view_find_process(const struct view *v, int pid);
/* The row an id selects: a leader's process row, another thread's row;
 * -1 when not shown (or not in s). */
long view_find_id(const struct view *v, const struct snapshot *s, int id);

/* The tree lines before a row's name: "│ ├─" (UTF-8) or "| |-" (ASCII),
 * then a space when space is set. */
void view_tree_prefix(struct buf *out, const struct view_row *row,
    enum text_mode mode, bool space);

#endif
