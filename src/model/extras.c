/*
 * extras.c - wchan and syscall: read on demand for the rows shown (and by
 * JSON for every thread), kept until stale.
 *
 * They cost an open+read+close each, as much as stat, yet only the rows
 * shown need them.  A task that did not run since they were read (its stat
 * did not change) is still blocked where it was, so they are not reread;
 * but a task woken and not yet on a CPU shows no wchan before its stat
 * moves, so nothing is kept longer than twice EXTRAS_MAX_AGE, spread by tid
 * (docs/ARCHITECTURE.md, "Skip-work rules").
 */
#include "config.h"

#include <stdio.h>

#include "tasktop/model.h"
#include "tasktop/util.h"

#define EXTRAS_MAX_AGE	1.0

static bool extra_stale(const struct snapshot *s, const struct task *t,
    unsigned gen, double mono)
{
	return gen == 0 || gen < t->ran_gen ||
	    s->mono - mono >= age_spread(EXTRAS_MAX_AGE, t->tid);
}

bool snapshot_wchan_stale(const struct snapshot *s, const struct task *t)
{
	return extra_stale(s, t, task_shown(t)->wchan_gen,
	    task_shown(t)->wchan_mono);
}

bool snapshot_syscall_stale(const struct snapshot *s, const struct task *t)
{
	return extra_stale(s, t, task_shown(t)->syscall_gen,
	    task_shown(t)->syscall_mono);
}

void snapshot_put_wchan(struct snapshot *s, struct task *t,
    enum field_state st, const char *wchan)
{
	struct task_shown *sh = task_shown_mut(t);

	sh->wchan_state = st;
	if (st == FIELD_OK)
		snprintf(sh->wchan, sizeof sh->wchan, "%s", wchan);
	else
		sh->wchan[0] = '\0';
	sh->wchan_gen = s->generation;
	sh->wchan_mono = s->mono;
}

void snapshot_put_syscall(struct snapshot *s, struct task *t,
    enum field_state st, const struct proc_syscall *sc)
{
	struct task_shown *sh = task_shown_mut(t);

	sh->syscall_state = st;
	if (st == FIELD_OK)
		sh->syscall = *sc;
	sh->syscall_gen = s->generation;
	sh->syscall_mono = s->mono;
}
