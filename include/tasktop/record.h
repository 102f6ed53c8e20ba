/*
 * record.h - what a source hands the model: one record a task a refresh,
 * between snapshot_begin() and snapshot_end() (docs/ARCHITECTURE.md, "Data
 * flow").  A source reads (procfs files, a BPF task iterator); the model
 * keeps identity by tid, CPU deltas, the tree and the namespace
 * differences, and does no I/O, so its tests feed records like these.
 */
#ifndef TASKTOP_RECORD_H
#define TASKTOP_RECORD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "tasktop/proc.h"

struct snapshot;

/*
 * One task as a source saw it.  Every group of fields has its state: only
 * OK values are taken.  A source that skipped work says so rather than
 * repeat what it read before: stat_same keeps the last stat (and CPU
 * time), a namespace left FIELD_UNREAD keeps the last inode.
 */
struct task_record {
	int		 tid;
	int		 tgid;
	enum field_state stat_state;	/* GONE: exited since listed, left out */
	bool		 stat_same;	/* not reread: the task did not run */
	struct proc_stat stat;		/* comm, state, ppid, starttime, rss … */
	uint64_t	 cpu_ns;	/* user + system time, nanoseconds */
	enum field_state ns_state[NS_COUNT];	/* UNREAD: not read this time */
	uint64_t	 ns[NS_COUNT];
};

/* The machine, once a refresh (the header's meters). */
struct system_record {
	enum field_state cpu_state;
	struct proc_cpustat cpu;
	enum field_state mem_state;
	struct proc_meminfo mem;
	enum field_state uptime_state;
	double		 uptime;
};

/* The counters of a row shown (SHR, CSW/s, IO rates), read on demand. */
struct counters_record {
	enum field_state shr_state;
	unsigned long long shr_kb;
	enum field_state ctxt_state;
	unsigned long long ctxt;	/* voluntary + nonvoluntary switches */
	enum field_state io_state;	/* FIELD_DENIED without ptrace access */
	struct proc_io	 io;
};

/* What identifies a process beyond its tasks' stat, reread only when it
 * may have changed (exec renames comm; a new task behind the pid). */
struct identity_record {
	enum field_state cmdline_state;
	const char	*cmdline;	/* raw, NUL-separated arguments */
	size_t		 cmdline_len;
	enum field_state uid_state;
	uid_t		 uid;		/* real uid */
};

/*
 * A refresh: begin, a record a task (any order; a tid seen twice counts
 * once), optionally the namespaces of tasks already put, end.  After end,
 * the processes whose identity is due (snapshot_next_identity) get it
 * through snapshot_put_identity().  Whatever was not put has exited.
 */
void snapshot_begin(struct snapshot *s, double mono, double wall);
void snapshot_put_load(struct snapshot *s, const double load[3]);
void snapshot_put_system(struct snapshot *s, const struct system_record *r);
void snapshot_put(struct snapshot *s, const struct task_record *r);
/* Later namespace reads of a task put in this refresh (UNREAD: keep). */
void snapshot_put_ns(struct snapshot *s, int tid,
    const enum field_state state[NS_COUNT], const uint64_t ino[NS_COUNT]);
/*
 * The CPU time of a whole thread group, user + system, threads that exited
 * included (the kernel keeps theirs in the group): its TIME+, which the sum
 * of its live threads undercounts.  Put after one of its tasks, this
 * refresh; a group without one shows the sum of its live threads.
 */
void snapshot_put_group_cpu(struct snapshot *s, int tgid, uint64_t cpu_ns);
void snapshot_end(struct snapshot *s);

/* The next process whose cmdline and user are due, to be read through its
 * thread *tid (== *pid: the process's own files); false after the last. */
bool snapshot_next_identity(const struct snapshot *s, size_t *it, int *pid,
    int *tid);
void snapshot_put_identity(struct snapshot *s, int pid,
    const struct identity_record *r);

#endif
