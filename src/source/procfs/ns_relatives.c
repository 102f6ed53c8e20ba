/*
 * ns_relatives.c - a task's cgroup (its container or unit) and, through the
 * nsfs ioctls, the user namespace owning one of its namespaces and that
 * namespace's parent.  Read on demand, for what is shown.
 */
#include "config.h"

#include <errno.h>
#include <linux/nsfs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ns_read.h"

#define CGROUP_BUF	4096

enum field_state proc_read_cgroup(const struct proc_root *root, int tgid,
    int tid, struct cgroup_unit *out)
{
	char buf[CGROUP_BUF];
	size_t len = 0;
	enum field_state st = proc_read_task_file(root, tgid, tid, "cgroup",
	    buf, sizeof buf, &len);

	if (st == FIELD_OK && proc_parse_cgroup(buf, len, out) != 0)
		st = FIELD_UNAVAILABLE;
	if (st != FIELD_OK)
		out->kind = CGROUP_NONE, out->id_len = 0, out->id[0] = '\0';
	return st;
}

/* The inode of the namespace fd that ioctl req of nsfd returns. */
static enum field_state ns_ioctl_ino(int nsfd, unsigned long req,
    uint64_t *ino)
{
	struct stat st;
	int fd = ioctl(nsfd, req);
	enum field_state s;

	if (fd < 0) {
		if (errno == EPERM)
			return FIELD_DENIED;
		return FIELD_UNAVAILABLE;	/* ENOTTY, EINVAL: none to give */
	}
	s = fstat(fd, &st) == 0 ? FIELD_OK : FIELD_UNAVAILABLE;
	if (s == FIELD_OK)
		*ino = st.st_ino;
	close(fd);
	return s;
}

void proc_read_ns_relatives(const struct proc_root *root, int tgid, int tid,
    enum ns_type t, struct ns_relatives *out)
{
	char name[32] = "ns/";
	const char *type = ns_type_name(t);
	int nsfd;

	out->owner_state = out->parent_state = FIELD_UNAVAILABLE;
	out->owner = out->parent = 0;
	if (!root->procfs || type == NULL)
		return;
	for (size_t i = 0; type[i] != '\0' && i + 4 < sizeof name; i++)
		name[3 + i] = type[i], name[4 + i] = '\0';
	nsfd = proc_open_task_file(root, tgid, tid, name);
	if (nsfd < 0) {
		out->owner_state = out->parent_state =
		    field_state_from_errno(-nsfd);
		return;
	}
	out->owner_state = ns_ioctl_ino(nsfd, NS_GET_USERNS, &out->owner);
	if (t == NS_PID || t == NS_PID_FOR_CHILDREN || t == NS_USER)
		out->parent_state = ns_ioctl_ino(nsfd, NS_GET_PARENT,
		    &out->parent);
	close(nsfd);
}
