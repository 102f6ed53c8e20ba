#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <unistd.h>

#include "tasktop/procfs.h"

/* Paths are built by hand: tens of thousands a refresh, and snprintf's
 * parsing of its format showed in profiles. */
struct path {
	char	*p;
	char	*end;		/* one before the last byte: room for NUL */
	bool	 full;
};

static void path_add(struct path *b, const char *s)
{
	while (*s != '\0' && b->p < b->end)
		*b->p++ = *s++;
	b->full |= *s != '\0';
}

static void path_add_id(struct path *b, int id)
{
	char digits[16];
	size_t n = 0;
	unsigned v = id < 0 ? 0 : (unsigned)id;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0 && b->p < b->end)
		*b->p++ = digits[--n];
	b->full |= n > 0;
}

/* "<tgid>/task/<tid>/<dir><name>", or "<tgid>/<dir><name>" for tid 0. */
static int task_path(char *path, size_t size, int tgid, int tid,
    const char *dir, const char *name)
{
	struct path b = { path, path + size - 1, size == 0 };

	if (size == 0)
		return -ENAMETOOLONG;
	path_add_id(&b, tgid);
	if (tid != 0) {
		path_add(&b, "/task/");
		path_add_id(&b, tid);
	}
	path_add(&b, "/");
	path_add(&b, dir);
	path_add(&b, name);
	*b.p = '\0';
	return b.full ? -ENAMETOOLONG : 0;
}

/* O_NONBLOCK: a FIFO under a --proc-root must not hang the open. */
static int open_below_root(const struct proc_root *root, const char *path)
{
	int fd = openat(root->dirfd, path,
	    O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	return fd == -1 ? -errno : fd;
}

int proc_open_task_file(const struct proc_root *root, int tgid, int tid,
    const char *name)
{
	char path[512];
	int rc = task_path(path, sizeof path, tgid, tid, "", name);

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
		size_t want = cap - 1 - off;
		ssize_t n = pread(fd, buf + off, want, (off_t)off);
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
		/*
		 * Short means the end: procfs makes the whole text on each
		 * read (seq_file fills all it is asked for), a regular file
		 * reads short only at its end.  Asking again to see 0 would
		 * make procfs generate the text a second time.
		 */
		if ((size_t)n < want)
			break;
	}
	buf[off] = '\0';
	*len = off;
	return FIELD_OK;
}

static enum field_state read_and_close(int fd, char *buf, size_t cap,
    size_t *len)
{
	enum field_state st;

	*len = 0;
	if (cap > 0)
		buf[0] = '\0';
	if (fd < 0)
		return field_state_from_errno(-fd);
	st = proc_pread_file(fd, buf, cap, len);
	close(fd);
	return st;
}

enum field_state proc_read_task_file(const struct proc_root *root, int tgid,
    int tid, const char *name, char *buf, size_t cap, size_t *len)
{
	return read_and_close(proc_open_task_file(root, tgid, tid, name),
	    buf, cap, len);
}

int proc_open_id_dir(const struct proc_root *root, int id)
{
	char path[16];
	struct path b = { path, path + sizeof path - 1, false };
	int fd;

	if (id <= 0)
		return -EINVAL;
	path_add_id(&b, id);
	*b.p = '\0';
	fd = openat(root->dirfd, path,
	    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

enum field_state proc_read_file_at(int dirfd, const char *name, char *buf,
    size_t cap, size_t *len)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	return read_and_close(fd < 0 ? -errno : fd, buf, cap, len);
}

enum field_state proc_read_root_file(const struct proc_root *root,
    const char *name, char *buf, size_t cap, size_t *len)
{
	return read_and_close(open_below_root(root, name), buf, cap, len);
}

static enum field_state read_ns_link(int dirfd, const char *path,
    enum ns_type type, uint64_t *ino)
{
	char link[128];
	ssize_t n = readlinkat(dirfd, path, link, sizeof link);

	*ino = 0;
	if (n < 0)
		return field_state_from_errno(errno);
	if ((size_t)n == sizeof link ||
	    proc_parse_ns_link(link, (size_t)n, type, ino) != 0)
		return FIELD_UNAVAILABLE;
	return FIELD_OK;
}

enum field_state proc_read_ns(const struct proc_root *root, int tgid, int tid,
    enum ns_type type, uint64_t *ino)
{
	const char *name = ns_type_name(type);
	char path[512];

	*ino = 0;
	if (name == NULL)
		return FIELD_UNAVAILABLE;
	if (task_path(path, sizeof path, tgid, tid, "ns/", name) < 0)
		return FIELD_UNAVAILABLE;
	return read_ns_link(root->dirfd, path, type, ino);
}

int proc_open_ns_dir(const struct proc_root *root, int tgid, int tid)
{
	char path[512];
	int fd;

	if (task_path(path, sizeof path, tgid, tid, "", "ns") < 0)
		return -ENAMETOOLONG;
	fd = openat(root->dirfd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

enum field_state proc_read_ns_at(int ns_dir, enum ns_type type,
    uint64_t *ino)
{
	const char *name = ns_type_name(type);

	*ino = 0;
	if (name == NULL)
		return FIELD_UNAVAILABLE;
	return read_ns_link(ns_dir, name, type, ino);
}

void proc_read_ns_all(const struct proc_root *root, int tgid, int tid,
    int ns_dir, enum field_state state[NS_COUNT], uint64_t ino[NS_COUNT])
{
	int fd = ns_dir >= 0 ? ns_dir : proc_open_ns_dir(root, tgid, tid);
	int type;

	for (type = 0; type < NS_COUNT; type++) {
		/* out of fds: one path walk a link still works */
		if (fd == -EMFILE || fd == -ENFILE)
			state[type] = proc_read_ns(root, tgid, tid, type,
			    &ino[type]);
		else if (fd < 0) {
			ino[type] = 0;
			state[type] = field_state_from_errno(-fd);
		} else
			state[type] = proc_read_ns_at(fd, type, &ino[type]);
	}
	if (fd >= 0 && fd != ns_dir)
		close(fd);
}
