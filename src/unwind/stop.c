/*
 * stop.c - stop one thread, and let it go at once (docs/ARCHITECTURE.md
 * "User stacks").  PTRACE_SEIZE takes the thread without a signal, and
 * PTRACE_INTERRUPT stops it; the stop is awaited with waitpid(WNOHANG) and
 * sigtimedwait(SIGCHLD) against a deadline, never a blocking wait.  A
 * signal that arrives instead of the interrupt is handed back on detach.
 * SEIZE also means that if this process dies, the kernel resumes the
 * thread (a PTRACE_ATTACH would leave a SIGSTOP behind).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>

#include "internal.h"

double helper_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wait for tid's next stop until deadline.  1 stopped (*status), 0 not in
 * time, -1 it exited. */
static int stop_wait(int tid, double deadline, int *status)
{
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	for (;;) {
		pid_t r = waitpid(tid, status, __WALL | WNOHANG);
		double left;
		struct timespec ts;

		if (r == tid)
			return WIFSTOPPED(*status) ? 1 : -1;
		if (r < 0 && errno != EINTR)
			return -1;
		left = deadline - helper_clock();
		if (left <= 0)
			return 0;
		ts = (struct timespec){ (time_t)left,
		    (long)((left - (double)(time_t)left) * 1e9) };
		/* SIGCHLD is blocked in the helper: a tracee's stop wakes this */
		sigtimedwait(&chld, NULL, &ts);
	}
}

/* The stop a seized thread reports: the interrupt, a group stop (both
 * PTRACE_EVENT_STOP), or a signal on its way in, to be re-injected. */
static int stop_signal_of(int status)
{
	if ((status >> 16) == PTRACE_EVENT_STOP)
		return 0;
	return WSTOPSIG(status);
}

enum stop_outcome stop_thread(int tid, int deadline_ms, struct stopped *s,
    int *err)
{
	int status = 0;
	double asked;

	s->tid = tid;
	s->signal = 0;
	if (ptrace(PTRACE_SEIZE, tid, NULL, NULL) != 0) {
		*err = errno;
		if (errno == ESRCH)
			return STOP_GONE;
		return STOP_DENIED;	/* the caller tells a tracer from a denial */
	}
	asked = helper_clock();
	if (ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) != 0) {
		*err = errno;
		ptrace(PTRACE_DETACH, tid, NULL, NULL);
		return STOP_GONE;
	}
	switch (stop_wait(tid, asked + deadline_ms / 1000.0, &status)) {
	case 1:
		/* stopped from about now: waiting for a busy CPU was not */
		s->since = helper_clock();
		s->signal = stop_signal_of(status);
		return STOP_OK;
	case 0:
		*err = ETIMEDOUT;
		return STOP_TIMEOUT;
	default:
		*err = ESRCH;
		return STOP_GONE;
	}
}

uint32_t stop_resume(const struct stopped *s)
{
	double us;

	ptrace(PTRACE_DETACH, s->tid, NULL, (void *)(long)s->signal);
	us = (helper_clock() - s->since) * 1e6;
	return us < 0 ? 0 : us > 4e9 ? 4000000000u : (uint32_t)us;
}
