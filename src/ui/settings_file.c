/*
 * settings_file.c - where the settings file lives, reading it without
 * trusting it, and replacing it atomically (docs/ARCHITECTURE.md,
 * "Settings").  Read: a regular file only (a FIFO or a device would block
 * or never end), 64 KiB at most.  Written: only the settings that
 * changed, into the file as it is then (its comments and other lines
 * kept), through a symbolic link to its target; a temporary file beside
 * that, fsync, rename, so a crash or a full disk leaves the old file whole.
 * Nothing changed: nothing written.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings_file.h"

int settings_path(char *out, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;

	/* the XDG spec: a relative XDG_CONFIG_HOME is invalid, ignore it */
	if (xdg && xdg[0] == '/')
		n = snprintf(out, size, "%s/tasktop/tasktoprc", xdg);
	else if (home && home[0] == '/')
		n = snprintf(out, size, "%s/.config/tasktop/tasktoprc", home);
	else
		return -1;
	return n > 0 && (size_t)n < size ? 0 : -1;
}

int ui_read_regular_file(const char *path, char *buf, size_t cap, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	size_t got = 0;
	int err = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	while (err == 0) {
		ssize_t n = read(fd, buf + got, cap - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err = -errno;
		else if (n == 0)
			break;
		else if ((got += (size_t)n) == cap)
			err = -EFBIG;
	}
	close(fd);
	*len = got;
	return err;
}

static const char *read_error(int err)
{
	if (err == -EINVAL)
		return "not a regular file";
	if (err == -EFBIG)
		return "larger than 64 KiB";
	return strerror(-err);
}

int settings_load(const char *path, struct settings *s, char *err,
    size_t errlen)
{
	static char text[SETTINGS_FILE_MAX + 1];
	char why[256];
	size_t len = 0;
	int rc = ui_read_regular_file(path, text, sizeof text, &len);

	memset(s, 0, sizeof *s);
	if (rc == -ENOENT)
		return 0;		/* first run: the defaults, silently */
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s; using the defaults", path,
		    read_error(rc));
		return -1;
	}
	if (settings_parse(text, len, s, why, sizeof why) < 0) {
		snprintf(err, errlen, "%s: %s; using the defaults", path, why);
		return -1;
	}
	return 0;
}

/* mkdir -p of the directories above path's file, private to the user. */
static int make_parents(const char *path)
{
	char dir[PATH_MAX];
	size_t len = strlen(path);

	if (len >= sizeof dir)
		return -ENAMETOOLONG;
	memcpy(dir, path, len + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	return 0;
}

static int write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * The file a path names, through symbolic links (a tasktoprc kept with the
 * user's dotfiles): the new file is renamed over the target, never over
 * the link.  A link to nothing yet resolves to where it points.
 */
static int follow_links(const char *path, char *out, size_t size)
{
	char link[PATH_MAX], next[PATH_MAX];

	if ((size_t)snprintf(out, size, "%s", path) >= size)
		return -ENAMETOOLONG;
	for (int hops = 0; hops < 40; hops++) {
		ssize_t n = readlink(out, link, sizeof link - 1);
		const char *slash = strrchr(out, '/');
		int len;

		if (n < 0)
			return errno == EINVAL || errno == ENOENT ? 0 : -errno;
		link[n] = '\0';
		if (link[0] == '/' || !slash)
			len = snprintf(next, sizeof next, "%s", link);
		else
			len = snprintf(next, sizeof next, "%.*s/%s",
			    (int)(slash - out), out, link);
		if (len < 0 || (size_t)len >= sizeof next ||
		    (size_t)len >= size)
			return -ENAMETOOLONG;
		memcpy(out, next, (size_t)len + 1);
	}
	return -ELOOP;
}

/*
 * The file as it is now (another tasktop, or an editor, may have changed
 * it since the start): its text and mode, or none.  A file that no longer
 * parses is not written over; *why says why.
 */
static int read_current(const char *target, char *text, size_t *len,
    mode_t *mode, char *why, size_t whylen)
{
	struct settings parsed;
	struct stat st;
	int rc;

	*len = 0;
	if (stat(target, &st) == 0)
		*mode = st.st_mode & 0777;
	rc = ui_read_regular_file(target, text, SETTINGS_FILE_MAX + 1, len);
	if (rc == -ENOENT)
		return 0;
	if (rc < 0) {
		snprintf(why, whylen, "%s", read_error(rc));
		return -1;
	}
	return settings_parse(text, *len, &parsed, why, whylen);
}

/* A temporary file beside target, fsync, rename: the old file stays whole
 * until the new one is complete.  0 or -errno. */
static int replace_file(const char *target, const struct buf *text,
    mode_t mode)
{
	char tmp[PATH_MAX];
	int fd, rc;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", target) >= sizeof tmp)
		return -ENAMETOOLONG;
	rc = make_parents(target);
	fd = rc < 0 ? -1 : mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return rc < 0 ? rc : -errno;
	rc = fchmod(fd, mode) < 0 ? -errno : 0;
	if (rc == 0)
		rc = write_all(fd, text->data, text->len);
	if (rc == 0 && fsync(fd) < 0)
		rc = -errno;
	if (close(fd) < 0 && rc == 0)
		rc = -errno;
	if (rc == 0 && rename(tmp, target) < 0)
		rc = -errno;
	if (rc < 0)
		unlink(tmp);
	return rc;
}

int settings_save(const char *path, const struct settings *s, char *err,
    size_t errlen)
{
	static char old[SETTINGS_FILE_MAX + 1];
	char target[PATH_MAX], why[256];
	struct buf text;
	mode_t mode = 0600;
	size_t len = 0;
	int rc = follow_links(path, target, sizeof target);

	if (rc < 0) {
		snprintf(err, errlen, "settings not saved: %s: %s", path,
		    strerror(-rc));
		return -1;
	}
	if (read_current(target, old, &len, &mode, why, sizeof why) < 0) {
		snprintf(err, errlen, "settings not saved: %s: %s (the file "
		    "is left as it was)", path, why);
		return -1;
	}
	buf_init(&text);
	settings_update(old, len, s, &text);
	/* unchanged, or nothing to say in a file that is not there */
	if (text.len > SETTINGS_FILE_MAX)
		rc = -EFBIG;	/* the next start would refuse it */
	else if ((len > 0 || s->has != 0) &&
	    (text.len != len || memcmp(text.data, old, len) != 0))
		rc = replace_file(target, &text, mode);
	buf_free(&text);
	if (rc < 0) {
		snprintf(err, errlen, "settings not saved: %s: %s", path,
		    strerror(-rc));
		return -1;
	}
	return 0;
}
