/*
 * stack_collect.c - one live look at a process's threads for its stack
 * groups (tasktop/stack_look.h): each thread looked at, with the state and
 * CPU% the snapshot has for it.
 */
#include "config.h"

#include "tasktop/stack_look.h"

void stack_collect_process(struct stack_looker *lk, const struct snapshot *s,
    const struct process *p, struct stack_groups *gs)
{
	const char *frames[PROC_STACK_MAX_FRAMES];
	char sysbuf[32];

	stack_groups_reset(gs);
	for (size_t i = 0; i < p->nthreads; i++) {
		const struct task *t = p->threads[i];
		bool stat_ok = t->stat_state == FIELD_OK;
		const struct looked_thread *lt;
		struct stack_sample smp = {
			.tid = t->tid,
			.state = stat_ok ? t->stat.state : '?',
			.cpu_valid = stat_ok && t->cpu_valid,
			.cpu_percent = t->cpu_percent,
			.user_state = FIELD_UNREAD,
		};

		/* exited: no longer doing anything */
		if (t->seen != s->generation ||
		    (stat_ok && (t->stat.state == 'Z' || t->stat.state == 'X')))
			continue;
		lt = stack_look(lk, t->tgid, t->tid);
		if (lt == NULL)
			continue;
		looked_thread_sample(lt, &smp, frames, sysbuf, sizeof sysbuf);
		stack_groups_add(gs, &smp);
	}
	stack_groups_finish(gs);
}
