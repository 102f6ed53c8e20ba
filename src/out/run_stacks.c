/*
 * run_stacks.c - what -b/--json --stacks write for each process: its
 * threads grouped live (a look right after the refresh), or sampled over
 * --samples rounds --interval apart (docs/ARCHITECTURE.md "Stack groups").
 */
#include "config.h"

#include <string.h>

#include "internal.h"
#include "tasktop/unwind_groups.h"

/* The writers ask for a process's groups as they reach it: one live look
 * at a time, so 10,000 processes never hold 10,000 sets of groups. */
static const struct stack_groups *out_stacks_live(void *ctx,
    const struct process *p)
{
	struct out_stacks *st = ctx;

	/* --ustack: the kernel frames each result carries were read just
	 * before its thread was stopped, so the two chains go together */
	if (st->ustacks != NULL)
		stack_collect_unwound(st->snap, p, st->ustacks, &st->live);
	else
		stack_collect_process(&st->looker, st->snap, p, &st->live);
	return &st->live;
}

static const struct stack_groups *out_stacks_sampled(void *ctx,
    const struct process *p)
{
	struct out_stacks *st = ctx;

	return stack_sampler_groups(&st->sampler, p->pid);
}

void out_stacks_init(struct out_stacks *st, const struct cli_opts *cli,
    struct source *src, struct snapshot *s)
{
	memset(st, 0, sizeof *st);
	st->snap = s;
	st->enabled = cli->stacks;
	st->samples = cli->samples;
	st->interval = cli->sample_interval;
	stack_looker_init(&st->looker, src);
	stack_groups_init(&st->live);
	stack_sampler_init(&st->sampler, src);
}

void out_stacks_free(struct out_stacks *st)
{
	stack_looker_free(&st->looker);
	stack_groups_free(&st->live);
	stack_sampler_free(&st->sampler);
}

bool out_stacks_prepare(struct out_stacks *st, struct out_opts *o,
    bool (*sleep_for)(double seconds))
{
	if (!st->enabled)
		return true;
	o->stack_ctx = st;
	o->sample_interval = st->interval;
	st->ustacks = o->ustack ? o->ustacks : NULL;
	if (st->samples == 0) {
		stack_looker_begin(&st->looker);
		o->stack_groups = out_stacks_live;
		return true;
	}
	o->stack_groups = out_stacks_sampled;
	stack_sampler_start(&st->sampler, st->snap,
	    (const struct process *const *)st->snap->list, st->snap->nlist);
	for (long r = 0; r < st->samples; r++) {
		if (r > 0 && !sleep_for(st->interval))
			return false;
		stack_sampler_round(&st->sampler);
	}
	stack_sampler_finish(&st->sampler);
	return true;
}

void out_stacks_done(struct out_stacks *st)
{
	if (st->enabled && st->samples == 0)
		stack_looker_end(&st->looker);
}
