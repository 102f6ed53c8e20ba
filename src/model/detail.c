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
	int type;

	memset(d, 0, sizeof(*d));
	d->tid = tid;
	d->tgid = tgid;
	detail_read_status(s, d);
	if (with_stack)
		detail_read_stack(s, d);
	d->wchan_state = task_file_wchan(&s->root, tgid, tid, d->wchan,
	    sizeof(d->wchan));
	d->syscall_state = task_file_syscall(&s->root, tgid, tid, &d->syscall);
	for (type = 0; type < NS_COUNT; type++)
		d->ns_state[type] = proc_read_ns(&s->root, tgid, tid, type,
		    &d->ns[type]);
}
