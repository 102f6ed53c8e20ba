#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "tasktop/procfs.h"

/* A task id: decimal digits without a leading zero, within int. */
static int task_id_from_name(const char *name)
{
	long long id = 0;

	if (name[0] < '1' || name[0] > '9')
		return -1;
	for (const char *p = name; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		id = id * 10 + (*p - '0');
		if (id > INT_MAX)
			return -1;
	}
	return (int)id;
}

/* procfs whose "self" is our pid: its pids name what our system calls do. */
static bool root_is_own_procfs(int fd)
{
	struct statfs fs;
	char self[32];
	ssize_t n;

	if (fstatfs(fd, &fs) != 0 || fs.f_type != PROC_SUPER_MAGIC)
		return false;
	n = readlinkat(fd, "self", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	return task_id_from_name(self) == (int)getpid();
}

int proc_root_open(struct proc_root *root, const char *path)
{
	int fd;

	root->dirfd = -1;
	root->procfs = false;
	if (strlen(path) >= sizeof root->path)
		return -ENAMETOOLONG;
	/* O_PATH: the root is only ever a base for openat, never read. */
	fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -errno;
	root->dirfd = fd;
	snprintf(root->path, sizeof root->path, "%s", path);
	root->procfs = root_is_own_procfs(fd);
	return 0;
}

/* A directory named by a task id; looked at without opening anything. */
static bool is_task_dir(int dirfd, const char *name)
{
	struct stat st;

	return task_id_from_name(name) > 0 &&
	    fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode);
}

int proc_root_check(const struct proc_root *root)
{
	struct statfs fs;
	struct dirent *e;
	bool found = false, any = false;
	int fd;
	DIR *d;

	struct stat st;

	if (fstatfs(root->dirfd, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC)
		return 0;
	if (fstatat(root->dirfd, "loadavg", &st, AT_SYMLINK_NOFOLLOW) == 0)
		return 0;
	fd = openat(root->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return -ENOMEDIUM;
	}
	/* An empty tree is a fixture with nothing in it yet: 0 processes is
	 * what it holds.  A tree of other files is something else. */
	while (!found && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		any = true;
		found = is_task_dir(fd, e->d_name);
	}
	closedir(d);
	return found || !any ? 0 : -ENOMEDIUM;
}

void proc_root_close(struct proc_root *root)
{
	if (root->dirfd >= 0)
		close(root->dirfd);
	root->dirfd = -1;
}

static int push_id(int **ids, size_t *cap, size_t n, int id)
{
	if (n == *cap) {
		size_t grown = *cap ? *cap * 2 : 256;
		int *p = realloc(*ids, grown * sizeof **ids);
		if (p == NULL)
			return -ENOMEM;
		*ids = p;
		*cap = grown;
	}
	(*ids)[n] = id;
	return 0;
}

static int compare_ids(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int list_numeric_entries(const struct proc_root *root,
    const char *dir, int **ids, size_t *cap)
{
	int fd = openat(root->dirfd, dir,
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t n = 0;
	int rc = 0;
	struct dirent *e;
	DIR *d;

	if (fd == -1)
		return -errno;
	d = fdopendir(fd);
	if (d == NULL) {
		int err = errno;

		close(fd);
		return -err;
	}
	while (rc == 0 && n < INT_MAX && (e = readdir(d)) != NULL) {
		int id = task_id_from_name(e->d_name);
		if (id > 0 && (rc = push_id(ids, cap, n, id)) == 0)
			n++;
	}
	closedir(d);
	if (rc != 0)
		return rc;
	if (n > 0)
		qsort(*ids, n, sizeof **ids, compare_ids);
	return (int)n;
}

int proc_list_tgids(const struct proc_root *root, int **ids, size_t *cap)
{
	return list_numeric_entries(root, ".", ids, cap);
}

int proc_list_tids(const struct proc_root *root, int tgid, int **ids,
    size_t *cap)
{
	char dir[32];

	snprintf(dir, sizeof dir, "%d/task", tgid);
	return list_numeric_entries(root, dir, ids, cap);
}

int proc_count_tids(const struct proc_root *root, int tgid)
{
	char dir[32];
	struct stat st;

	if (!root->procfs)
		return -1;
	snprintf(dir, sizeof dir, "%d/task", tgid);
	if (fstatat(root->dirfd, dir, &st, 0) != 0 || st.st_nlink < 2 ||
	    st.st_nlink - 2 > INT_MAX)
		return -1;
	return (int)(st.st_nlink - 2);
}

/* The kernel's encoding of a process CPU-time clock (glibc's
 * clock_getcpuclockid() makes the same, then checks it with one more
 * system call): the pid inverted, shifted, and the "sched" clock. */
#define PROCESS_SCHED_CLOCK(pid)	((clockid_t)(~(unsigned)(pid) << 3 | 2u))

int proc_group_runtime(const struct proc_root *root, int tgid,
    uint64_t *ns)
{
	struct timespec ts;

	*ns = 0;
	if (!root->procfs || tgid <= 0)
		return -ENOTSUP;
	if (clock_gettime(PROCESS_SCHED_CLOCK(tgid), &ts) != 0)
		return -errno;
	*ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	return 0;
}
