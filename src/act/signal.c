/*
 * signal.c - a signal to the pinned thread or to its whole thread group,
 * through the pinned directory: never by number.
 */
#include "config.h"

#include <errno.h>

#include "internal.h"

int act_signal(const struct act_pin *pin, int signo, enum act_scope scope)
{
	if (pin->dirfd < 0)
		return -EBADF;
	if (scope == ACT_THREAD && pin->exited)
		return -ESRCH;	/* the kernel would take it and drop it */
	if (scope == ACT_THREAD)
		return pin->thread_exact ?
		    act_send(pin->dirfd, signo, PIDFD_SIGNAL_THREAD) : -EOPNOTSUPP;
	/* Before 6.9 no flags are taken, and a proc directory means its
	 * thread group; since 6.9 that is said outright. */
	return act_send(pin->dirfd, signo,
	    pin->thread_exact ? PIDFD_SIGNAL_THREAD_GROUP : 0);
}
