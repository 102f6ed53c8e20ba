/*
 * Fuzzes proc_parse_cgroup and cgroup_classify_path: a kind found carries a
 * non-empty id that fits, the short id is never longer, and a container id
 * made of the input's bytes in a runtime's cgroup name comes back whole.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/nsinfo.h"

static void check_unit(const struct cgroup_unit *u)
{
	FUZZ_CHECK(u->id_len < CGROUP_ID_MAX);
	FUZZ_CHECK((u->kind == CGROUP_NONE) == (u->id_len == 0));
	FUZZ_CHECK(cgroup_short_id_len(u) <= u->id_len);
	FUZZ_CHECK(u->kind == CGROUP_NONE || cgroup_kind_name(u->kind) != NULL);
}

static void check_whole_file(const char *buf, size_t len)
{
	struct cgroup_unit u;
	int rc = proc_parse_cgroup(buf, len, &u);

	FUZZ_CHECK(rc == 0 || rc == -1);
	check_unit(&u);
	cgroup_classify_path(buf, len, &u);
	check_unit(&u);
}

static void check_round_trip(const uint8_t *data, size_t size)
{
	char line[CGROUP_ID_MAX + 64];
	struct cgroup_unit u;
	size_t n = 0;

	/* an id is one path component without a '.' or '\n' */
	while (n < size && n < CGROUP_ID_MAX - 1 && data[n] != '/' &&
	    data[n] != '\n' && data[n] != '.' && data[n] != '\0')
		n++;
	if (n == 0)
		return;
	int off = snprintf(line, sizeof line, "0::/system.slice/docker-%.*s.scope\n",
	    (int)n, (const char *)data);
	char *copy = fuzz_copy((const uint8_t *)line, (size_t)off);
	FUZZ_CHECK(proc_parse_cgroup(copy, (size_t)off, &u) == 0);
	FUZZ_CHECK(u.kind == CGROUP_DOCKER && u.id_len == n &&
	    memcmp(u.id, data, n) == 0);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_round_trip);
	return 0;
}
