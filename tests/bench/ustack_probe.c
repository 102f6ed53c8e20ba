/*
 * ustack_probe - the unwinder's own costs, for tests/bench/ustack.sh:
 * unwinds one thread of a process ROUNDS times through the helper, as the
 * TUI does at each refresh, and prints the client's round trip of each
 * request (request sent to result read) after the first: the re-unwind of
 * a known process.  Also the first, which makes the session.
 *
 *   ustack_probe TGID TID [ROUNDS]
 *   -> "first_ms=F median_ms=M p95_ms=P max_ms=X stopped_us_median=S"
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tasktop/unwind.h"
#include "tasktop/util.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double unwind_once(struct unwinder *u, int tgid, int tid,
    unsigned *stopped_us)
{
	double t0 = clock_seconds(CLOCK_MONOTONIC);
	struct unwind_result *r;

	unwinder_request(u, tgid, tid);
	r = unwinder_wait(u, 10.0);
	double ms = (clock_seconds(CLOCK_MONOTONIC) - t0) * 1000.0;
	if (r == NULL || !r->has_frames || r->nframes == 0) {
		fprintf(stderr, "ustack_probe: thread %d not unwound: %s\n", tid,
		    r && r->error ? r->error : "no result");
		exit(1);
	}
	*stopped_us = r->stopped_us;
	unwind_result_free(r);
	return ms;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: ustack_probe TGID TID [ROUNDS]\n");
		return 2;
	}
	int tgid = atoi(argv[1]), tid = atoi(argv[2]);
	int rounds = argc > 3 ? atoi(argv[3]) : 200;
	struct unwinder *u = unwinder_new();
	double *ms = calloc((size_t)rounds, sizeof *ms);
	double *stop = calloc((size_t)rounds, sizeof *stop);
	unsigned st;

	if (u == NULL || ms == NULL || stop == NULL || rounds < 2)
		return 1;
	double first = unwind_once(u, tgid, tid, &st);
	for (int i = 0; i < rounds; i++) {
		ms[i] = unwind_once(u, tgid, tid, &st);
		stop[i] = st;
	}
	qsort(ms, (size_t)rounds, sizeof *ms, cmp_double);
	qsort(stop, (size_t)rounds, sizeof *stop, cmp_double);
	printf("first_ms=%.2f median_ms=%.3f p95_ms=%.3f max_ms=%.3f "
	    "stopped_us_median=%.0f\n", first, ms[rounds / 2],
	    ms[rounds * 95 / 100], ms[rounds - 1], stop[rounds / 2]);
	unwinder_free(u);
	free(ms);
	free(stop);
	return 0;
}
