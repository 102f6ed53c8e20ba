// SPDX-License-Identifier: GPL-2.0
/*
 * task_iter.bpf.c - every task in one walk: a syscall program, run by
 * bpf.c through BPF_PROG_RUN, walks the kernel's process list and each
 * process's thread list with the open-coded task iterators (no pid lookup
 * a task, as iter/task does) and writes a struct tt_task a task into an
 * array bpf.c has mapped, a chunk at a time.  CO-RE: field offsets are
 * relocated against the running kernel's BTF at load time, so one object
 * serves every kernel with the same field names (docs/ARCHITECTURE.md,
 * "The BPF source").
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
 * The iterators' task pointers are trusted (RCU-protected, the walk holds
 * the read lock): their fields, and those of the structures they point to,
 * are read with plain loads (relocated by CO-RE, faulting safely on a
 * pointer gone stale), not a helper call each: at 60,000 tasks the helper
 * calls were most of the program's cost.
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
static void read_pid_ns(struct task_struct *task, struct tt_task *r)
{
	struct pid *pid = task->thread_pid;
	unsigned int level;

	if (!pid)
		return;
	/* task_active_pid_ns(): the pid's deepest level.  A variable index
	 * goes through the helper; the first two levels (nearly every task)
	 * are plain loads. */
	level = pid->level;
	if (level == 0)
		r->ns[4] = pid->numbers[0].ns->ns.inum;
	else if (level == 1)
		r->ns[4] = pid->numbers[1].ns->ns.inum;
	else
		r->ns[4] = BPF_CORE_READ(pid, numbers[level].ns, ns.inum);
	r->flags |= r->ns[4] ? TT_HAS_PIDNS : 0;
}

static void read_ns(struct task_struct *task, struct tt_task *r)
{
	struct nsproxy *nsp = task->nsproxy;
	const struct cred *cred = task->real_cred;

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
	if (cred) {
		r->ns[8] = cred->user_ns->ns.inum;
		r->flags |= r->ns[8] ? TT_HAS_USERNS : 0;
	}
}

/* The open-coded task iterators and what they need (kernel 6.7). */
extern int bpf_iter_task_new(struct bpf_iter_task *it,
    struct task_struct *task, unsigned int flags) __ksym;
extern struct task_struct *bpf_iter_task_next(struct bpf_iter_task *it) __ksym;
extern void bpf_iter_task_destroy(struct bpf_iter_task *it) __ksym;
extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;

/* The chunk: bpf.c sizes it (TT_CHUNK records) and maps it. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__type(key, __u32);
	__type(value, struct tt_task);
	__uint(max_entries, TT_CHUNK);
} tt_tasks SEC(".maps");

/* Where a walk resumes, and where it stopped (task_iter.h). */
struct tt_walk tt_walk_state;

/* A global function's argument the verifier takes as a trusted task
 * pointer (kernel 6.8), as the iterator's are. */
#define __arg_trusted	__attribute__((btf_decl_tag("arg:trusted")))

/*
 * What a live thread shares with its group's first live thread: the mm
 * (CLONE_THREAD needs CLONE_VM), the parent (threads are reparented
 * together) and the pid namespace (clone refuses CLONE_THREAD once
 * pid_for_children differs).  Taken from that thread's record, they spare
 * three of the cache lines a task costs (the walk is bound by them): its
 * mm pointer's, real_parent's and thread_pid's.  An exiting thread
 * between dropping its mm and becoming a zombie shows its group's rss
 * for that moment.
 */
static void take_group(struct tt_task *r, const struct tt_task *group)
{
	r->ppid = group->ppid;
	r->flags |= group->flags & (TT_HAS_MM | TT_HAS_PIDNS);
	r->rss_pages = group->rss_pages;
	r->total_vm = group->total_vm;
	r->ns[4] = group->ns[4];
}

