/*
 * Fuzzes proc_parse_loadavg: what parses is three finite, non-negative
 * numbers, and three numbers written as the kernel writes them come back.
 */
#include "config.h"

#include <math.h>

#include "fuzz.h"
#include "tasktop/proc.h"

static void check_whole_file(const char *buf, size_t len)
{
	double load[3] = { -1, -1, -1 };

	if (proc_parse_loadavg(buf, len, load) != 0) {
		for (int i = 0; i < 3; i++)
			FUZZ_CHECK(load[i] == -1);
		return;
	}
	for (int i = 0; i < 3; i++)
		FUZZ_CHECK(isfinite(load[i]) && load[i] >= 0);
}

/* fs/proc/loadavg.c: "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n". */
static void check_round_trip(const uint8_t *data, size_t size)
{
	unsigned hundredths[3] = { 0, 0, 0 };
	double load[3];
	char line[128];

	for (size_t i = 0; i < 3 && 2 * i + 1 < size; i++)
		hundredths[i] = (unsigned)data[2 * i] << 8 | data[2 * i + 1];
	int n = snprintf(line, sizeof line, "%u.%02u %u.%02u %u.%02u 3/1234 5678\n",
	    hundredths[0] / 100, hundredths[0] % 100,
	    hundredths[1] / 100, hundredths[1] % 100,
	    hundredths[2] / 100, hundredths[2] % 100);
	char *copy = fuzz_copy((const uint8_t *)line, (size_t)n);
	FUZZ_CHECK(proc_parse_loadavg(copy, (size_t)n, load) == 0);
	for (int i = 0; i < 3; i++) {
		double error = load[i] - hundredths[i] / 100.0;
		FUZZ_CHECK(error < 1e-9 && error > -1e-9);
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_round_trip);
	return 0;
}
