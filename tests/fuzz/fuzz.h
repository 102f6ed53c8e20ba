/*
 * fuzz.h - what every fuzz target shares (fuzz.c): the libFuzzer entry
 * point, an exactly-sized copy of the input, and a check that aborts (so
 * libFuzzer and the replay driver both report it) naming the broken
 * invariant.  fuzz_copy lives out of line so the compiler cannot see that
 * an empty copy is never written, and warn about it.
 */
#ifndef TASKTOP_FUZZ_H
#define TASKTOP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/*
 * The input without a NUL after it, so a read past size is an ASan error
 * rather than a lucky terminator.  data is never NULL: libFuzzer and the
 * replay driver pass a buffer.
 */
char *fuzz_copy(const uint8_t *data, size_t size);

/*
 * The usual body of a target: the checks of the input as a whole file, on
 * an exact copy, then the checks of a well-formed file it builds from the
 * input (a round trip through the parser).
 */
void fuzz_file_then_round_trip(const uint8_t *data, size_t size,
    void (*check_file)(const char *, size_t),
    void (*check_round_trip)(const uint8_t *, size_t));

/* The length of the longest task name the kernel could hold at the start
 * of data: TASK_COMM_LEN - 1 bytes, ending at a NUL. */
size_t fuzz_task_name_len(const uint8_t *data, size_t size);

/* Takes the first byte as a parameter of the run; 0 when there is none. */
unsigned fuzz_take_byte(const uint8_t **data, size_t *size);

#endif
