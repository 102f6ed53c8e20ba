/*
 * stack_look.h - reading what stack groups are made of (docs/ARCHITECTURE.md
 * "Stack groups"): the on-demand side, by tid.  The grouping itself is
 * pure (tasktop/stack_group.h).
 *
 * A looker keeps, for each thread it looked at, its schedstat (through an
 * fd kept open) and what it read: the state, the kernel stack and, when the
 * stack is unreadable, wchan and syscall.  Looking again first rereads the
 * schedstat: while it stands still the thread has not run, so it is still
 * where it was and nothing else is read.  A live view of 1,000 parked
 * threads, or 20 sampling rounds a second, so costs a pread a thread.
 */
#ifndef TASKTOP_STACK_LOOK_H
#define TASKTOP_STACK_LOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/detail.h"
#include "tasktop/intmap.h"
#include "tasktop/model.h"
#include "tasktop/proc.h"
#include "tasktop/source.h"
#include "tasktop/stack_group.h"

#define STACK_LOOK_SCHED_MAX	96	/* "run_ns wait_ns slices\n" */

struct looked_thread {
	int		 tgid;
	int		 sched_fd;		/* -1: read by path */
	char		 sched[STACK_LOOK_SCHED_MAX];	/* the bytes last read */
	size_t		 sched_len;
	bool		 known;			/* read at least once */
	unsigned	 epoch;			/* the last look that saw it */

	char		 state;			/* from stat; '?' unknown */
	enum field_state stack_state;
	bool		 truncated;
	int		 nframes;
	char		*frames;		/* NUL-separated, innermost first */
	/* read only when the stack is unreadable */
	enum field_state wchan_state;
	char		 wchan[64];
	enum field_state syscall_state;
	struct proc_syscall syscall;
};

struct stack_looker {
	const struct proc_root *root;		/* schedstat and stat below it */
	struct detail_reader *detail;		/* the stack, wchan, syscall */
	struct task_detail *scratch;
	struct intmap	 threads;		/* tid -> struct looked_thread * */
	unsigned	 epoch;
	size_t		 kept_fds;
	size_t		 max_kept_fds;		/* a share of RLIMIT_NOFILE */
	size_t		 stack_reads;		/* stacks read, for tests */
};

/* Looking through src (a procfs root: kernel stacks are procfs's). */
void stack_looker_init(struct stack_looker *lk, struct source *src);
void stack_looker_free(struct stack_looker *lk);
/* Around each pass over the threads: the end forgets (and closes the fd
 * of) every thread the pass did not look at. */
void stack_looker_begin(struct stack_looker *lk);
void stack_looker_end(struct stack_looker *lk);
/* Look at thread tid of tgid now; NULL when it has exited. */
const struct looked_thread *stack_look(struct stack_looker *lk, int tgid,
    int tid);
/* Fill smp's kernel, wchan and syscall fields from lt; frames holds
 * PROC_STACK_MAX_FRAMES pointers, sysbuf a syscall number's word. */
void looked_thread_sample(const struct looked_thread *lt,
    struct stack_sample *smp, const char **frames, char *sysbuf,
    size_t syscap);

/* ---- live: one look at a process (stack_collect.c) ------------------ */

/* Reset gs and group p's live threads into it, with the states and CPU%
 * of the snapshot (finished: largest first). */
void stack_collect_process(struct stack_looker *lk, const struct snapshot *s,
    const struct process *p, struct stack_groups *gs);

/* ---- sampled: rounds over processes (stack_sample.c) ---------------- */

/*
 * psn's idea, live: the threads of some processes sampled round after round
 * (20 a second, for a few seconds), each round a thread-sample into its
 * process's groups, so a group's weight over the total is its share of
 * thread-time.  The threads are those of the processes when sampling
 * starts; one that exits stops counting.
 */
struct sampled_process {
	int		 pid;
	struct stack_groups groups;
};

struct stack_sampler {
	struct stack_looker looker;
	int		*tids;			/* with tgids[], procs[] */
	int		*tgids;
	size_t		*proc_of;
	size_t		 nthreads;
	struct sampled_process *procs;
	size_t		 nprocs;
	unsigned long	 rounds;		/* done */
};

void stack_sampler_init(struct stack_sampler *sm, struct source *src);
void stack_sampler_free(struct stack_sampler *sm);
/* Sample the live threads of these processes (ascending pid, as the
 * snapshot lists them) from now on, forgetting any earlier sampling. */
void stack_sampler_start(struct stack_sampler *sm, const struct snapshot *s,
    const struct process *const *procs, size_t n);
/* One round: every thread, once. */
void stack_sampler_round(struct stack_sampler *sm);
/* Order every process's groups (after a round; more may follow). */
void stack_sampler_finish(struct stack_sampler *sm);
/* The groups sampled of pid; NULL when it was not sampled. */
const struct stack_groups *stack_sampler_groups(const struct stack_sampler *sm,
    int pid);

#endif
