/*
 * fuzz.c - the helpers every fuzz target shares (see fuzz.h).
 */
#include "config.h"

#include "fuzz.h"

char *fuzz_copy(const uint8_t *data, size_t size)
{
	char *copy = malloc(size);

	FUZZ_CHECK(copy != NULL || size == 0);
	memcpy(copy, data, size);
	return copy;
}

void fuzz_file_then_round_trip(const uint8_t *data, size_t size,
    void (*check_file)(const char *, size_t),
    void (*check_round_trip)(const uint8_t *, size_t))
{
	char *copy = fuzz_copy(data, size);

	check_file(copy, size);
	free(copy);
	check_round_trip(data, size);
}

size_t fuzz_task_name_len(const uint8_t *data, size_t size)
{
	size_t len = size < 15 ? size : 15;
	const uint8_t *nul = memchr(data, '\0', len);

	return nul != NULL ? (size_t)(nul - data) : len;
}

unsigned fuzz_take_byte(const uint8_t **data, size_t *size)
{
	unsigned byte;

	if (*size == 0)
		return 0;
	byte = **data;
	(*data)++;
	(*size)--;
	return byte;
}
