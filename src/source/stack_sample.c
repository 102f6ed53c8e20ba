/*
 * stack_sample.c - sampling some processes' threads round after round
 * (tasktop/stack_look.h): each round looks at every thread once and counts
 * a thread-sample into its process's groups, with the state the look read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/stack_look.h"
#include "tasktop/util.h"

void stack_sampler_init(struct stack_sampler *sm, struct source *src)
{
	memset(sm, 0, sizeof *sm);
	stack_looker_init(&sm->looker, src);
}

static void sampler_clear(struct stack_sampler *sm)
{
	for (size_t i = 0; i < sm->nprocs; i++)
		stack_groups_free(&sm->procs[i].groups);
	free(sm->procs);
	free(sm->tids);
	free(sm->tgids);
	free(sm->proc_of);
	sm->procs = NULL;
	sm->tids = sm->tgids = NULL;
	sm->proc_of = NULL;
	sm->nthreads = sm->nprocs = 0;
	sm->rounds = 0;
}

void stack_sampler_free(struct stack_sampler *sm)
{
	sampler_clear(sm);
	stack_looker_free(&sm->looker);
}

static void *array_or_die(size_t n, size_t size)
{
	return oom_calloc(n ? n : 1, size, "sampling");
}

static size_t live_threads(const struct snapshot *s,
    const struct process *const *procs, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < procs[i]->nthreads; j++)
			count += procs[i]->threads[j]->seen == s->generation;
	return count;
}

static void sampler_add_process(struct stack_sampler *sm,
    const struct snapshot *s, const struct process *p)
{
	struct sampled_process *sp = &sm->procs[sm->nprocs];

	sp->pid = p->pid;
	stack_groups_init(&sp->groups);
	for (size_t j = 0; j < p->nthreads; j++) {
		const struct task *t = p->threads[j];
		if (t->seen != s->generation)
			continue;
		sm->tids[sm->nthreads] = t->tid;
		sm->tgids[sm->nthreads] = t->tgid;
		sm->proc_of[sm->nthreads] = sm->nprocs;
		sm->nthreads++;
	}
	sm->nprocs++;
}

void stack_sampler_start(struct stack_sampler *sm, const struct snapshot *s,
    const struct process *const *procs, size_t n)
{
	size_t threads = live_threads(s, procs, n);

	sampler_clear(sm);
	sm->procs = array_or_die(n, sizeof *sm->procs);
	sm->tids = array_or_die(threads, sizeof *sm->tids);
	sm->tgids = array_or_die(threads, sizeof *sm->tgids);
	sm->proc_of = array_or_die(threads, sizeof *sm->proc_of);
	for (size_t i = 0; i < n; i++)
		sampler_add_process(sm, s, procs[i]);
}

void stack_sampler_round(struct stack_sampler *sm)
{
	const char *frames[PROC_STACK_MAX_FRAMES];
	char sysbuf[32];

	stack_looker_begin(&sm->looker);
	for (size_t i = 0; i < sm->nthreads; i++) {
		const struct looked_thread *lt = stack_look(&sm->looker,
		    sm->tgids[i], sm->tids[i]);
		struct stack_sample smp = {
			.tid = sm->tids[i],
			.user_state = FIELD_UNREAD,
		};

		if (lt == NULL)
			continue;
		smp.state = lt->state;
		looked_thread_sample(lt, &smp, frames, sysbuf, sizeof sysbuf);
		stack_groups_add(&sm->procs[sm->proc_of[i]].groups, &smp);
	}
	stack_looker_end(&sm->looker);
	sm->rounds++;
	for (size_t i = 0; i < sm->nprocs; i++)
		sm->procs[i].groups.rounds = sm->rounds;
}

void stack_sampler_finish(struct stack_sampler *sm)
{
	for (size_t i = 0; i < sm->nprocs; i++)
		stack_groups_finish(&sm->procs[i].groups);
}

/* procs[] is in the order given, ascending pid as the snapshot lists. */
const struct stack_groups *stack_sampler_groups(const struct stack_sampler *sm,
    int pid)
{
	size_t lo = 0, hi = sm->nprocs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sm->procs[mid].pid == pid)
			return &sm->procs[mid].groups;
		if (sm->procs[mid].pid < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
