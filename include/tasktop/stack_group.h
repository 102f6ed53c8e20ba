/*
 * stack_group.h - the threads of a process grouped by identical call chain
 * (docs/ARCHITECTURE.md "Stack groups"): what 400 threads are doing, as 3
 * rows instead of 400.
 *
 * The grouping is pure: it is fed one record a thread (or, sampling, one a
 * thread a round) holding the frames already read, and keeps its own copy
 * of each group's chain.  Kernel frames are compared by symbol without
 * offset ("futex_wait_queue+0x6c/0xb0" is "futex_wait_queue"), user frames
 * by function, inlined frames not at all, so threads spinning in one loop
 * at different pcs are one group.  A thread whose kernel stack could not be
 * read is grouped by its wchan and syscall instead, and its group says so;
 * when those could not be read either (another user's task, unprivileged),
 * the thread goes with the others nothing was read of (STACK_BASIS_NONE),
 * which the outputs show as not grouped, never as one more group.
 *
 * Reading what is fed is the on-demand side's (tasktop/stack_look.h).
 */
#ifndef TASKTOP_STACK_GROUP_H
#define TASKTOP_STACK_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/proc.h"
#include "tasktop/text.h"

/* A user-space frame as an unwinder gives it. */
struct stack_frame {
	const char	*text;		/* as shown, raw bytes */
	const char	*function;	/* compared; NULL: unknown, text is */
	bool		 inlined;	/* inlined into the next frame: shown only */
};

/* One thread (at one sampling round): what grouping needs of it. */
struct stack_sample {
	int		 tid;
	char		 state;			/* R S D …; '?' unknown */
	bool		 cpu_valid;
	double		 cpu_percent;
	enum field_state kernel_state;		/* FIELD_OK: kernel[] is its stack */
	const char *const *kernel;		/* innermost first, "sym+0x1f/0x80" */
	int		 nkernel;
	bool		 kernel_truncated;	/* deeper than was kept */
	enum field_state user_state;		/* FIELD_UNREAD: not unwound */
	const struct stack_frame *user;		/* innermost first */
	int		 nuser;
	const char	*user_error;		/* why no user stack; NULL: the state says */
	/* What groups a thread whose kernel stack is unreadable; NULL unknown. */
	const char	*wchan;
	const char	*syscall;		/* a name, or "running" */
};

/* What a group's threads were compared by. */
enum stack_basis {
	STACK_BASIS_KERNEL,	/* the kernel stack (and the user one when unwound) */
	STACK_BASIS_WCHAN,	/* the kernel stack unreadable: wchan and syscall */
	STACK_BASIS_NONE,	/* nothing read (no kernel or user stack, wchan,
				 * syscall): its threads are not a group, only
				 * the ones nothing could be said of */
};

#define STACK_STATES_MAX 16

struct stack_state_count {
	char		 state;
	unsigned long	 n;
};

struct stack_group {
	unsigned long	 weight;		/* threads; sampled: thread-samples */
	int		*tids;			/* ascending, distinct (after finish) */
	size_t		 ntids;
	size_t		 tids_cap;
	struct stack_state_count states[STACK_STATES_MAX];	/* by letter */
	size_t		 nstates;
	bool		 cpu_valid;
	double		 cpu_percent;		/* sum over its threads */

	/* The chain, as the first thread fed showed it. */
	enum stack_basis basis;
	enum field_state kernel_state;		/* why the basis is wchan */
	char		**kernel;		/* [] with in_user: in user space */
	int		 nkernel;
	bool		 kernel_truncated;
	bool		 in_user;		/* no kernel frame but entry/exit ones */
	enum field_state user_state;
	struct stack_frame *user;		/* owned copies */
	int		 nuser;
	char		*user_error;		/* NULL: field_state_str(user_state) */
	char		*wchan;			/* STACK_BASIS_WCHAN; NULL unknown */
	char		*syscall;

	char		*key;			/* what was compared */
	size_t		 key_len;
	uint64_t	 hash;
};

struct stack_groups {
	struct stack_group *g;			/* largest first after finish */
	size_t		 n;
	size_t		 cap;
	unsigned long	 total;			/* sum of the weights */
	unsigned long	 rounds;		/* sampling rounds; 0: one live look */
	size_t		*slots;			/* hash -> group index + 1; 0 free */
	size_t		 nslots;
	struct buf	 scratch;		/* the key being built */
	struct buf	 symbol;		/* a frame's symbol, being compared */
};

void stack_groups_init(struct stack_groups *gs);
void stack_groups_free(struct stack_groups *gs);
/* Forget every group (memory kept for the next look). */
void stack_groups_reset(struct stack_groups *gs);
/* Count one thread (one thread-sample) into its group. */
void stack_groups_add(struct stack_groups *gs, const struct stack_sample *t);
/* Order the groups largest first (then by lowest tid) and their tids. */
void stack_groups_finish(struct stack_groups *gs);
/* The group holding tid, or NULL. */
const struct stack_group *stack_groups_find_tid(const struct stack_groups *gs,
    int tid);

/* ---- frames (stack_frame.c) ---------------------------------------- */

/* The symbol of a kernel frame without its offset: "sym [module]" of
 * "sym+0x1f/0x80 [module]".  Appended to out. */
void stack_kernel_symbol(struct buf *out, const char *frame);
/* A frame of the kernel's entry and exit paths: a stack of nothing else is
 * a thread interrupted in user space. */
bool stack_frame_is_entry(const char *symbol, size_t len);
/* A frame that says nothing of why a thread waits (schedule and kin). */
bool stack_frame_is_boring(const char *symbol, size_t len);

/*
 * The chain in one line, innermost interesting frame first, by symbol or
 * function: "futex_wait_queue <- futex_wait <- do_futex"; with user frames
 * the innermost interesting kernel frame, then the user functions (inlined
 * calls left out): "futex_wait_queue <- pthread_cond_wait <- pool_worker".  arrow
 * separates the frames (" ← " or " <- " as the terminal allows).  Raw
 * bytes: sanitize before display.
 */
void stack_group_summary(struct buf *out, const struct stack_group *g,
    const char *arrow);
/* The states: "S" when all share one, else "38 S 2 R". */
void stack_group_states(struct buf *out, const struct stack_group *g);
/* The chain unfolded: its lines (kernel frames, or wchan and syscall, or
 * "in user space"; then user frames), and line i appended to out. */
int stack_group_chain_lines(const struct stack_group *g);
void stack_group_chain_line(const struct stack_group *g, int i,
    struct buf *out);
/* Ascending tids as ranges: "1201-1240,1250". */
void stack_tids_ranges(struct buf *out, const int *tids, size_t n);

#endif
