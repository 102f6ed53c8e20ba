/*
 * internal.h - what the batch and JSON writers share.
 */
#ifndef TASKTOP_OUT_INTERNAL_H
#define TASKTOP_OUT_INTERNAL_H

#include <string.h>

#include "tasktop/model.h"

/* The length of t's wait channel, 0 when there is none to show: unreadable,
 * or the "0" (older kernels: nothing) written for a task not waiting. */
static inline size_t out_wchan_len(const struct task *t)
{
	size_t len = strnlen(t->wchan, sizeof t->wchan);
	if (t->wchan_state != FIELD_OK || (len == 1 && t->wchan[0] == '0'))
		return 0;
	return len;
}

#endif
