/*
 * task_files.c - the per-thread files beside stat: wchan and syscall, read
 * the same way by the refresh, the rows drawn and the detail.
 */
#include "config.h"

#include "internal.h"

enum field_state task_file_wchan(const struct proc_root *root, int tgid,
    int tid, char *wchan, size_t cap)
{
	size_t len = 0;
	enum field_state st = proc_read_task_file(root, tgid, tid, "wchan",
	    wchan, cap, &len);

	if (st != FIELD_OK)
		wchan[0] = '\0';
	return st;
}

enum field_state task_file_syscall(const struct proc_root *root, int tgid,
    int tid, struct proc_syscall *out)
{
	char buf[256];
	size_t len = 0;
	enum field_state st = proc_read_task_file(root, tgid, tid, "syscall",
	    buf, sizeof(buf), &len);

	if (st == FIELD_OK && proc_parse_syscall(buf, len, out) != 0)
		st = FIELD_UNAVAILABLE;
	return st;
}

/*
 * wchan and syscall are open+read+close each, as costly as stat, yet only
 * the rows shown need them.  A task that did not run since they were read
 * (its stat did not change) is still blocked where it was, so they are
 * not reread; but a task woken and not yet on a CPU shows no wchan before
 * its stat moves, so nothing is kept longer than EXTRAS_MAX_AGE.  Below
 * that the age allowed is spread by tid, so that the tasks first read in
 * one refresh are not all reread in one refresh again.
 */
#define EXTRAS_MAX_AGE	2.0

static bool extra_stale(const struct snapshot *s, const struct task *t,
    unsigned gen, double mono)
{
	double age = EXTRAS_MAX_AGE * (0.75 + (double)(t->tid % 16) / 64.0);

	return gen == 0 || gen < t->ran_gen || s->mono - mono >= age;
}

static bool extra_in_scope(enum extras_scope scope, const struct task *t)
{
	return scope == EXTRAS_ALL ||
	    (scope == EXTRAS_LEADERS && t->tid == t->tgid);
}

void snapshot_read_wchan(struct snapshot *s, struct task *t)
{
	if (!extra_stale(s, t, t->wchan_gen, t->wchan_mono))
		return;
	t->wchan_state = task_file_wchan(&s->root, t->tgid, t->tid, t->wchan,
	    sizeof(t->wchan));
	t->wchan_gen = s->generation;
	t->wchan_mono = s->mono;
}

void snapshot_read_syscall(struct snapshot *s, struct task *t)
{
	if (!extra_stale(s, t, t->syscall_gen, t->syscall_mono))
		return;
	t->syscall_state = task_file_syscall(&s->root, t->tgid, t->tid,
	    &t->syscall);
	t->syscall_gen = s->generation;
	t->syscall_mono = s->mono;
}

void task_read_extras(struct snapshot *s, struct task *t)
{
	if (extra_in_scope(s->wchan_scope, t))
		snapshot_read_wchan(s, t);
	if (extra_in_scope(s->syscall_scope, t))
		snapshot_read_syscall(s, t);
}
