/*
 * internal.h - what the batch and JSON writers share.
 */
#ifndef TASKTOP_OUT_INTERNAL_H
#define TASKTOP_OUT_INTERNAL_H

#include <string.h>

#include "tasktop/model.h"
#include "tasktop/detail.h"

/* The length of t's wait channel, 0 when there is none to show: unreadable,
 * or the "0" (older kernels: nothing) written for a task not waiting. */
static inline size_t out_wchan_len(const struct task *t)
{
	size_t len = strnlen(t->wchan, sizeof t->wchan);
	if (t->wchan_state != FIELD_OK || (len == 1 && t->wchan[0] == '0'))
		return 0;
	return len;
}

/* json_ns.c: the snapshot's "namespaces" key and value (o is scratch), and
 * a thread's "ns_change" and "born_foreign" keys and values. */
void json_namespaces(struct buf *out, const struct snapshot *s,
    struct ns_overview *o, struct detail_reader *c, bool with_contents);
void json_ns_change(struct buf *out, const struct task *t);

#endif
