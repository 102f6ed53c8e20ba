/*
 * mountinfo.c - the nsfs bind mounts of a mountinfo file: what `ip netns
 * add`, container runtimes and CNI plugins leave behind to keep a namespace
 * alive, and so the names people gave it (docs/ARCHITECTURE.md, "Namespace
 * names and contents").
 */
#include "config.h"

#include <string.h>

#include "scan.h"
#include "tasktop/nsinfo.h"

/* One space-separated field of the line (mountinfo escapes spaces). */
static bool scan_field(struct scan *s, const char **start, size_t *len)
{
	const char *p = s->p;

	while (p < s->end && *p != ' ')
		p++;
	if (p == s->p)
		return false;
	*start = s->p;
	*len = (size_t)(p - s->p);
	s->p = p;
	scan_char(s, ' ');
	return true;
}

static bool is_octal(char c)
{
	return c >= '0' && c <= '7';
}

/* The kernel's mangle(): " \t\n\\" as a backslash and three octal digits.
 * Anything else is kept as it came. */
static void unescape_path(const char *in, size_t len, struct nsfs_mount *m)
{
	size_t o = 0;

	m->path_truncated = false;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c == '\\' && i + 3 < len && is_octal(in[i + 1]) &&
		    is_octal(in[i + 2]) && is_octal(in[i + 3])) {
			c = (char)(((in[i + 1] - '0') << 6) |
			    ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
			i += 3;
		}
		if (o + 1 >= sizeof m->path) {
			m->path_truncated = true;
			break;
		}
		m->path[o++] = c;
	}
	m->path[o] = '\0';
	m->path_len = o;
}

/* "net:[4026532318]" */
static bool parse_ns_root(const char *p, size_t len, struct nsfs_mount *m)
{
	const char *colon = memchr(p, ':', len);
	unsigned long long ino;
	struct scan s;
	int t;

	if (colon == NULL)
		return false;
	t = ns_type_from_name(p, (size_t)(colon - p));
	s = scan_init(colon + 1, len - (size_t)(colon + 1 - p));
	if (t < 0 || !scan_char(&s, '[') || !scan_ull(&s, &ino) ||
	    !scan_char(&s, ']') || !scan_done(&s))
		return false;
	m->type = (enum ns_type)t;
	m->ino = ino;
	return true;
}

/* Past the optional fields to the one after the lone "-". */
static bool scan_fstype(struct scan *s, const char **fs, size_t *fslen)
{
	const char *f;
	size_t n;

	while (scan_field(s, &f, &n))
		if (n == 1 && f[0] == '-')
			return scan_field(s, fs, fslen);
	return false;
}

static bool parse_line(const char *line, size_t len, struct nsfs_mount *m)
{
	struct scan s = scan_init(line, len);
	unsigned long long id, parent, maj, min;
	const char *root, *mnt, *fs;
	size_t root_len, mnt_len, fs_len;

	if (!scan_ull(&s, &id) || !scan_char(&s, ' ') ||
	    !scan_ull(&s, &parent) || !scan_char(&s, ' ') ||
	    !scan_ull(&s, &maj) || !scan_char(&s, ':') ||
	    !scan_ull(&s, &min) || !scan_char(&s, ' ') ||
	    maj > 0xfffff || min > 0xfffff ||
	    !scan_field(&s, &root, &root_len) ||
	    !scan_field(&s, &mnt, &mnt_len) ||
	    !scan_fstype(&s, &fs, &fs_len))
		return false;
	if (!((fs_len == 4 && memcmp(fs, "nsfs", 4) == 0) ||
	    (fs_len == 4 && memcmp(fs, "proc", 4) == 0)))
		return false;
	if (!parse_ns_root(root, root_len, m))
		return false;
	m->dev_major = (unsigned)maj;
	m->dev_minor = (unsigned)min;
	unescape_path(mnt, mnt_len, m);
	return true;
}

size_t proc_parse_mountinfo_nsfs(const char *buf, size_t len,
    nsfs_mount_fn *fn, void *arg)
{
	struct scan s = scan_init(buf, len);
	struct nsfs_mount m;
	size_t found = 0;

	while (!scan_done(&s)) {
		const char *line;
		size_t n = scan_until(&s, '\n', &line);
		if (parse_line(line, n, &m)) {
			fn(&m, arg);
			found++;
		}
	}
	return found;
}

static bool has_prefix(const char *p, size_t len, const char *prefix,
    size_t *plen)
{
	*plen = strlen(prefix);
	return len > *plen && memcmp(p, prefix, *plen) == 0;
}

int nsfs_mount_rank(const char *path, size_t len, const char **name,
    size_t *name_len)
{
	static const struct { const char *dir; int rank; } dirs[] = {
		{ "/run/netns/", 3 }, { "/var/run/netns/", 3 },
		{ "/run/docker/netns/", 2 }, { "/var/run/docker/netns/", 2 },
		{ "/run/user/", 1 },	/* rootless podman: …/netns/NAME */
	};
	const char *slash = len ? memrchr(path, '/', len) : NULL;
	int rank = 0;
	size_t plen;

	*name = slash ? slash + 1 : path;
	*name_len = len - (size_t)(*name - path);
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (has_prefix(path, len, dirs[i].dir, &plen)) {
			rank = dirs[i].rank;
			break;
		}
	/* a name in a subdirectory of /run/netns is some tool's, not ip's */
	if (rank == 3 && memchr(path + plen, '/', len - plen) != NULL)
		rank = 1;
	return *name_len > 0 ? rank : -1;
}
