/*
 * internal.h - what the batch and JSON writers share.
 */
#ifndef TASKTOP_OUT_INTERNAL_H
#define TASKTOP_OUT_INTERNAL_H

#include <string.h>

#include "tasktop/cli.h"
#include "tasktop/model.h"
#include "tasktop/detail.h"
#include "tasktop/out.h"
#include "tasktop/stack_group.h"
#include "tasktop/stack_look.h"
#include "tasktop/text.h"

/* The length of t's wait channel, 0 when there is none to show: unreadable,
 * or the kernel's "0" (running, or not allowed), which the source reports
 * as unavailable. */
static inline size_t out_wchan_len(const struct task *t)
{
	const struct task_shown *sh = task_shown(t);

	return sh->wchan_state == FIELD_OK ?
	    strnlen(sh->wchan, sizeof sh->wchan) : 0;
}

/* json_ns.c: the snapshot's "namespaces" key and value (o is scratch), and
 * a thread's "ns_change" and "born_foreign" keys and values. */
void json_namespaces(struct buf *out, const struct snapshot *s,
    struct ns_overview *o, struct detail_reader *c, bool with_contents);
void json_ns_change(struct buf *out, const struct task *t);

/* batch.c: "tasktop - 12:00:00, N processes, M threads, load average: …" */
void out_batch_header(struct buf *out, const struct snapshot *s);

/* json_stacks.c: the "stack_groups" array of one process (--stacks). */
void out_json_stack_groups(struct buf *out, const struct stack_groups *gs);

/* run_stacks.c: the groups --stacks writes, live or sampled. */
struct out_stacks {
	struct snapshot	*snap;
	bool		 enabled;
	long		 samples;		/* rounds; 0: one live look */
	double		 interval;
	struct stack_looker looker;		/* live */
	const struct intmap *ustacks;		/* --ustack: tid -> unwind result */
	struct stack_groups live;		/* the process being written */
	struct stack_sampler sampler;
};

void out_stacks_init(struct out_stacks *st, const struct cli_opts *cli,
    struct source *src, struct snapshot *s);
void out_stacks_free(struct out_stacks *st);
/* Before a refresh is written: sample when asked (sleep_for between
 * rounds; false when it was cut short) and point o at the groups. */
bool out_stacks_prepare(struct out_stacks *st, struct out_opts *o,
    bool (*sleep_for)(double seconds));
/* After it is written: forget the threads that exited. */
void out_stacks_done(struct out_stacks *st);

#endif
