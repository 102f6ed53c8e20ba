/*
 * task.c - a thread's life in the snapshot.  Identity is by tid, but a tid
 * names another task once its group changes (reused, or an exec by a
 * non-leader thread) or its start time does (reused within the group):
 * then everything known is forgotten and the task counts as new.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "task.h"

struct task *task_new(int tid, int tgid)
{
	struct task *t = oom_calloc(1, sizeof(*t), "task");

	t->tid = tid;
	task_reset(t, tgid);
	return t;
}

void task_free(struct task *t)
{
	if (t != NULL)
		ns_history_free(&t->ns_hist);
	free(t);
}

void task_reset(struct task *t, int tgid)
{
	int tid = t->tid;
	unsigned seen = t->seen;

	ns_history_free(&t->ns_hist);	/* another task's past */
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->tgid = tgid;
	t->seen = seen;
}

bool task_is_dead(const struct task *t)
{
	return t->stat_state == FIELD_OK &&
	    (t->stat.state == 'Z' || t->stat.state == 'X');
}

size_t task_comm(const struct task *t, const char **comm)
{
	if (t->stat_state != FIELD_OK) {
		*comm = "";
		return 0;
	}
	*comm = t->stat.comm;
	return t->stat.comm_len;
}

void task_take_ns(struct task *t, const enum field_state state[NS_COUNT],
    const uint64_t ino[NS_COUNT])
{
	int type;

	for (type = 0; type < NS_COUNT; type++) {
		if (state[type] == FIELD_UNREAD)
			continue;
		t->ns_state[type] = state[type];
		t->ns[type] = state[type] == FIELD_OK ? ino[type] : 0;
	}
}

static bool same_comm(const struct proc_stat *a, const struct proc_stat *b)
{
	return a->comm_len == b->comm_len &&
	    memcmp(a->comm, b->comm, a->comm_len) == 0;
}

/*
 * A first sighting has nothing to take a CPU delta from; neither does a
 * refresh without elapsed time, or one after a read that failed.  A stat
 * not reread (the task did not run) is a delta of 0.
 */
static void task_update_cpu(struct task *t, bool had_sample, uint64_t cpu_ns,
    double interval)
{
	if (t->stat_state != FIELD_OK) {
		t->cpu_valid = false;
		t->cpu_percent = 0;
		return;
	}
	t->cpu_valid = had_sample && interval > 0 && cpu_ns >= t->prev_cpu_ns;
	t->cpu_percent = t->cpu_valid ?
	    cpu_percent(cpu_ns - t->prev_cpu_ns, interval) : 0;
	t->prev_cpu_ns = cpu_ns;
}

/*
 * A task ran when its CPU time moved or its state changed (a wakeup sets
 * it before the task runs): what it waits on (wchan) can have changed only
 * then.  A source that rereads every stat (the BPF one) hands the same
 * values again for a task that slept.
 */
void task_take_record(struct task *t, const struct task_record *r,
    unsigned generation, double interval)
{
	bool had = t->stat_state == FIELD_OK && t->renewed_gen != generation;

	if (r->stat_state == FIELD_OK && r->stat_same && had) {
		task_update_cpu(t, true, t->prev_cpu_ns, interval);
	} else if (r->stat_state == FIELD_OK && !r->stat_same) {
		if (had && r->stat.starttime != t->stat.starttime) {
			/* same tid, another task: start over with it */
			task_reset(t, t->tgid);
			t->renewed_gen = generation;
			had = false;
		} else if (had && !same_comm(&r->stat, &t->stat)) {
			t->renamed_gen = generation;
		}
		if (!had || r->cpu_ns != t->prev_cpu_ns ||
		    r->stat.state != t->stat.state)
			t->ran_gen = generation;
		t->stat = r->stat;
		t->stat_state = FIELD_OK;
		task_update_cpu(t, had, r->cpu_ns, interval);
	} else {
		/* denied, unreadable, or "same" as a stat never had */
		t->stat_state = r->stat_state == FIELD_OK ? FIELD_UNAVAILABLE :
		    r->stat_state;
		task_update_cpu(t, false, 0, interval);
	}
	task_take_ns(t, r->ns_state, r->ns);
}
