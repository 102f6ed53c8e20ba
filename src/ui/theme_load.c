/*
 * theme_load.c - find a theme file by name and parse it.  Looked for where
 * the user keeps their own, then where `make install` put ours, then in the
 * source tree so an uninstalled build finds them too.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "state.h"
#include "theme.h"

#ifndef TASKTOP_DATADIR
#define TASKTOP_DATADIR "/usr/local/share/tasktop"
#endif

#define THEME_FILE_MAX (64 * 1024)

/* 0 with the file in buf; -errno otherwise (-EFBIG when too long). */
static int read_small_file(const char *path, char *buf, size_t cap, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t got = 0;

	if (fd < 0)
		return -errno;
	for (;;) {
		ssize_t n = read(fd, buf + got, cap - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = errno;
			close(fd);
			return -err;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got == cap) {
			close(fd);
			return -EFBIG;
		}
	}
	close(fd);
	*len = got;
	return 0;
}

/* The directory of our own binary, for the ../themes of a build tree. */
static int exe_dir(char *out, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", out, size - 1);
	char *slash;

	if (n <= 0)
		return -1;
	out[n] = '\0';
	slash = strrchr(out, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return 0;
}

#define THEME_DIRS 5

/* The candidate files for name, most personal first. */
static size_t theme_candidates(const char *name, char paths[][PATH_MAX])
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char dir[PATH_MAX - 128];	/* room for the rest of the path */
	size_t n = 0;

	if (xdg && *xdg)
		snprintf(paths[n++], PATH_MAX, "%s/tasktop/themes/%s.theme", xdg, name);
	if (home && *home)
		snprintf(paths[n++], PATH_MAX, "%s/.config/tasktop/themes/%s.theme",
		    home, name);
	snprintf(paths[n++], PATH_MAX, "%s/themes/%s.theme", TASKTOP_DATADIR, name);
#ifdef TASKTOP_SRCDIR
	snprintf(paths[n++], PATH_MAX, "%s/themes/%s.theme", TASKTOP_SRCDIR, name);
#endif
	if (exe_dir(dir, sizeof dir) == 0)
		snprintf(paths[n++], PATH_MAX, "%s/../themes/%s.theme", dir, name);
	return n;
}

static bool theme_name_ok(const char *name)
{
	if (!*name || strlen(name) > 64)
		return false;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.'))
			return false;
	return true;
}

static int theme_load_path(const char *path, const char *name,
    struct theme *t, char *err, size_t errlen)
{
	static char text[THEME_FILE_MAX];
	char why[UI_MESSAGE_MAX];
	size_t len = 0;
	int rc = read_small_file(path, text, sizeof text, &len);

	if (rc < 0) {
		snprintf(err, errlen, "theme %s: %s", path, strerror(-rc));
		return -1;
	}
	if (theme_parse(text, len, t, why, sizeof why) < 0) {
		snprintf(err, errlen, "theme %s:%s", path, why);
		theme_default(t);
		return -1;
	}
	snprintf(t->name, sizeof t->name, "%s", name);
	return 0;
}

int theme_load(const char *name, struct theme *t, char *err, size_t errlen)
{
	char paths[THEME_DIRS][PATH_MAX];
	size_t n;

	theme_default(t);
	if (strchr(name, '/'))
		return theme_load_path(name, name, t, err, errlen);
	if (!theme_name_ok(name)) {
		snprintf(err, errlen, "theme name: use letters, digits, - _ . "
		    "or a path with a '/'");
		return -1;
	}
	n = theme_candidates(name, paths);
	for (size_t i = 0; i < n; i++)
		if (access(paths[i], R_OK) == 0)
			return theme_load_path(paths[i], name, t, err, errlen);
	snprintf(err, errlen, "theme '%s' not found (looked in "
	    "~/.config/tasktop/themes and %s/themes)", name, TASKTOP_DATADIR);
	return -1;
}
