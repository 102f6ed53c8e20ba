/*
 * task_iter.h - what the task walk (task_iter.bpf.c) and bpf.c share: the
 * record it writes for every task into the chunk, and the walk's resume
 * point.  One layout for both sides, fixed-size fields only.  Times in
 * nanoseconds, raw as the kernel keeps them; bpf.c turns them into a
 * struct task_record.
 */
#ifndef TASKTOP_TASK_ITER_H
#define TASKTOP_TASK_ITER_H

/* Records a walk writes before bpf.c takes them: a chunk is the kernel
 * memory the walk keeps (~600 KiB), whatever the number of tasks. */
#define TT_CHUNK	4096

#define TT_COMM_LEN	16	/* TASK_COMM_LEN */
#define TT_NS_COUNT	10	/* enum ns_type's order */

/* Which of ns[] could be read: the nsproxy ones are gone once a task
 * exits (a zombie), as procfs says too. */
#define TT_HAS_NSPROXY	0x1u
#define TT_HAS_PIDNS	0x2u
#define TT_HAS_USERNS	0x4u
#define TT_HAS_MM	0x8u
#define TT_KTHREAD	0x10u	/* PF_KTHREAD: its full name is procfs's */

struct tt_task {
	__u32	tid;
	__u32	tgid;
	__u32	ppid;
	__u32	state;		/* task->__state */
	__u32	exit_state;
	__u32	flags;		/* TT_HAS_* */
	__s32	prio;		/* task->prio */
	__s32	static_prio;
	__u32	nr_threads;
	__u32	cpu;
	__u64	sum_exec_runtime;
	__u64	group_exited_runtime;	/* the group's threads that exited */
	__u64	utime;
	__u64	stime;
	__u64	start_boottime;
	__u64	rss_pages;	/* file + anon + shmem */
	__u64	total_vm;	/* pages */
	__u32	ns[TT_NS_COUNT];
	char	comm[TT_COMM_LEN];
};

/*
 * A walk in chunks: bpf.c zeroes it, then runs the walk until done; each
 * run writes count records and, when the chunk filled, where to resume:
 * the procs-th process (tgid), from its threads-th thread on.  lost: that
 * process exited before the run could resume at it (count is 0), and
 * where to go on is not known for sure: bpf.c starts over, or sets
 * resume_any to go on after where it was.
 */
struct tt_walk {
	__u32	procs;
	__u32	tgid;
	__u32	threads;
	__u32	count;
	__u32	done;
	__u32	lost;
	__u32	resume_any;
};

#endif
