/*
 * Fuzzes proc_parse_ns_link against every namespace type, and
 * ns_type_from_name.  A link text that parses re-parses, once rebuilt as
 * "type:[ino]", to the same inode.
 */
#include "config.h"

#include <inttypes.h>

#include "fuzz.h"
#include "tasktop/proc.h"

static void check_round_trip(const char *buf, size_t len, enum ns_type t,
    uint64_t ino)
{
	const char *colon = memchr(buf, ':', len);
	char text[128];
	uint64_t again = 0;

	FUZZ_CHECK(colon != NULL && colon - buf < 64);
	int n = snprintf(text, sizeof text, "%.*s:[%" PRIu64 "]",
	    (int)(colon - buf), buf, ino);
	FUZZ_CHECK(n > 0 && (size_t)n <= len);
	char *copy = fuzz_copy((const uint8_t *)text, (size_t)n);
	FUZZ_CHECK(proc_parse_ns_link(copy, (size_t)n, t, &again) == 0);
	FUZZ_CHECK(again == ino);
	free(copy);
}

static void check_link(const char *buf, size_t len)
{
	for (int t = 0; t < NS_COUNT; t++) {
		uint64_t ino = 0;
		if (proc_parse_ns_link(buf, len, (enum ns_type)t, &ino) == 0)
			check_round_trip(buf, len, (enum ns_type)t, ino);
	}
	uint64_t ino = 7;
	FUZZ_CHECK(proc_parse_ns_link(buf, len, NS_COUNT, &ino) == -1);
	FUZZ_CHECK(ino == 7);
}

/* A type name is found only when it is one of ours, spelled the same. */
static void check_type_name(const char *buf, size_t len)
{
	int t = ns_type_from_name(buf, len);

	FUZZ_CHECK(t >= -1 && t < NS_COUNT);
	if (t >= 0) {
		const char *name = ns_type_name((enum ns_type)t);
		FUZZ_CHECK(strlen(name) == len && memcmp(name, buf, len) == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_copy(data, size);

	check_link(buf, size);
	check_type_name(buf, size);
	free(buf);
	return 0;
}
