/*
 * task.c - a thread's life in the snapshot.  Identity is by tid, but a tid
 * names another task once its group changes (reused, or an exec by a
 * non-leader thread) or its start time does (reused within the group):
 * then everything known is forgotten and the task counts as new.
 */
#include "config.h"

#include <float.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "ns_set.h"
#include "task.h"
#include "task_slots.h"

/* A snapshot holds one struct task a task of the machine: 8 bytes more
 * are ~0.5 MiB at 60,000 tasks (docs/ARCHITECTURE.md, "The model's
 * memory").  No byte of either is padding on LP64. */
_Static_assert(sizeof(void *) != 8 || sizeof(struct task_stat) == 64,
    "struct task_stat is 64 bytes on LP64");
_Static_assert(sizeof(void *) != 8 || sizeof(struct task) == 128,
    "struct task is 128 bytes on LP64");
_Static_assert(TASK_COMM_INLINE >= sizeof(char *),
    "a long comm's address fits in the comm bytes");

/* A comm longer than TASK_COMM_INLINE: its copy's address, kept in the
 * comm bytes (model.h). */
static char *task_comm_long(const struct task *t)
{
	char *p;

	memcpy(&p, t->stat.comm, sizeof p);
	return p;
}

static void task_free_comm(struct task *t)
{
	if (t->stat.comm_len > TASK_COMM_INLINE)
		free(task_comm_long(t));
	t->stat.comm_len = 0;
}

struct task *task_new(int tid, int tgid, uint32_t *slot)
{
	struct task *t = task_slot_take(slot);

	t->tid = tid;
	task_reset(t, tgid);
	return t;
}

void task_release(struct task *t)
{
	ns_set_release(t->ns_hist.known);
	t->ns_hist.known = NULL;
	ns_set_release(t->ns);
	t->ns = NULL;
	if (t->extra != NULL)
		free(t->extra->moves);
	free(t->extra);
	t->extra = NULL;
	task_free_comm(t);
}

void task_free(struct task *t, uint32_t slot)
{
	if (t != NULL) {
		task_release(t);
		task_slot_give(t, slot);
	}
}

void task_reset(struct task *t, int tgid)
{
	int tid = t->tid;
	unsigned seen = t->seen;

	task_release(t);	/* another task's past */
	memset(t, 0, sizeof *t);
	t->tid = tid;
	t->tgid = tgid;
	t->seen = seen;
}

const struct task_shown *task_shown(const struct task *t)
{
	static const struct task_shown never_read;

	return t->extra != NULL ? &t->extra->shown : &never_read;
}

struct task_extra *task_extra_mut(struct task *t)
{
	if (t->extra == NULL)
		t->extra = oom_calloc(1, sizeof *t->extra, "task");
	return t->extra;
}

struct task_shown *task_shown_mut(struct task *t)
{
	return &task_extra_mut(t)->shown;
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
	*comm = t->stat.comm_len <= TASK_COMM_INLINE ? t->stat.comm :
	    task_comm_long(t);
	return t->stat.comm_len;
}

void task_set_comm(struct task *t, const char *comm, size_t len)
{
	if (len > PROC_COMM_MAX)
		len = PROC_COMM_MAX;
	task_free_comm(t);
	if (len <= TASK_COMM_INLINE) {
		memcpy(t->stat.comm, comm, len);
	} else {
		char *copy = oom_malloc(len, "task");

		memcpy(copy, comm, len);
		memcpy(t->stat.comm, &copy, sizeof copy);
	}
	t->stat.comm_len = (uint8_t)len;
}

/* A long field of the kernel's int in an int; never wraps (stat's fields
 * are untrusted bytes). */
