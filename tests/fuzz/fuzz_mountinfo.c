/*
 * Fuzzes proc_parse_mountinfo_nsfs and nsfs_mount_rank: every mount handed
 * over is a namespace type with a NUL-terminated path that fits, and a mount
 * point made of the input's bytes, escaped as the kernel escapes it, comes
 * back exactly.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/nsinfo.h"

struct seen {
	size_t		 n;
	struct nsfs_mount last;
};

static void check_mount(const struct nsfs_mount *m, void *arg)
{
	struct seen *s = arg;
	const char *name;
	size_t name_len;

	FUZZ_CHECK((unsigned)m->type < NS_COUNT);
	FUZZ_CHECK(m->path_len < NSFS_PATH_MAX && m->path[m->path_len] == '\0');
	int rank = nsfs_mount_rank(m->path, m->path_len, &name, &name_len);
	FUZZ_CHECK(rank >= -1 && rank <= 3);
	FUZZ_CHECK(name >= m->path && name + name_len == m->path + m->path_len);
	s->n++;
	s->last = *m;
}

static void check_whole_file(const char *buf, size_t len)
{
	struct seen s = { 0 };

	FUZZ_CHECK(proc_parse_mountinfo_nsfs(buf, len, check_mount, &s) == s.n);
}

/* The kernel's mangle() of a mount point. */
static size_t mangle(const uint8_t *in, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (in[i] == ' ' || in[i] == '\t' || in[i] == '\n' ||
		    in[i] == '\\') {
			o += (size_t)sprintf(out + o, "\\%03o", in[i]);
		} else {
			out[o++] = (char)in[i];
		}
	}
	return o;
}

static void check_round_trip(const uint8_t *data, size_t size)
{
	char line[NSFS_PATH_MAX * 4 + 128];
	struct seen s = { 0 };
	size_t n = size < NSFS_PATH_MAX - 2 ? size : NSFS_PATH_MAX - 2;

	/* a mount point never holds a NUL */
	const uint8_t *nul = memchr(data, '\0', n);
	if (nul != NULL)
		n = (size_t)(nul - data);
	int off = snprintf(line, sizeof line, "612 597 0:4 net:[4026532318] /");
	off += (int)mangle(data, n, line + off);
	off += snprintf(line + off, sizeof line - (size_t)off,
	    " rw shared:245 - nsfs nsfs rw\n");
	char *copy = fuzz_copy((const uint8_t *)line, (size_t)off);
	FUZZ_CHECK(proc_parse_mountinfo_nsfs(copy, (size_t)off, check_mount,
	    &s) == 1);
	FUZZ_CHECK(s.last.ino == 4026532318ULL && s.last.type == NS_NET);
	FUZZ_CHECK(s.last.path_len == n + 1 && s.last.path[0] == '/' &&
	    memcmp(s.last.path + 1, data, n) == 0);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_round_trip);
	return 0;
}
