#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tasktop/proc.h"

int proc_root_open(struct proc_root *root, const char *path)
{
	root->dirfd = -1;
	if (strlen(path) >= sizeof root->path)
		return -ENAMETOOLONG;
	/* O_PATH: the root is only ever a base for openat, never read. */
	int fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -errno;
	root->dirfd = fd;
	snprintf(root->path, sizeof root->path, "%s", path);
	return 0;
}

void proc_root_close(struct proc_root *root)
{
	if (root->dirfd >= 0)
		close(root->dirfd);
	root->dirfd = -1;
}

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
	if (fd == -1)
		return -errno;
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		int err = errno;
		close(fd);
		return -err;
	}
	size_t n = 0;
	int rc = 0;
	struct dirent *e;
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
