#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "tasktop/proc.h"

/* "<tgid>/task/<tid>/<name>", or "<tgid>/<name>" for tid 0. */
static int task_path(char *path, size_t size, int tgid, int tid,
    const char *name)
{
	int n = tid == 0 ? snprintf(path, size, "%d/%s", tgid, name)
	    : snprintf(path, size, "%d/task/%d/%s", tgid, tid, name);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static int open_below_root(const struct proc_root *root, const char *path)
{
	int fd = openat(root->dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	return fd == -1 ? -errno : fd;
}

int proc_open_task_file(const struct proc_root *root, int tgid, int tid,
    const char *name)
{
	char path[512];
	int rc = task_path(path, sizeof path, tgid, tid, name);

	return rc < 0 ? rc : open_below_root(root, path);
}

enum field_state proc_pread_file(int fd, char *buf, size_t cap, size_t *len)
{
	size_t off = 0;

	*len = 0;
	if (cap == 0)
		return FIELD_UNAVAILABLE;
	buf[0] = '\0';
	while (off < cap - 1) {
		ssize_t n = pread(fd, buf + off, cap - 1 - off, (off_t)off);
		if (n == 0)
			break;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			/* a half-read file must not pass for the whole one */
			buf[0] = '\0';
			return field_state_from_errno(errno);
		}
		off += (size_t)n;
	}
	buf[off] = '\0';
	*len = off;
	return FIELD_OK;
}

static enum field_state read_and_close(int fd, char *buf, size_t cap,
    size_t *len)
{
	*len = 0;
	if (cap > 0)
		buf[0] = '\0';
	if (fd < 0)
		return field_state_from_errno(-fd);
	enum field_state st = proc_pread_file(fd, buf, cap, len);
	close(fd);
	return st;
}

enum field_state proc_read_task_file(const struct proc_root *root, int tgid,
    int tid, const char *name, char *buf, size_t cap, size_t *len)
{
	return read_and_close(proc_open_task_file(root, tgid, tid, name),
	    buf, cap, len);
}

enum field_state proc_read_root_file(const struct proc_root *root,
    const char *name, char *buf, size_t cap, size_t *len)
{
	return read_and_close(open_below_root(root, name), buf, cap, len);
}

enum field_state proc_read_ns(const struct proc_root *root, int tgid, int tid,
    enum ns_type type, uint64_t *ino)
{
	char path[512], rel[64], link[128];

	*ino = 0;
	const char *name = ns_type_name(type);
	if (name == NULL)
		return FIELD_UNAVAILABLE;
	snprintf(rel, sizeof rel, "ns/%s", name);
	if (task_path(path, sizeof path, tgid, tid, rel) < 0)
		return FIELD_UNAVAILABLE;
	ssize_t n = readlinkat(root->dirfd, path, link, sizeof link);
	if (n < 0)
		return field_state_from_errno(errno);
	if ((size_t)n == sizeof link
	    || proc_parse_ns_link(link, (size_t)n, type, ino) != 0)
		return FIELD_UNAVAILABLE;
	return FIELD_OK;
}