static int clamp_int(long v)
{
	return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

static bool same_comm(const struct task *t, const struct proc_stat *r)
{
	const char *comm;
	size_t len = task_comm(t, &comm);

	return len == r->comm_len && memcmp(comm, r->comm, len) == 0;
}

/* Whether a record's stat differs from the one the task has. */
static bool task_stat_differs(const struct task *t, const struct proc_stat *ps)
{
	const struct task_stat *ts = &t->stat;

	return ts->utime != ps->utime || ts->stime != ps->stime ||
	    ts->starttime != ps->starttime || ts->ppid != ps->ppid ||
	    ts->processor != ps->processor ||
	    ts->priority != clamp_int(ps->priority) ||
	    ts->nice != clamp_int(ps->nice) || ts->state != ps->state ||
	    !same_comm(t, ps);
}

/* Take a record's stat in the model's widths. */
static void task_take_stat(struct task *t, const struct proc_stat *ps)
{
	struct task_stat *ts = &t->stat;

	ts->utime = ps->utime;
	ts->stime = ps->stime;
	ts->starttime = ps->starttime;
	ts->ppid = ps->ppid;
	ts->processor = ps->processor;
	ts->priority = clamp_int(ps->priority);
	ts->nice = clamp_int(ps->nice);
	ts->state = ps->state;
	if (!same_comm(t, ps))
		task_set_comm(t, ps->comm, ps->comm_len);
}

bool task_take_ns(struct task *t, const enum field_state state[NS_COUNT],
    const uint64_t ino[NS_COUNT])
{
	struct ns_set v;
	int type;

	ns_set_copy(&v, t->ns);
	for (type = 0; type < NS_COUNT; type++) {
		bool ok = state[type] == FIELD_OK;

		if (state[type] == FIELD_UNREAD)
			continue;
		/* the kernel's inums are 32-bit: a wider one is no inode of its */
		if (ok && ino[type] > UINT32_MAX)
			ok = false;
		v.state[type] = ok ? FIELD_OK : state[type] == FIELD_OK ?
		    FIELD_UNAVAILABLE : state[type];
		v.ino[type] = ok ? (uint32_t)ino[type] : 0;
	}
	return ns_set_assign(&t->ns, &v);
}

void task_set_ns(struct task *t, enum ns_type type, enum field_state st,
    uint64_t ino)
{
	struct ns_set v;

	ns_set_copy(&v, t->ns);
	v.state[type] = st;
	v.ino[type] = (uint32_t)ino;
	ns_set_assign(&t->ns, &v);
}


/*
 * A first sighting has nothing to take a CPU delta from; neither does a
 * refresh without elapsed time, or one after a read that failed.  A stat
 * not reread (the task did not run) is a delta of 0.
 */
static void task_update_cpu(struct task *t, bool had_sample, uint64_t cpu_ns,
    double interval)
{
	double pct;

	if (t->stat_state != FIELD_OK) {
		t->cpu_valid = false;
		t->cpu_percent = 0;
		return;
	}
	t->cpu_valid = had_sample && interval > 0 && cpu_ns >= t->prev_cpu_ns;
	pct = t->cpu_valid ? cpu_percent(cpu_ns - t->prev_cpu_ns, interval) : 0;
	t->cpu_percent = pct < FLT_MAX ? (float)pct : FLT_MAX;
	t->prev_cpu_ns = cpu_ns;
}

/* Whether anything its process derives from it may differ: the values
 * before a record was taken, against those after. */
struct task_derived {
	enum field_state stat_state;
	bool		 cpu_valid;
	double		 cpu_percent;
};

static struct task_derived task_derived(const struct task *t)
{
	return (struct task_derived){ t->stat_state, t->cpu_valid,
	    t->cpu_percent };
}

static bool task_derived_same(const struct task_derived *a,
    const struct task_derived *b)
{
	return a->stat_state == b->stat_state &&
	    a->cpu_valid == b->cpu_valid && a->cpu_percent == b->cpu_percent;
}

/*
 * A task ran when its CPU time moved or its state changed (a wakeup sets
 * it before the task runs): what it waits on (wchan) can have changed only
 * then.  A source that rereads every stat (the BPF one) hands the same
 * values again for a task that slept.  True when the record changed
 * anything of the task (a new task, its stat, CPU% or namespaces).
 */
bool task_take_record(struct task *t, const struct task_record *r,
    unsigned generation, double interval)
{
	bool had = t->stat_state == FIELD_OK && !t->renewed;
	struct task_derived before = task_derived(t), after;
	bool changed = !had;

	if (r->stat_state == FIELD_OK && r->stat_same && had) {
		task_update_cpu(t, true, t->prev_cpu_ns, interval);
	} else if (r->stat_state == FIELD_OK && !r->stat_same) {
		if (had && r->stat.starttime != t->stat.starttime) {
			/* same tid, another task: start over with it */
			task_reset(t, t->tgid);
			t->renewed = true;
			had = false;
		} else if (had && !same_comm(t, &r->stat)) {
			t->renamed = true;
		}
		if (!had || r->cpu_ns != t->prev_cpu_ns ||
		    r->stat.state != t->stat.state)
			t->ran_gen = generation;
		changed |= task_stat_differs(t, &r->stat);
		task_take_stat(t, &r->stat);
		t->stat_state = FIELD_OK;
		task_update_cpu(t, had, r->cpu_ns, interval);
	} else {
		/* denied, unreadable, or "same" as a stat never had */
		t->stat_state = r->stat_state == FIELD_OK ? FIELD_UNAVAILABLE :
		    r->stat_state;
		task_update_cpu(t, false, 0, interval);
	}
	changed |= task_take_ns(t, r->ns_state, r->ns);
	after = task_derived(t);
	return changed || !task_derived_same(&before, &after) ||
	    t->renewed;
}
