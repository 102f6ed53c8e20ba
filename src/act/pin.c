/*
 * pin.c - pin the task the screen shows through its proc directory, and
 * check that the directory holds that task and not one that got its id
 * (docs/ARCHITECTURE.md "Acting on a task").
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

#define STATUS_BUF 8192

int act_send(int dirfd, int signo, unsigned flags)
{
#ifdef SYS_pidfd_send_signal
	if (syscall(SYS_pidfd_send_signal, dirfd, signo, NULL, flags) == 0)
		return 0;
	return -errno;
#else
	(void)dirfd;
	(void)signo;
	(void)flags;
	return -ENOSYS;
#endif
}

void act_pin_init(struct act_pin *pin)
{
	memset(pin, 0, sizeof *pin);
	pin->dirfd = -1;
}

static int errno_of(enum field_state st)
{
	switch (st) {
	case FIELD_GONE:
		return -ESRCH;
	case FIELD_DENIED:
		return -EACCES;
	default:
		return -EIO;
	}
}

/* The task behind dirfd is the one shown: same start time (a reused id
 * belongs to a task started later), same thread group.  The start time is
 * the thread's own "task/<tid>/stat" below the pin (only a thread of the
 * pinned task's group resolves there): "<tid>/stat" is its group's, whose
 * times the kernel sums over every thread, 2.3 ms at 10,000 threads, and
 * a renice of such a process pins each of them. */
static int pin_identity(int dirfd, const struct act_task *t, bool *exited)
{
	char buf[STATUS_BUF];
	char name[32];
	struct proc_stat stat;
	struct proc_status status;
	size_t len = 0;
	enum field_state st;

	snprintf(name, sizeof name, "task/%d/stat", t->tid);
	st = proc_read_file_at(dirfd, name, buf, sizeof buf, &len);
	if (st != FIELD_OK)
		return errno_of(st);
	if (proc_parse_stat(buf, len, &stat) != 0)
		return -EIO;
	if (stat.starttime != t->starttime)
		return -ESTALE;
	/* a leader that exited while its threads live: a zombie that takes
	 * no signal of its own */
	*exited = stat.state == 'Z' || stat.state == 'X';
	st = proc_read_file_at(dirfd, "status", buf, sizeof buf, &len);
	if (st != FIELD_OK)
		return errno_of(st);
	if (proc_parse_status(buf, len, &status) != 0 ||
	    !(status.has & STATUS_HAS_TGID))
		return -EIO;
	return status.tgid == t->tgid ? 0 : -ESTALE;
}

/* Whether pidfd_send_signal takes the directory at all (signal 0 sends
 * nothing): not on a fixture tree, nor outside our pid namespace. */
static int pin_probe(struct act_pin *pin)
{
	int rc = act_send(pin->dirfd, 0, 0);

	if (rc == -ENOTDIR)
		rc = -EBADF;
	if (rc < 0)
		return rc;
	pin->thread_exact = act_send(pin->dirfd, 0, PIDFD_SIGNAL_THREAD) == 0;
	return 0;
}

int act_pin(struct act_pin *pin, const struct proc_root *root,
    const struct act_task *t)
{
	int fd, rc;

	act_pin_init(pin);
	if (t->tid <= 0 || t->tgid <= 0)
		return -EINVAL;
	if (!t->starttime_known)
		return -ENODATA;
	fd = proc_open_id_dir(root, t->tid);
	if (fd < 0)
		return fd == -ENOENT ? -ESRCH : fd == -ENOTDIR ? -EBADF : fd;
	pin->dirfd = fd;
	pin->task = *t;
	pin->numbers_ours = root->procfs;
	rc = pin_identity(fd, t, &pin->exited);
	if (rc == 0)
		rc = pin_probe(pin);
	if (rc < 0)
		act_unpin(pin);
	return rc;
}

void act_unpin(struct act_pin *pin)
{
	if (pin->dirfd >= 0)
		close(pin->dirfd);
	act_pin_init(pin);
}

/* Signal 0 to the thread itself: its struct pid has a task only while the
 * thread lives, whether or not its group does. */
int act_check(const struct act_pin *pin)
{
	if (pin->dirfd < 0)
		return -EBADF;
	return act_send(pin->dirfd, 0, pin->thread_exact ? PIDFD_SIGNAL_THREAD : 0);
}

int act_by_number_ok(const struct act_pin *pin)
{
	if (pin->dirfd < 0)
		return -EBADF;
	return pin->numbers_ours ? 0 : -EXDEV;
}

const char *act_strerror(int err)
{
	switch (-err) {
	case ESRCH:
	case ENOENT:
		return "it has exited";
	case ESTALE:
		return "it has exited and its id now names another task";
	case ENODATA:
		return "its start time is unknown, so a reused id could not be "
		    "told apart";
	case EBADF:
		return "the proc root is not a live proc filesystem";
	case EINVAL:
		return "it is outside tasktop's pid namespace";
	case ENOSYS:
		return "this kernel cannot signal through /proc (Linux 5.3 can)";
	case EOPNOTSUPP:
		return "this kernel cannot signal one thread exactly (Linux 6.9 "
		    "can); t: the whole process";
	case EXDEV:
		return "the proc root is another pid namespace's: its ids are "
		    "not tasktop's";
	case EPERM:
		return "not permitted (another user's task: root or CAP_KILL "
		    "may signal it)";
	case EACCES:
		return "its /proc files cannot be read, so it cannot be told "
		    "apart from a task that got its id";
	default:
		return strerror(-err);
	}
}
