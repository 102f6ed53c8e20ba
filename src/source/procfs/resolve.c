#include "config.h"

#include <errno.h>

#include "tasktop/procfs.h"

static int errno_from_field_state(enum field_state st)
{
	switch (st) {
	case FIELD_GONE:
		return ENOENT;
	case FIELD_DENIED:
		return EACCES;
	default:
		return EIO;
	}
}

/* Open <id>/status directly rather than searching a listing: the kernel
 * resolves a tid's directory even though readdir of the root skips it. */
int proc_resolve_tgid(const struct proc_root *root, int id, int *tgid)
{
	char buf[PROC_STATUS_BUF];
	size_t len;
	struct proc_status status;
	enum field_state st;

	if (id <= 0)
		return -EINVAL;
	st = proc_read_task_file(root, id, 0, "status", buf, sizeof buf, &len);
	if (st != FIELD_OK)
		return -errno_from_field_state(st);
	if (proc_parse_status(buf, len, &status) != 0 ||
	    !(status.has & STATUS_HAS_TGID) || status.tgid <= 0)
		return -EINVAL;
	*tgid = status.tgid;
	return 0;
}
