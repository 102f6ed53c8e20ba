/*
 * fuzz.h - what every fuzz target shares: the libFuzzer entry point, an
 * exactly-sized copy of the input, and a check that aborts (so libFuzzer
 * and the replay driver both report it) naming the broken invariant.
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

/* The input without a NUL after it, so a read past size is an ASan error
 * rather than a lucky terminator. */
/* data is never NULL: libFuzzer and the replay driver pass a buffer. */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
	char *copy = malloc(size);

	FUZZ_CHECK(copy != NULL || size == 0);
	memcpy(copy, data, size);
	return copy;
}

/*
 * The usual body of a target: the checks of the input as a whole file, on
 * an exact copy, then the checks of a well-formed file it builds from the
 * input (a round trip through the parser).
 */
static inline void fuzz_file_then_round_trip(const uint8_t *data, size_t size,
    void (*check_file)(const char *, size_t),
    void (*check_round_trip)(const uint8_t *, size_t))
{
	char *copy = fuzz_copy(data, size);

	check_file(copy, size);
	free(copy);
	check_round_trip(data, size);
}

/* The length of the longest task name the kernel could hold at the start
 * of data: TASK_COMM_LEN - 1 bytes, ending at a NUL. */
static inline size_t fuzz_task_name_len(const uint8_t *data, size_t size)
{
	size_t len = size < 15 ? size : 15;
	const uint8_t *nul = memchr(data, '\0', len);

	return nul != NULL ? (size_t)(nul - data) : len;
}

/* Takes the first byte as a parameter of the run; 0 when there is none. */
static inline unsigned fuzz_take_byte(const uint8_t **data, size_t *size)
{
	unsigned byte;

	if (*size == 0)
		return 0;
	byte = **data;
	(*data)++;
	(*size)--;
	return byte;
}

#endif