/*
 * One task's record; group: the record of its group's first live thread
 * in this chunk, or NULL.  A global function: the verifier checks it
 * once, not once a path through the walk's loops: the walk loaded in a
 * quarter of a second with it inlined (each field of a trusted pointer is
 * a BTF lookup by name in the verifier), in ~50 ms so.
 */
__noinline int tt_fill(struct task_struct *task __arg_trusted,
    struct tt_task *r, const struct tt_task *group)
{
	if (!r)
		return 0;
	__builtin_memset(r, 0, sizeof *r);
	r->tid = task->pid;
	r->tgid = task->tgid;
	r->state = task->__state;
	r->exit_state = task->exit_state;
	r->prio = task->prio;
	r->static_prio = task->static_prio;
	r->nr_threads = task->signal->nr_threads;
	r->cpu = task->thread_info.cpu;
	r->sum_exec_runtime = task->se.sum_exec_runtime;
	r->group_exited_runtime = task->signal->sum_sched_runtime;
	r->utime = task->utime;
	r->stime = task->stime;
	r->start_boottime = task->start_boottime;
	__builtin_memcpy(r->comm, task->comm, sizeof r->comm);
	r->comm[sizeof r->comm - 1] = '\0';
	if (task->flags & TT_PF_KTHREAD)
		r->flags |= TT_KTHREAD;
	if (group && r->exit_state == 0) {
		take_group(r, group);
	} else {
		r->ppid = task->real_parent->tgid;
		read_mm(task, r);
		read_pid_ns(task, r);
	}
	read_ns(task, r);
	return 0;
}

/*
 * A process's threads from the thread *skip on, into the chunk from *n;
 * false when the chunk filled first (*skip then says where it stopped).
 * The process is passed as a reference of its own (the thread iterator
 * takes no pointer the process iterator returns).
 */
static bool walk_threads(struct task_struct *p, __u32 *n, __u32 *skip)
{
	struct task_struct *g = bpf_task_from_pid(p->tgid);
	struct bpf_iter_task it;
	struct task_struct *t;
	const struct tt_task *group = NULL;
	__u32 seen = 0;
	bool fits = true;

	if (!g)
		return true;		/* exited since listed */
	bpf_iter_task_new(&it, g, BPF_TASK_ITER_PROC_THREADS);
	while ((t = bpf_iter_task_next(&it))) {
		struct tt_task *r;

		if (seen++ < *skip)
			continue;
		r = bpf_map_lookup_elem(&tt_tasks, n);
		if (!r) {
			fits = false;
			*skip = seen - 1;
			break;
		}
		tt_fill(t, r, group);
		if (!group && r->exit_state == 0)
			group = r;
		(*n)++;
	}
	bpf_iter_task_destroy(&it);
	bpf_task_release(g);
	return fits;
}

/*
 * One chunk of the walk.  It resumes at the process it stopped at: found
 * by its tgid, which also holds when processes listed before it exited in
 * between (the list only grows at its tail).  When that process exited
 * too, the processes after it may have moved up past the position: the
 * run says it lost its place, unless told to go on from the position.
 */
SEC("syscall")
int tt_walk(void *ctx)
{
	struct tt_walk *w = &tt_walk_state;
	struct bpf_iter_task it;
	struct task_struct *p;
	__u32 n = 0, pos = 0, skip;
	bool found = w->procs == 0;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	w->done = 1;
	while ((p = bpf_iter_task_next(&it))) {
		if (!found && p->tgid != w->tgid && pos < w->procs) {
			pos++;
			continue;
		}
		if (!found && p->tgid != w->tgid) {
			if (!w->resume_any) {
				w->lost = 1;
				w->done = 0;
				break;
			}
			w->threads = 0;	/* it exited: go on after it */
		}
		found = true;
		skip = w->threads;
		if (!walk_threads(p, &n, &skip)) {
			w->procs = pos;
			w->tgid = p->tgid;
			w->threads = skip;
			w->done = 0;
			break;
		}
		w->threads = 0;
		pos++;
	}
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	w->count = n;
	return 0;
}
