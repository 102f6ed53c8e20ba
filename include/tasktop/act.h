/*
 * act.h - acting on one task: exactly the task the user saw, or none
 * (docs/ARCHITECTURE.md "Acting on a task").
 *
 * A task is pinned through its directory "<proc-root>/<tid>", opened as a
 * directory fd: on procfs that fd holds the task's struct pid, so neither an
 * exit nor a reused id can redirect it, and pidfd_send_signal accepts it
 * (Linux 5.3), whatever pid namespace the proc root belongs to.  Numbers
 * alone never name the target: under another pid namespace's proc root they
 * name different tasks in ours.  The pin checks the task behind the
 * directory against what the screen showed (start time, thread group), so
 * an id reused before the pin is caught too.
 *
 * Errors are -errno, worded by act_strerror:
 *   -ESRCH	the task has exited
 *   -ESTALE	its id now names another task (start time or group differs)
 *   -ENODATA	its start time is unknown: a reused id could not be told apart
 *   -EBADF	the proc root is not a live procfs (a fixture tree)
 *   -EINVAL	the task is outside tasktop's pid namespace
 *   -ENOSYS	the kernel has no pidfd_send_signal
 *   -EOPNOTSUPP	one thread alone cannot be signalled exactly (before 6.9)
 *   -EXDEV	acting by number is refused: the proc root's ids are not ours
 *   -EPERM	not permitted
 */
#ifndef TASKTOP_ACT_H
#define TASKTOP_ACT_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/procfs.h"

/* A task as the screen shows it. */
struct act_task {
	int		 tid;		/* in the proc root's pid namespace */
	int		 tgid;
	bool		 starttime_known;
	unsigned long long starttime;	/* stat's start time, clock ticks */
};

struct act_pin {
	int		 dirfd;		/* "<proc-root>/<tid>"; -1 when unpinned */
	struct act_task	 task;
	bool		 thread_exact;	/* the kernel signals one thread by it (6.9) */
	bool		 numbers_ours;	/* the proc root's ids are tasktop's ids */
	bool		 exited;	/* a zombie (a leader gone before its threads):
					 * ACT_THREAD reaches nobody, -ESRCH */
};

enum act_scope {
	ACT_THREAD,		/* the pinned thread alone */
	ACT_PROCESS,		/* its whole thread group */
};

/* An unpinned pin (dirfd -1): safe to act_unpin. */
void act_pin_init(struct act_pin *pin);
/* Pin t below root: 0, or -errno (see above); on error pin stays unpinned. */
int act_pin(struct act_pin *pin, const struct proc_root *root,
    const struct act_task *t);
void act_unpin(struct act_pin *pin);
/* Still alive, the same task: 0 or -ESRCH (or another -errno). */
int act_check(const struct act_pin *pin);

/* Send signo to the pinned thread or its thread group: 0 or -errno. */
int act_signal(const struct act_pin *pin, int signo, enum act_scope scope);

/*
 * For calls that take a number (setpriority, ...): 0 when the pin's tid may
 * be passed to the kernel, -EXDEV when the proc root belongs to another pid
 * namespace.  Check act_check after such a call: the pinned task still alive
 * then held its id throughout, so the call reached it.
 */
int act_by_number_ok(const struct act_pin *pin);

/*
 * Set the nice value of the pinned thread (one thread: Linux keeps a nice
 * value per thread): act_by_number_ok, then setpriority, then act_check.
 * 0 or -errno: -EACCES lowering it without CAP_SYS_NICE (or RLIMIT_NICE),
 * -EPERM another user's task, -ESRCH gone before or during the call.
 */
int act_renice(const struct act_pin *pin, int nice);
/* The pinned thread's nice value now, the same way: 0 or -errno. */
int act_nice(const struct act_pin *pin, int *nice);
/*
 * The nice values now of n threads of the pinned thread's process, for a
 * prompt to show, with one pin for them all: getpriority by number, then
 * tgkill(tgid, tid, 0), which finds tid only in that thread group: a
 * thread of it after the call was one at the call (its id could name
 * another task only after it exited and the id was reused meanwhile).  The
 * group is checked alive through the pin before and after, so its number
 * was its own throughout.  nice[i] is set and known[i] true for those; the
 * others (gone, not of this process, unreadable) are left as they were.
 * 0, or -errno (-EXDEV as act_by_number_ok, -ESRCH the process exited).
 * Acting on a thread still takes its own pin.
 */
int act_nice_threads(const struct act_pin *pin, const int *tids, size_t n,
    int *nice, bool *known);

/* Words for an error of the functions above ("it has exited", ...). */
const char *act_strerror(int err);

#endif
