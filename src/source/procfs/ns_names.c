/*
 * ns_names.c - the names resolver: nsfs bind mounts of tasktop's mount
 * namespace, by namespace inode (docs/ARCHITECTURE.md, "Namespace names and
 * contents").
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "ns_read.h"

#define MOUNTINFO_MAX	(4 * 1024 * 1024)	/* a host with many containers */

struct collect {
	struct ns_names	*nn;
	bool		 oom;
};

static struct ns_name *find(const struct ns_names *nn, enum ns_type t,
    uint64_t ino)
{
	for (size_t i = 0; i < nn->n; i++)
		if (nn->v[i].type == t && nn->v[i].ino == ino)
			return &nn->v[i];
	return NULL;
}

static void take_mount(const struct nsfs_mount *m, void *arg)
{
	struct collect *c = arg;
	struct ns_names *nn = c->nn;
	struct ns_name cand = { .type = m->type, .ino = m->ino };
	struct ns_name *have;

	if (nn->dev_known && (m->dev_major != nn->dev_major ||
	    m->dev_minor != nn->dev_minor))
		return;
	memcpy(cand.path, m->path, m->path_len + 1);
	cand.path_len = m->path_len;
	cand.rank = nsfs_mount_rank(cand.path, cand.path_len, &cand.name,
	    &cand.name_len);
	if (cand.rank < 0)
		return;
	have = find(nn, m->type, m->ino);
	if (have == NULL) {
		if (nn->n == nn->cap) {
			size_t cap = nn->cap ? nn->cap * 2 : 16;
			struct ns_name *v = realloc(nn->v, cap * sizeof *v);
			if (v == NULL) {
				c->oom = true;
				return;
			}
			nn->v = v;
			nn->cap = cap;
		}
		have = &nn->v[nn->n++];
	} else if (have->rank >= cand.rank) {
		return;		/* the first of equal names stays */
	}
	*have = cand;
	have->name = have->path + (cand.name - cand.path);
}

static void reread(struct ns_names *nn)
{
	char *buf = malloc(MOUNTINFO_MAX);
	size_t len = 0;
	struct collect c = { .nn = nn };

	nn->n = 0;
	if (buf == NULL)
		return;
	if (proc_pread_file(nn->fd, buf, MOUNTINFO_MAX, &len) == FIELD_OK)
		proc_parse_mountinfo_nsfs(buf, len, take_mount, &c);
	nn->reads++;
	free(buf);
	/* lookups go by inum (unique among live namespaces of every type) */
	intmap_free(&nn->index);
	intmap_init(&nn->index);
	for (size_t i = 0; i < nn->n; i++)
		intmap_put(&nn->index, (int)(uint32_t)nn->v[i].ino,
		    (void *)(uintptr_t)(i + 1));
}

void ns_names_open(struct ns_names *nn, const struct proc_root *root)
{
	struct stat st;

	memset(nn, 0, sizeof *nn);
	intmap_init(&nn->index);
	nn->fd = openat(root->dirfd, "self/mountinfo", O_RDONLY | O_CLOEXEC |
	    O_NONBLOCK);
	/* every ns link lives on the one nsfs superblock */
	if (root->procfs && fstatat(root->dirfd, "self/ns/net", &st, 0) == 0) {
		nn->dev_known = true;
		nn->dev_major = major(st.st_dev);
		nn->dev_minor = minor(st.st_dev);
	}
	if (nn->fd >= 0)
		reread(nn);
}

void ns_names_close(struct ns_names *nn)
{
	if (nn->fd >= 0)
		close(nn->fd);
	intmap_free(&nn->index);
	free(nn->v);
	memset(nn, 0, sizeof *nn);
	nn->fd = -1;
}

void ns_names_update(struct ns_names *nn)
{
	struct pollfd p = { .fd = nn->fd, .events = POLLPRI };

	if (nn->fd < 0)
		return;
	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLPRI | POLLERR)))
		reread(nn);
}

const struct ns_name *ns_names_find(const struct ns_names *nn,
    enum ns_type t, uint64_t ino)
{
	uintptr_t at = (uintptr_t)intmap_get(&nn->index, (int)(uint32_t)ino);
	const struct ns_name *n = at ? &nn->v[at - 1] : NULL;

	return n != NULL && n->type == t && n->ino == ino ? n : NULL;
}
