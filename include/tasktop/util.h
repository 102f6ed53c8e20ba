/*
 * util.h - the small helpers every layer needs once: the out-of-memory
 * abort, the clocks, kilobytes in a narrow column, the age of a skipped
 * read.
 */
#ifndef TASKTOP_UTIL_H
#define TASKTOP_UTIL_H

#include <stddef.h>
#include <time.h>

/* "tasktop: out of memory (what)" on stderr, then abort(): an allocation
 * too small to fail on a working machine is not worth a half-done screen
 * or a half-written JSON object. */
_Noreturn void oom_abort(const char *what);
/* malloc and calloc that never return NULL.  Not named xmalloc: libiberty
 * (the demangler, src/unwind) has its own, which it calls itself. */
void *oom_malloc(size_t size, const char *what);
void *oom_calloc(size_t n, size_t size, const char *what);

/* The clock in seconds (CLOCK_MONOTONIC for intervals, CLOCK_REALTIME for
 * the time shown); 0 if it can't be read. */
double clock_seconds(clockid_t clock);

/*
 * Kilobytes in at most cols columns (cols >= 4): "512K" below 1 MiB, else
 * the smallest unit (M, G, T …) that fits, with one decimal when that
 * fits too: "9.8M" "123M" in 4 columns, "12.3M" "999.9M" in 6.
 */
void format_kb(char *out, size_t size, unsigned long long kb, int cols);

/*
 * How long a skipped read may be trusted, spread by id from age to twice
 * that, so that the tasks first read in one refresh are not all read
 * again in one refresh (docs/ARCHITECTURE.md, "Skip-work rules").
 */
double age_spread(double age, int id);

#endif
