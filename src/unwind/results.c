/*
 * results.c - the latest unwind result of each thread, in a map from tid to
 * struct unwind_result *: what the --ustack writers and the B view keep.
 */
#include "config.h"

#include "tasktop/unwind.h"

bool unwind_results_put(struct intmap *by_tid, struct unwind_result *r)
{
	void *old;

	if (r->tid <= 0) {
		unwind_result_free(r);
		return false;
	}
	old = intmap_put(by_tid, r->tid, r);
	unwind_result_free(old);
	return old == NULL;
}

void unwind_results_clear(struct intmap *by_tid)
{
	size_t it = 0;
	void *v;

	while (intmap_next(by_tid, &it, NULL, &v))
		unwind_result_free(v);
	intmap_free(by_tid);
	intmap_init(by_tid);
}
