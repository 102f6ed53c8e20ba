/*
 * denied.h - why the kernel refused a thread's stack, in words: for root
 * "needs root" is no answer.  The kernel checks CAP_SYS_ADMIN in the
 * initial user namespace (EACCES), then ptrace access (EPERM): uid and
 * capabilities, then the security modules (Yama, Landlock, SELinux ...).
 */
#ifndef TASKTOP_DENIED_H
#define TASKTOP_DENIED_H

#include <stdbool.h>
#include <stddef.h>

/* What tasktop itself holds (its own /proc/self, not the proc root's). */
struct privileges {
	bool		 known;
	bool		 root;			/* euid 0 */
	bool		 init_userns;		/* in the initial user namespace */
	bool		 cap_sys_admin;		/* effective */
	bool		 cap_sys_ptrace;
	char		 lsm[128];		/* /sys/kernel/security/lsm, or "" */
};

/* Read once, then kept. */
const struct privileges *privileges_get(void);
/* The reason for errno err reading /proc/<tid>/stack, into out (one
 * sentence, no trailing period).  Pure. */
void denied_stack_words(const struct privileges *p, int err, int tid,
    char *out, size_t len);

#endif
