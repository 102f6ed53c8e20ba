/*
 * task_iter.h - the record the task iterator (task_iter.bpf.c) writes for
 * every task, one after another, read by bpf.c: one layout for both sides,
 * fixed-size fields only.  Times in nanoseconds, raw as the kernel keeps
 * them; bpf.c turns them into a struct task_record.
 */
#ifndef TASKTOP_TASK_ITER_H
#define TASKTOP_TASK_ITER_H

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
	__u64	utime;
	__u64	stime;
	__u64	start_boottime;
	__u64	rss_pages;	/* file + anon + shmem */
	__u64	total_vm;	/* pages */
	__u32	ns[TT_NS_COUNT];
	char	comm[TT_COMM_LEN];
};

#endif
