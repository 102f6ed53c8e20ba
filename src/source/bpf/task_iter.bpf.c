// SPDX-License-Identifier: GPL-2.0
/*
 * task_iter.bpf.c - every task in one read: an iter/task program writing a
 * struct tt_task per task into the seq file bpf.c reads.  CO-RE: field
 * offsets are relocated against the running kernel's BTF at load time, so
 * one object serves every kernel with the same field names
 * (docs/ARCHITECTURE.md, "The BPF source").
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#include "task_iter.h"

char LICENSE[] SEC("license") = "GPL";

#define TT_PF_KTHREAD		0x00200000	/* PF_KTHREAD */

/* enum mm_counter_type */
#define TT_MM_FILEPAGES		0
#define TT_MM_ANONPAGES		1
#define TT_MM_SHMEMPAGES	3

/*
 * ctx->task is a trusted pointer: its fields, and those of the structures
 * it points to, are read with plain loads (relocated by CO-RE, faulting
 * safely on a pointer gone stale), not a helper call each: at 60,000 tasks
 * the helper calls were most of the program's cost.
 */

/* The kernel's own reading of a counter (percpu_counter_read_positive):
 * what procfs shows too. */
static __u64 mm_counter(struct mm_struct *mm, int i)
{
	s64 v = mm->rss_stat[i].count;

	return v > 0 ? (__u64)v : 0;
}

static void read_mm(struct task_struct *task, struct tt_task *r)
{
	struct mm_struct *mm = task->mm;

	if (!mm)
		return;
	r->flags |= TT_HAS_MM;
	r->rss_pages = mm_counter(mm, TT_MM_FILEPAGES) +
	    mm_counter(mm, TT_MM_ANONPAGES) + mm_counter(mm, TT_MM_SHMEMPAGES);
	r->total_vm = mm->total_vm;
}

/* In enum ns_type's order: cgroup ipc mnt net pid pid_for_children time
 * time_for_children user uts. */
static void read_ns(struct task_struct *task, struct tt_task *r)
{
	struct nsproxy *nsp = task->nsproxy;
	struct pid *pid = task->thread_pid;
	const struct cred *cred = task->real_cred;
	unsigned int level;

	if (nsp) {
		r->flags |= TT_HAS_NSPROXY;
		r->ns[0] = nsp->cgroup_ns->ns.inum;
		r->ns[1] = nsp->ipc_ns->ns.inum;
		r->ns[2] = nsp->mnt_ns->ns.inum;
		r->ns[3] = nsp->net_ns->ns.inum;
		r->ns[5] = nsp->pid_ns_for_children->ns.inum;
		r->ns[6] = nsp->time_ns->ns.inum;
		r->ns[7] = nsp->time_ns_for_children->ns.inum;
		r->ns[9] = nsp->uts_ns->ns.inum;
	}
	if (pid) {
		/* task_active_pid_ns(): the pid's deepest level (a variable
		 * index: through the helper) */
		level = pid->level;
		r->ns[4] = BPF_CORE_READ(pid, numbers[level].ns, ns.inum);
		r->flags |= r->ns[4] ? TT_HAS_PIDNS : 0;
	}
	if (cred) {
		r->ns[8] = cred->user_ns->ns.inum;
		r->flags |= r->ns[8] ? TT_HAS_USERNS : 0;
	}
}

SEC("iter/task")
int tt_dump(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	struct tt_task r;

	if (!task)
		return 0;
	__builtin_memset(&r, 0, sizeof(r));
	r.tid = task->pid;
	r.tgid = task->tgid;
	r.ppid = task->real_parent->tgid;
	r.state = task->__state;
	r.exit_state = task->exit_state;
	r.prio = task->prio;
	r.static_prio = task->static_prio;
	r.nr_threads = task->signal->nr_threads;
	r.cpu = task->thread_info.cpu;
	r.sum_exec_runtime = task->se.sum_exec_runtime;
	r.utime = task->utime;
	r.stime = task->stime;
	r.start_boottime = task->start_boottime;
	__builtin_memcpy(r.comm, task->comm, sizeof(r.comm));
	r.comm[sizeof(r.comm) - 1] = '\0';
	if (task->flags & TT_PF_KTHREAD)
		r.flags |= TT_KTHREAD;
	read_mm(task, &r);
	read_ns(task, &r);
	bpf_seq_write(seq, &r, sizeof(r));
	return 0;
}
