/*
 * Fuzzes the parsers behind the header's meters and the counter columns,
 * the first byte choosing which: /proc/stat's cpu lines, /proc/meminfo,
 * /proc/<pid>/io, /proc/<pid>/statm, /proc/uptime.  A failed
 * parse leaves the output as it was; a successful one holds only what a
 * meter can show (a CPU count within the bars kept, a MemTotal, a finite
 * non-negative uptime).
 */
#include "config.h"

#include <math.h>

#include "fuzz.h"
#include "tasktop/proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t which = fuzz_take_byte(&data, &size) % 5;
	char *buf = fuzz_copy(data, size);
	static struct proc_cpustat c, before;
	struct proc_meminfo m, mb;
	double up = -7;

	if (which == 0) {
		memset(&c, 0x5a, sizeof c);
		before = c;
		if (proc_parse_cpustat(buf, size, &c) == 0)
			FUZZ_CHECK(c.ncpu <= PROC_CPU_MAX);
		else
			FUZZ_CHECK(memcmp(&c, &before, sizeof c) == 0);
	} else if (which == 1) {
		memset(&m, 0x5a, sizeof m);
		mb = m;
		if (proc_parse_meminfo(buf, size, &m) == 0)
			FUZZ_CHECK((m.has & PROC_MEM_TOTAL) && m.total_kb > 0);
		else
			FUZZ_CHECK(memcmp(&m, &mb, sizeof m) == 0);
	} else if (which == 3) {
		struct proc_io io = { 7, 7 };

		if (proc_parse_io(buf, size, &io) != 0)
			FUZZ_CHECK(io.read_bytes == 7 && io.write_bytes == 7);
	} else if (which == 4) {
		unsigned long long shr = 7;

		if (proc_parse_statm(buf, size, &shr) != 0)
			FUZZ_CHECK(shr == 7);
	} else if (proc_parse_uptime(buf, size, &up) == 0) {
		FUZZ_CHECK(isfinite(up) && up >= 0);
	} else {
		FUZZ_CHECK(up == -7);
	}
	free(buf);
	return 0;
}
