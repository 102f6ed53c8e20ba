/*
 * cgroup.c - the container or systemd unit a task's cgroup path names
 * (docs/ARCHITECTURE.md, "Namespace names and contents").  Runtimes put
 * each container in a cgroup named after its id; systemd puts each service
 * and login session in one named after the unit.
 */
#include "config.h"

#include <string.h>

#include "scan.h"
#include "tasktop/nsinfo.h"

static const char *const kind_names[] = {
	[CGROUP_NONE] = NULL,
	[CGROUP_DOCKER] = "docker",
	[CGROUP_CONTAINERD] = "containerd",
	[CGROUP_CRIO] = "crio",
	[CGROUP_PODMAN] = "podman",
	[CGROUP_MACHINE] = "machine",
	[CGROUP_LXC] = "lxc",
	[CGROUP_SERVICE] = "service",
	[CGROUP_SESSION] = "session",
};

const char *cgroup_kind_name(enum cgroup_kind k)
{
	return (unsigned)k < sizeof kind_names / sizeof kind_names[0] ?
	    kind_names[k] : NULL;
}

bool cgroup_kind_is_container(enum cgroup_kind k)
{
	return k != CGROUP_NONE && k != CGROUP_SERVICE && k != CGROUP_SESSION;
}

struct comp {
	const char	*p;
	size_t		 len;
};

static bool starts(const struct comp *c, const char *prefix)
{
	size_t n = strlen(prefix);

	return c->len > n && memcmp(c->p, prefix, n) == 0;
}

static bool ends(const struct comp *c, const char *suffix)
{
	size_t n = strlen(suffix);

	return c->len > n && memcmp(c->p + c->len - n, suffix, n) == 0;
}

static bool equals(const struct comp *c, const char *s)
{
	return c->len == strlen(s) && memcmp(c->p, s, c->len) == 0;
}

static void set_unit(struct cgroup_unit *u, enum cgroup_kind kind,
    const char *id, size_t len)
{
	if (len == 0)
		return;
	if (len >= sizeof u->id)
		len = sizeof u->id - 1;
	u->kind = kind;
	memcpy(u->id, id, len);
	u->id[len] = '\0';
	u->id_len = len;
}

/* "<prefix><id>[.scope]" with the prefix taken off and the suffix too. */
static bool take_between(const struct comp *c, const char *prefix,
    enum cgroup_kind kind, struct cgroup_unit *u)
{
	size_t n = strlen(prefix), len;

	if (!starts(c, prefix))
		return false;
	len = c->len - n;
	/* the suffix only after the prefix: in "lxc.payload.scope" the dot
	 * of ".scope" is the prefix's own */
	if (len >= strlen(".scope") && ends(c, ".scope"))
		len -= strlen(".scope");
	if (len == 0)
		return false;
	set_unit(u, kind, c->p + n, len);
	return true;
}

/* A container named by this component (or, for the v1 layouts "/docker/ID"
 * and "/lxc/NAME", by it and the next). */
static bool container_of(const struct comp *c, const struct comp *next,
    struct cgroup_unit *u)
{
	if (starts(c, "crio-conmon-") || starts(c, "libpod-conmon-"))
		return false;	/* the runtime's monitor, not the container */
	if (take_between(c, "docker-", CGROUP_DOCKER, u) ||
	    take_between(c, "cri-containerd-", CGROUP_CONTAINERD, u) ||
	    take_between(c, "crio-", CGROUP_CRIO, u) ||
	    take_between(c, "libpod-", CGROUP_PODMAN, u) ||
	    take_between(c, "machine-", CGROUP_MACHINE, u) ||
	    take_between(c, "lxc.payload.", CGROUP_LXC, u))
		return true;
	if (next != NULL && equals(c, "docker")) {
		set_unit(u, CGROUP_DOCKER, next->p, next->len);
		return true;
	}
	if (next != NULL && equals(c, "lxc")) {
		set_unit(u, CGROUP_LXC, next->p, next->len);
		return true;
	}
	return false;
}

static bool unit_of(const struct comp *c, struct cgroup_unit *u)
{
	if (ends(c, ".service")) {
		set_unit(u, CGROUP_SERVICE, c->p, c->len);
		return true;
	}
	if (starts(c, "session-") && ends(c, ".scope")) {
		set_unit(u, CGROUP_SESSION, c->p + strlen("session-"),
		    c->len - strlen("session-") - strlen(".scope"));
		return true;
	}
	return false;
}

#define CGROUP_DEPTH_MAX 64

void cgroup_classify_path(const char *path, size_t len,
    struct cgroup_unit *out)
{
	struct comp comps[CGROUP_DEPTH_MAX];
	struct cgroup_unit unit = { .kind = CGROUP_NONE };
	size_t n = 0;
	struct scan s = scan_init(path, len);

	memset(out, 0, sizeof *out);
	while (!scan_done(&s) && n < CGROUP_DEPTH_MAX) {
		const char *p;
		size_t l = scan_until(&s, '/', &p);
		if (l > 0)
			comps[n++] = (struct comp){ p, l };
	}
	/* the deepest container wins over every unit; else the deepest unit */
	for (size_t i = n; i-- > 0;) {
		if (container_of(&comps[i], i + 1 < n ? &comps[i + 1] : NULL,
		    out))
			return;
		if (unit.kind == CGROUP_NONE)
			unit_of(&comps[i], &unit);
	}
	*out = unit;
}

/* "N:controllers:/path"; *v2 when N is 0 and there are no controllers. */
static bool parse_line(const char *line, size_t len, bool *v2,
    const char **path, size_t *path_len)
{
	struct scan s = scan_init(line, len);
	unsigned long long id;
	const char *ctl;
	size_t ctl_len;

	if (!scan_ull(&s, &id) || !scan_char(&s, ':'))
		return false;
	ctl_len = scan_until(&s, ':', &ctl);
	if (s.p == ctl + ctl_len)
		return false;	/* no second ':' */
	if (scan_done(&s) || *s.p != '/')
		return false;
	*v2 = id == 0 && ctl_len == 0;
	*path = s.p;
	*path_len = (size_t)(s.end - s.p);
	return true;
}

int proc_parse_cgroup(const char *buf, size_t len, struct cgroup_unit *out)
{
	struct scan s = scan_init(buf, len);
	struct cgroup_unit v1 = { .kind = CGROUP_NONE }, u;
	bool any = false;

	memset(out, 0, sizeof *out);
	while (!scan_done(&s)) {
		const char *line, *path;
		size_t n = scan_until(&s, '\n', &line), path_len;
		bool v2;
		if (!parse_line(line, n, &v2, &path, &path_len))
			continue;
		any = true;
		cgroup_classify_path(path, path_len, &u);
		/* the unified hierarchy's path, unless it names nothing (a
		 * hybrid system leaves it at "/"): then the best v1 path */
		if (v2 && u.kind != CGROUP_NONE) {
			*out = u;
			return 0;
		}
		if (v1.kind == CGROUP_NONE ||
		    (!cgroup_kind_is_container(v1.kind) &&
		    cgroup_kind_is_container(u.kind)))
			v1 = u;
	}
	*out = v1;
	return any ? 0 : -1;
}

static bool all_hex(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return false;
	return true;
}

size_t cgroup_short_id_len(const struct cgroup_unit *u)
{
	if (u->id_len == 64 && all_hex(u->id, u->id_len))
		return 12;
	return u->id_len;
}
