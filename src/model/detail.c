#include "config.h"

#include <string.h>

#include "internal.h"

/* status grows with the number of groups and cpus; 8 KiB holds a large one. */
#define STATUS_BUF	8192
#define STACK_BUF	16384

static void detail_read_status(const struct snapshot *s,
    struct task_detail *d)
{
	char buf[STATUS_BUF];
	size_t len = 0;

	d->status_state = proc_read_task_file(&s->root, d->tgid, d->tid,
	    "status", buf, sizeof(buf), &len);
	if (d->status_state == FIELD_OK &&
	    proc_parse_status(buf, len, &d->status) != 0)
		d->status_state = FIELD_UNAVAILABLE;
}

static void detail_read_stack(const struct snapshot *s, struct task_detail *d)
{
	char buf[STACK_BUF];
	size_t len = 0;

	d->stack_state = proc_read_task_file(&s->root, d->tgid, d->tid,
	    "stack", buf, sizeof(buf), &len);
	if (d->stack_state == FIELD_OK &&
	    proc_parse_stack(buf, len, &d->stack) != 0)
		d->stack_state = FIELD_UNAVAILABLE;
}

void task_detail_read(const struct snapshot *s, int tgid, int tid,
    bool with_stack, struct task_detail *d)
{
	memset(d, 0, sizeof(*d));
	d->tid = tid;
	d->tgid = tgid;
	detail_read_status(s, d);
	if (with_stack)
		detail_read_stack(s, d);
	d->wchan_state = task_file_wchan(&s->root, tgid, tid, d->wchan,
	    sizeof(d->wchan));
	d->syscall_state = task_file_syscall(&s->root, tgid, tid, &d->syscall);
	proc_read_ns_all(&s->root, tgid, tid, -1, d->ns_state, d->ns);
}

/* A link read after the refresh is the newer one; one that failed tells
 * nothing new. */
static bool task_take_ns(struct task *t, const struct task_detail *d)
{
	bool changed = false;
	int type;

	for (type = 0; type < NS_COUNT; type++) {
		if (d->ns_state[type] != FIELD_OK ||
		    (t->ns_state[type] == FIELD_OK && t->ns[type] == d->ns[type]))
			continue;
		t->ns_state[type] = FIELD_OK;
		t->ns[type] = d->ns[type];
		changed = true;
	}
	return changed;
}

void snapshot_take_detail_ns(struct snapshot *s, const struct task_detail *d)
{
	struct task *t = snapshot_task(s, d->tid);

	if (t == NULL || t->tgid != d->tgid || t->proc == NULL ||
	    t->seen != s->generation)
		return;
	if (task_take_ns(t, d))
		process_derive_ns(t->proc);
}
