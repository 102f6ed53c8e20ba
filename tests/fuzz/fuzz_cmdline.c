/*
 * Fuzzes proc_parse_cmdline with the first byte as the number of offsets
 * the caller has room for, against a reference count: an argument starts
 * at 0 and after every NUL but a trailing one.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/proc.h"

#define MAX_STARTS 32

static size_t reference_count(const char *buf, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; i++)
		if (i == 0 || buf[i - 1] == '\0')
			count++;
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t max = fuzz_take_byte(&data, &size) % (MAX_STARTS + 1);
	char *buf = fuzz_copy(data, size);
	size_t *starts = malloc((max > 0 ? max : 1) * sizeof *starts);
	size_t count = reference_count(buf, size);

	FUZZ_CHECK(starts != NULL);
	size_t n = proc_parse_cmdline(buf, size, starts, max);
	FUZZ_CHECK(n == count);
	FUZZ_CHECK(proc_parse_cmdline(buf, size, NULL, 0) == count);
	for (size_t i = 0; i < n && i < max; i++) {
		FUZZ_CHECK(starts[i] < size);
		FUZZ_CHECK(i == 0 ? starts[i] == 0 : starts[i] > starts[i - 1]);
		FUZZ_CHECK(starts[i] == 0 || buf[starts[i] - 1] == '\0');
		FUZZ_CHECK(i == 0 || memchr(buf + starts[i - 1], '\0',
		    starts[i] - starts[i - 1]) == buf + starts[i] - 1);
	}
	free(starts);
	free(buf);
	return 0;
}
