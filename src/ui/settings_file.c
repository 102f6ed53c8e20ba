/*
 * settings_file.c - where the settings file lives, reading it without
 * trusting it, and replacing it atomically (docs/ARCHITECTURE.md,
 * "Settings").  Read: a regular file only (a FIFO or a device would block
 * or never end), 64 KiB at most.  Written: a temporary file beside it,
 * fsync, rename, so a crash or a full disk leaves the old file whole.
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

int settings_save(const char *path, const struct settings *s, char *err,
    size_t errlen)
{
	char tmp[PATH_MAX];
	struct buf text;
	int fd, rc;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		snprintf(err, errlen, "settings not saved: %s: %s", path,
		    strerror(ENAMETOOLONG));
		return -1;
	}
	rc = make_parents(path);
	fd = rc < 0 ? -1 : mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "settings not saved: %s: %s", path,
		    strerror(rc < 0 ? -rc : errno));
		return -1;
	}
	buf_init(&text);
	settings_format(s, &text);
	rc = write_all(fd, text.data, text.len);
	buf_free(&text);
	if (rc == 0 && fsync(fd) < 0)
		rc = -errno;
	if (close(fd) < 0 && rc == 0)
		rc = -errno;
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -errno;
	if (rc < 0) {
		unlink(tmp);
		snprintf(err, errlen, "settings not saved: %s: %s", path,
		    strerror(-rc));
		return -1;
	}
	return 0;
}
