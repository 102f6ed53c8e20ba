/*
 * ustacks.c - --ustack: before a sample is written, every thread it shows
 * is unwound by the helper (docs/ARCHITECTURE.md "User stacks"); the
 * writers then only look the results up by tid.  The requests go out at
 * once and the helper works through them one thread at a time, so a
 * process's session is made once and reused for all its threads; a
 * process whose every thread is shown is one request (tid 0), whose
 * threads the helper lists itself, reading the maps once for them all.
 */
#include "config.h"

#include "tasktop/out.h"
#include "tasktop/unwind.h"
#include "tasktop/util.h"

/* One wait; the helper's own deadline ends a hung unwind long before. */
#define USTACK_WAIT_S	1.0

void out_ustacks_init(struct out_ustacks *us, const int *ids, size_t nids)
{
	us->unwinder = unwinder_new();
	if (us->unwinder == NULL)
		oom_abort("unwinder");
	intmap_init(&us->by_tid);
	for (size_t i = 0; i < nids; i++)
		unwinder_prepare(us->unwinder, ids[i]);
}

void out_ustacks_free(struct out_ustacks *us)
{
	unwind_results_clear(&us->by_tid);
	intmap_free(&us->by_tid);
	unwinder_free(us->unwinder);
}

/* Ask for the threads a sample shows; with missing_only, those of them
 * that have no result yet (a thread that came since the early request). */
static void ustacks_request(struct out_ustacks *us, const struct snapshot *s,
    bool threads, const struct intmap *expanded, bool missing_only)
{
	for (size_t i = 0; i < s->nlist; i++) {
		const struct process *p = s->list[i];
		bool all = threads || (expanded && intmap_get(expanded, p->pid));
		if (all && !missing_only) {	/* one request: its maps are read once */
			unwinder_request(us->unwinder, p->pid, 0);
			continue;
		}
		for (size_t j = 0; j < p->nthreads; j++) {
			const struct task *t = p->threads[j];
			if ((all || t->tid == p->pid) && (!missing_only ||
			    intmap_get(&us->by_tid, t->tid) == NULL))
				unwinder_request(us->unwinder, p->pid, t->tid);
		}
	}
}

static void ustacks_wait(struct out_ustacks *us)
{
	struct unwind_result *r;

	for (;;) {
		while ((r = unwinder_next(us->unwinder)) != NULL)
			unwind_results_put(&us->by_tid, r);
		if (unwinder_pending(us->unwinder) == 0)
			break;
		if ((r = unwinder_wait(us->unwinder, USTACK_WAIT_S)) != NULL)
			unwind_results_put(&us->by_tid, r);
	}
}

/* Asked for after the sample is taken, never before: a thread stopped or
 * just let go while the sample reads it would show tasktop's doing (t, or
 * R on its way back to its wait) as its state.  A shown thread without a
 * result after the first round (the helper did not list it, or the
 * process request failed as a whole) is asked for by itself: its own
 * reason. */
void out_ustacks_collect(struct out_ustacks *us, const struct snapshot *s,
    bool threads, const struct intmap *expanded)
{
	unwind_results_clear(&us->by_tid);
	ustacks_request(us, s, threads, expanded, false);
	ustacks_wait(us);
	ustacks_request(us, s, threads, expanded, true);
	ustacks_wait(us);
}
