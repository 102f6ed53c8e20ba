/*
 * internal.h - what the files of the act layer share: the system call that
 * signals through a pinned directory.
 */
#ifndef TASKTOP_ACT_INTERNAL_H
#define TASKTOP_ACT_INTERNAL_H

#include "tasktop/act.h"

/* <linux/pidfd.h> of older systems lacks the 6.9 flags. */
#ifndef PIDFD_SIGNAL_THREAD
#define PIDFD_SIGNAL_THREAD		(1u << 0)
#endif
#ifndef PIDFD_SIGNAL_THREAD_GROUP
#define PIDFD_SIGNAL_THREAD_GROUP	(1u << 1)
#endif

/* pidfd_send_signal(dirfd, signo, NULL, flags): 0 or -errno. */
int act_send(int dirfd, int signo, unsigned flags);

#endif
