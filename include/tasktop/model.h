/*
 * model.h - the model layer: a snapshot of every process and its threads,
 * kept by tid across refreshes (CPU% from deltas, fds and buffers reused),
 * the namespace reference and differences of each process, and the view: the
 * rows of the tree (or flat list), sorted and filtered, that ui/ and out/ show.
 * Nothing here knows about curses; all /proc access goes through proc.h.
 */
#ifndef TASKTOP_MODEL_H
#define TASKTOP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "tasktop/intmap.h"
#include "tasktop/proc.h"
#include "tasktop/text.h"

struct process;

/* Which tasks a refresh reads a per-task extra (wchan, syscall) of. */
enum extras_scope {
	EXTRAS_ALL,		/* every task (the default) */
	EXTRAS_LEADERS,		/* process leaders: batch rows without -H */
	EXTRAS_NONE,		/* none: the caller reads the rows it shows */
};

/* One thread (kernel task).  The leader is a thread too. */
struct task {
	int		 tid;
	int		 tgid;
	struct process	*proc;
	unsigned	 seen;			/* generation last listed */

	enum field_state stat_state;
	struct proc_stat stat;
	int		 stat_fd;		/* kept open and pread; -1 none */

	enum field_state wchan_state;
	char		 wchan[64];		/* raw kernel bytes, NUL-terminated */

	enum field_state syscall_state;
	struct proc_syscall syscall;

	enum field_state ns_state[NS_COUNT];
	uint64_t	 ns[NS_COUNT];
	unsigned	 ns_differs;		/* bit (1u << type): inode differs from the reference */

	bool		 cpu_valid;		/* false until two samples exist */
	double		 cpu_percent;
	unsigned long long prev_ticks;		/* utime + stime at the previous refresh */

	/* What lets a refresh skip work on a task that did not run (task.c,
	 * task_stat.c, task_files.c). */
	int		 sched_fd;		/* schedstat, kept open; -1 none */
	int		 ns_dir_fd;		/* ns/ (O_PATH), kept open; -1 none */
	uint64_t	 sched_sig;		/* hash of the last schedstat bytes */
	uint64_t	 stat_sig;		/* hash of the last stat bytes */
	double		 stat_mono;		/* when stat was last read */
	unsigned	 ran_gen;		/* generation stat last changed */
	unsigned	 wchan_gen;		/* generation wchan was read; 0 never */
	double		 wchan_mono;
	unsigned	 syscall_gen;		/* same for syscall */
	double		 syscall_mono;
};

/* One thread group. */
struct process {
	int		 pid;
	int		 ppid;
	unsigned	 seen;

	struct task	**threads;		/* ascending tid, the leader first when alive */
	size_t		 nthreads;
	size_t		 threads_cap;
	struct task	*leader;		/* tid == pid, NULL when gone */
	double		 listed_mono;		/* when its task dir was last listed */
	uint64_t	 runtime_ns;		/* CPU time of the group, all threads */
	bool		 runtime_ok;
	bool		 quiet;			/* no thread ran since the last refresh */
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

	bool		 cpu_valid;
	double		 cpu_percent;		/* sum over threads */
	bool		 time_valid;
	unsigned long long time_ticks;		/* utime + stime of its live threads */

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

struct snapshot {
	struct proc_root root;
	struct intmap	 tasks;			/* tid -> struct task * */
	struct intmap	 procs;			/* pid -> struct process * */
	struct process	**list;			/* every process, ascending pid */
	size_t		 nlist;
	size_t		 list_cap;
	struct process	**roots;		/* tree roots, ascending pid */
	size_t		 nroots;
	size_t		 roots_cap;
	size_t		 ntasks;		/* threads in the snapshot */

	unsigned	 generation;		/* refresh count, starts at 1 */
	double		 wall;			/* time(2)-like seconds of this refresh */
	double		 mono;			/* monotonic seconds of this refresh */
	double		 interval;		/* since the previous refresh; 0 on the first */
	double		 load[3];
	bool		 load_ok;
	long		 hz;			/* sysconf(_SC_CLK_TCK) */
	long		 page_kb;

	int		*only;			/* -p: thread groups shown; NULL: all */
	size_t		 nonly;

	/* Namespace rechecks of known tasks per refresh (new tasks are always
	 * read); 0 means every task every refresh. */
	size_t		 ns_recheck_budget;
	/* Besides, the network namespace alone of every known task is
	 * rechecked within this many seconds: a round-robin whose budget a
	 * refresh follows from the refresh interval.  0: no such rechecks. */
	double		 ns_net_recheck_period;

	/* Which tasks a refresh reads wchan and syscall of; the others are
	 * read on demand (snapshot_read_wchan, snapshot_read_syscall). */
	enum extras_scope wchan_scope;
	enum extras_scope syscall_scope;

	void		*priv;			/* model internals (user cache, fd budget, scratch) */
};

/* 0, or -errno when the proc root can't be opened. */
int snapshot_init(struct snapshot *s, const char *proc_root);
void snapshot_free(struct snapshot *s);
/* Restrict to these thread groups (copied); n = 0 shows all. */
void snapshot_set_only(struct snapshot *s, const int *tgids, size_t n);
/*
 * One refresh at the given monotonic and wall-clock times (seconds).  Never
 * fails for a task that vanished or is denied: that field's state says so.
 * Returns 0, or -errno when the proc root itself can't be listed.
 */
int snapshot_refresh(struct snapshot *s, double mono, double wall);

/*
 * Bring t's wchan (syscall) up to date when a refresh left it out of scope:
 * reread unless read since t last ran (its stat changed) and recently
 * enough.  Cheap to call for every row drawn.
 */
void snapshot_read_wchan(struct snapshot *s, struct task *t);
void snapshot_read_syscall(struct snapshot *s, struct task *t);

/* Something changed tid's stat behind the refresh's back (tasktop reniced
 * it): the next refresh rereads it even if the task did not run. */
void snapshot_stat_stale(struct snapshot *s, int tid);

struct process *snapshot_process(const struct snapshot *s, int pid);
struct task *snapshot_task(const struct snapshot *s, int tid);

/* CPU% of dticks clock ticks over dt seconds at hz ticks a second (100% = one
 * CPU busy).  0 when dt <= 0. */
double cpu_percent(unsigned long long dticks, double dt, long hz);

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

/* ---- details of one thread, read on demand ------------------------- */

/* What the side pane (and --stack) shows; reread on every cursor move and
 * refresh, for the selected thread only. */
struct task_detail {
	int		 tid;
	int		 tgid;
	enum field_state status_state;
	struct proc_status status;
	enum field_state stack_state;
	struct proc_stack stack;
	enum field_state wchan_state;
	char		 wchan[64];
	enum field_state syscall_state;
	struct proc_syscall syscall;
	enum field_state ns_state[NS_COUNT];
	uint64_t	 ns[NS_COUNT];
};

/* Read the detail of tid in thread group tgid; with_stack false leaves
 * stack_state FIELD_UNREAD. */
void task_detail_read(const struct snapshot *s, int tgid, int tid,
    bool with_stack, struct task_detail *d);
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
/* Row index of a thread's row / a process's row; -1 when not shown. */
long view_find_task(const struct view *v, int tid);
long view_find_process(const struct view *v, int pid);

#endif
