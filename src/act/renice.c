/*
 * renice.c - a nice value for the pinned thread.  setpriority() takes a
 * number, so it is allowed only when the proc root's ids are tasktop's
 * (act_by_number_ok), and the pin is checked before and after the call:
 * alive after it, the task held its id throughout, so the call reached it
 * (docs/ARCHITECTURE.md "Acting on a task").  On Linux a nice value
 * belongs to one thread; a process is reniced thread by thread.  Its value
 * now is read the same way (getpriority), so a step goes from it and not
 * from the one a screen showed a refresh (or a pause) ago.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tasktop/util.h"

#include "internal.h"

int act_renice(const struct act_pin *pin, int nice)
{
	int rc = act_by_number_ok(pin);

	if (rc == 0)
		rc = act_check(pin);
	if (rc < 0)
		return rc;
	if (setpriority(PRIO_PROCESS, (id_t)pin->task.tid, nice) < 0)
		rc = -errno;
	if (act_check(pin) < 0)
		return -ESRCH;
	return rc;
}

int act_nice(const struct act_pin *pin, int *nice)
{
	int rc = act_by_number_ok(pin);
	int v;

	if (rc == 0)
		rc = act_check(pin);
	if (rc < 0)
		return rc;
	errno = 0;	/* -1 is a nice value too */
	v = getpriority(PRIO_PROCESS, (id_t)pin->task.tid);
	if (v == -1 && errno != 0)
		return -errno;
	if (act_check(pin) < 0)
		return -ESRCH;
	*nice = v;
	return 0;
}

int act_nice_threads(const struct act_pin *pin, const int *tids, size_t n,
    int *nice, bool *known)
{
	int rc = act_by_number_ok(pin);
	int *now;

	for (size_t i = 0; i < n; i++)
		known[i] = false;
	if (rc == 0)
		rc = act_signal(pin, 0, ACT_PROCESS);
	if (rc < 0 || n == 0)
		return rc;
	now = oom_malloc(n * sizeof *now, "nice values");
	for (size_t i = 0; i < n; i++) {
		if (tids[i] <= 0)
			continue;
		errno = 0;	/* -1 is a nice value too */
		now[i] = getpriority(PRIO_PROCESS, (id_t)tids[i]);
		if (now[i] == -1 && errno != 0)
			continue;
		/* a thread of the group after the call was one at the call;
		 * EPERM (another user's) says so too */
		known[i] = syscall(SYS_tgkill, pin->task.tgid, tids[i], 0) == 0 ||
		    errno == EPERM;
	}
	/* and the group's number was the pinned group's throughout */
	rc = act_signal(pin, 0, ACT_PROCESS);
	for (size_t i = 0; i < n; i++) {
		known[i] = known[i] && rc == 0;
		if (known[i])
			nice[i] = now[i];
	}
	free(now);
	return rc;
}
