/*
 * reason.c - the words for why a thread has no (or a partial) user stack,
 * when a result carries none of its own.
 */
#include "config.h"

#include <stdlib.h>

#include "tasktop/unwind.h"

const char *unwind_reason_str(enum unwind_reason reason)
{
	static const char *const words[UNWIND_REASON_COUNT] = {
		[UNWIND_REASON_NONE] = "unwound",
		[UNWIND_REASON_SELF] = "tasktop itself: not unwound",
		[UNWIND_REASON_KERNEL_THREAD] = "kernel thread: no user stack",
		[UNWIND_REASON_ZOMBIE] = "exited (zombie): no user stack",
		[UNWIND_REASON_D_STATE] = "in D state: kernel stack only",
		[UNWIND_REASON_TRACED] = "traced by another process",
		[UNWIND_REASON_PERMISSION] = "needs CAP_SYS_PTRACE or the same user",
		[UNWIND_REASON_GONE] = "thread exited",
		[UNWIND_REASON_TIMEOUT] = "timed out",
		[UNWIND_REASON_NO_INFO] = "no unwind info for a module",
		[UNWIND_REASON_HELPER] = "the unwind helper failed",
		[UNWIND_REASON_FAILED] = "unwinding failed",
	};

	return (unsigned)reason < UNWIND_REASON_COUNT ? words[reason] :
	    "unwinding failed";
}

void unwind_result_clear(struct unwind_result *r)
{
	free(r->arena);
	r->arena = NULL;
}
