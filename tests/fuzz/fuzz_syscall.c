/*
 * Fuzzes proc_parse_syscall on the input, and syscall_name and
 * syscall_name_arch on numbers and architecture names taken from it.
 */
#include "config.h"

#include <inttypes.h>

#include "fuzz.h"
#include "tasktop/proc.h"

/* A name, when there is one, is a plain identifier. */
static void check_name(const char *name)
{
	if (name == NULL)
		return;
	FUZZ_CHECK(*name != '\0');
	for (const char *p = name; *p != '\0'; p++)
		FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')
		    || *p == '_');
}

static void check_whole_file(const char *buf, size_t len)
{
	struct proc_syscall sc;

	if (proc_parse_syscall(buf, len, &sc) != 0)
		return;
	FUZZ_CHECK(sc.kind == SYSCALL_RUNNING || sc.kind == SYSCALL_NONE
	    || sc.kind == SYSCALL_IN);
	FUZZ_CHECK(sc.kind == SYSCALL_IN ? sc.nr >= 0 : sc.nr == -1);
	if (sc.kind == SYSCALL_IN)
		check_name(syscall_name(sc.nr));
}

static int parse_exact(const char *text, int len, struct proc_syscall *sc)
{
	FUZZ_CHECK(len > 0);
	char *copy = fuzz_copy((const uint8_t *)text, (size_t)len);
	int rc = proc_parse_syscall(copy, (size_t)len, sc);

	free(copy);
	return rc;
}

/* The three shapes the kernel writes parse back to what was written. */
static void check_round_trip(long nr)
{
	char line[256];
	struct proc_syscall sc;
	int n;

	n = snprintf(line, sizeof line, "%ld 0x%lx 0x1 0x0 0x7ffd 0x0 0x0 "
	    "0x7ffd1234abcd 0x7f0012345678\n", nr, (unsigned long)nr);
	FUZZ_CHECK(parse_exact(line, n, &sc) == 0);
	FUZZ_CHECK(sc.kind == SYSCALL_IN && sc.nr == nr);
	n = snprintf(line, sizeof line, "-1 0x7ffd1234abcd 0x%lx\n",
	    (unsigned long)nr);
	FUZZ_CHECK(parse_exact(line, n, &sc) == 0);
	FUZZ_CHECK(sc.kind == SYSCALL_NONE);
	FUZZ_CHECK(parse_exact("running\n", 8, &sc) == 0);
	FUZZ_CHECK(sc.kind == SYSCALL_RUNNING);
}

static void check_names(const uint8_t *data, size_t size)
{
	int64_t raw = 0;
	char arch[16];
	size_t arch_len = size < sizeof arch - 1 ? size : sizeof arch - 1;

	memcpy(&raw, data, size < sizeof raw ? size : sizeof raw);
	memcpy(arch, data, arch_len);
	arch[arch_len] = '\0';
	check_name(syscall_name((long)raw));
	check_name(syscall_name((long)(raw & 0x3ff)));
	check_name(syscall_name_arch("x86_64", (long)raw));
	check_name(syscall_name_arch("aarch64", (long)(raw & 0x3ff)));
	check_name(syscall_name_arch(arch, (long)(raw & 0x3ff)));
	if (raw >= 0)
		check_round_trip((long)raw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_names);
	return 0;
}
