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
#include <sys/resource.h>

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
