/*
 * out.h - the non-interactive outputs: batch text (-b, like top -b) and JSON
 * Lines (--json, the schema in docs/ARCHITECTURE.md).  Writers fill a buffer
 * from a snapshot; what only procfs has (a stack) comes through the detail
 * reader (tasktop/detail.h), never by opening a file here.
 */
#ifndef TASKTOP_OUT_H
#define TASKTOP_OUT_H

#include <stdbool.h>

#include "tasktop/cli.h"
#include "tasktop/detail.h"
#include "tasktop/intmap.h"
#include "tasktop/model.h"
#include "tasktop/source.h"
#include "tasktop/stack_group.h"
#include "tasktop/text.h"

struct ns_cache;
struct ns_overview;
/* The groups of a process to write (--stacks): looked live or sampled by
 * the caller; NULL when it has none. */
typedef const struct stack_groups *out_stack_groups_fn(void *ctx,
    const struct process *p);

struct out_opts {
	bool		 threads;		/* batch: a row per thread (-H) */
	bool		 stack;			/* json: read each thread's stack */
	struct detail_reader *detail;		/* json --stack reads through it */
	bool		 netns;			/* json: what each netns holds (--netns) */
	struct ns_overview *overview;		/* json: scratch for "namespaces"; NULL none */
	const struct intmap *expanded;		/* batch: pid -> shows its threads (-p TID) */
	out_stack_groups_fn *stack_groups;	/* --stacks; NULL without */
	void		*stack_ctx;
	double		 sample_interval;	/* --samples: seconds apart */
	const char	*source;		/* "bpf", "procfs": JSON's "source" */
	bool		 ustack;		/* --ustack: show user stacks */
	const struct intmap *ustacks;		/* tid -> struct unwind_result * */
};

/* The user stacks of the threads a sample shows (--ustack), unwound by
 * the helper before the sample is written. */
struct unwinder;
struct out_ustacks {
	struct unwinder	*unwinder;
	struct intmap	 by_tid;		/* tid -> struct unwind_result * */
};
/* The processes named (-p ids) are prepared at once (unwinder_prepare),
 * while the first sample is read: nothing stopped before it is. */
void out_ustacks_init(struct out_ustacks *us, const int *ids, size_t nids);
void out_ustacks_free(struct out_ustacks *us);
/* Unwind the threads a sample shows: every thread of s, or without threads
 * the leaders and every thread of the processes in expanded; one stopped
 * at a time.  Waits for the last result (each bounded by the helper's
 * deadlines). */
void out_ustacks_collect(struct out_ustacks *us, const struct snapshot *s,
    bool threads, const struct intmap *expanded);

/* A header line then the tree; no raw control byte from any name. */
void out_batch_write(struct buf *out, const struct snapshot *s,
    struct view *scratch, const struct out_opts *o);
/* -b --stacks: a header line, then each process's groups, largest first;
 * each group's line begins with its count and "threads" ("thread"). */
void out_batch_stacks_write(struct buf *out, const struct snapshot *s,
    const struct out_opts *o);
/* One JSON object and a newline. */
void out_json_write(struct buf *out, const struct snapshot *s,
    const struct out_opts *o);

/* What the writers show beside the records, read through src when stale:
 * the wait channel of every thread (every) or of the leaders, and with
 * syscalls every thread's syscall too.  --json wants both for all. */
void out_fill_extras(struct source *src, struct snapshot *s, bool every,
    bool syscalls);

/* Run -b or --json to completion: refresh s from src, write, sleep -d,
 * -n times.  Returns the exit status. */
int out_run(const struct cli_opts *cli, struct source *src,
    struct snapshot *s);

#endif
