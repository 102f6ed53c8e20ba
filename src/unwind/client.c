/*
 * client.c - tasktop's side of the unwind helper (docs/ARCHITECTURE.md
 * "User stacks").  The helper is a forked child on a socketpair: it dies
 * with tasktop (PR_SET_PDEATHSIG), and when it crashes, hangs past a
 * deadline or exits, the kernel resumes whatever it had stopped.  Requests
 * are queued here and answered in order; the one in progress when the
 * helper goes away is answered with the reason, the rest go to a new one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* No word from a busy helper for this long: it is killed.  The first
 * request of a process reads its modules' symbols and debug info, which
 * can take a while for a large program. */
#define HELPER_DEADLINE_S	3.0
#define HELPER_FD		3

struct pending {
	struct unwind_request rq;
	bool		 sent;
};

struct unwinder {
	pid_t		 pid;		/* 0: no helper */
	int		 fd;
	uint32_t	 next_id;
	struct pending	*q;		/* requests not finished, in order */
	size_t		 nq, qcap;
	unsigned char	*in;		/* bytes read, not yet decoded */
	size_t		 inlen, incap;
	struct unwind_result **ready;	/* decoded, not yet taken */
	size_t		 nready, readycap, readyhead;
	double		 progress;	/* last word from the helper */
};

static double client_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct unwinder *unwinder_new(void)
{
	struct unwinder *u = calloc(1, sizeof *u);

	if (u != NULL)
		u->fd = -1;
	return u;
}

/* ---- the helper process ---------------------------------------------- */

static void child_reset(int sock, pid_t parent)
{
	sigset_t none;
	int null = open("/dev/null", O_RDWR);

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* nothing of tasktop's: not the terminal, not its kept /proc fds */
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
	}
	if (dup2(sock, HELPER_FD) < 0)
		_exit(1);
	close_range(HELPER_FD + 1, ~0u, 0);
}

static bool helper_start(struct unwinder *u)
{
	int sv[2];
	pid_t parent = getpid();
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return false;
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return false;
	}
	if (pid == 0) {
		child_reset(sv[1], parent);
		helper_main(HELPER_FD, parent);
	}
	close(sv[1]);
	fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	u->pid = pid;
	u->fd = sv[0];
	u->inlen = 0;
	u->progress = client_clock();
	for (size_t i = 0; i < u->nq; i++)
		u->q[i].sent = false;
	return true;
}

/* 0 when it exited by itself, else the signal that ended it. */
static int helper_reap(struct unwinder *u, bool kill_it)
{
	int status = 0;

	if (u->pid <= 0)
		return 0;
	if (kill_it)
		kill(u->pid, SIGKILL);
	while (waitpid(u->pid, &status, 0) < 0 && errno == EINTR)
		;
	close(u->fd);
	u->fd = -1;
	u->pid = 0;
	u->inlen = 0;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

void unwinder_free(struct unwinder *u)
{
	if (u == NULL)
		return;
	helper_reap(u, true);
	for (size_t i = 0; i < u->nready; i++)
		unwind_result_free(u->ready[(u->readyhead + i) % u->readycap]);
	free(u->ready);
	free(u->q);
	free(u->in);
	free(u);
}

int unwinder_fd(const struct unwinder *u)
{
	return u->fd;
}

size_t unwinder_pending(const struct unwinder *u)
{
	return u->nq;
}

/* ---- requests --------------------------------------------------------- */

static void send_pending(struct unwinder *u)
{
	for (size_t i = 0; i < u->nq && u->fd >= 0; i++) {
		ssize_t w;

		if (u->q[i].sent)
			continue;
		w = send(u->fd, &u->q[i].rq, sizeof u->q[i].rq,
		    MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w != (ssize_t)sizeof u->q[i].rq)
			return;		/* full (or gone): service() retries */
		u->q[i].sent = true;
	}
}

static void ready_push(struct unwinder *u, struct unwind_result *r)
{
	if (u->nready == u->readycap) {
		size_t cap = u->readycap ? u->readycap * 2 : 16;
		struct unwind_result **nr = malloc(cap * sizeof *nr);
		if (nr == NULL) {
			unwind_result_free(r);
			return;
		}
		for (size_t i = 0; i < u->nready; i++)
			nr[i] = u->ready[(u->readyhead + i) % u->readycap];
		free(u->ready);
		u->ready = nr;
		u->readycap = cap;
		u->readyhead = 0;
	}
	u->ready[(u->readyhead + u->nready++) % u->readycap] = r;
}

/* A result made here: the helper could not give one. */
static void fail_head(struct unwinder *u, enum unwind_reason reason,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail_head(struct unwinder *u, enum unwind_reason reason,
    const char *fmt, ...)
{
	struct unwind_result *r = calloc(1, sizeof *r);
	char *msg = malloc(UNWIND_MAX_STRING);
	va_list ap;

	if (u->nq == 0 || r == NULL || msg == NULL) {
		free(r);
		free(msg);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, UNWIND_MAX_STRING, fmt, ap);
	va_end(ap);
	r->request = u->q[0].rq.id;
	r->tgid = u->q[0].rq.tgid;
	r->tid = u->q[0].rq.tid;
	r->last = true;
	r->reason = reason;
	r->error = msg;
	r->arena = msg;
	ready_push(u, r);
	memmove(u->q, u->q + 1, --u->nq * sizeof *u->q);
}

uint32_t unwinder_request(struct unwinder *u, int tgid, int tid)
{
	struct pending *p;

	if (u->nq == u->qcap) {
		size_t cap = u->qcap ? u->qcap * 2 : 64;
		struct pending *nq = realloc(u->q, cap * sizeof *nq);
		if (nq == NULL)
			return 0;
		u->q = nq;
		u->qcap = cap;
	}
	if (++u->next_id == 0)
		u->next_id = 1;
	p = &u->q[u->nq++];
	p->rq = (struct unwind_request){ u->next_id, tgid, tid };
	p->sent = false;
	if (u->pid == 0 && !helper_start(u)) {
		int err = errno;
		while (u->nq > 0)
			fail_head(u, UNWIND_REASON_HELPER, "cannot start the "
			    "unwind helper: %s", strerror(err));
		return u->next_id;
	}
	if (u->nq == 1)
		u->progress = client_clock();
	send_pending(u);
	return p->rq.id;
}

void unwinder_prepare(struct unwinder *u, int id)
{
	struct unwind_request rq = { 0, id, UNWIND_REQUEST_PREPARE };

	/* only ahead of the requests: behind one it would come too late */
	if (id <= 0 || u->nq > 0 || (u->pid == 0 && !helper_start(u)))
		return;
	if (send(u->fd, &rq, sizeof rq, MSG_NOSIGNAL | MSG_DONTWAIT) !=
	    (ssize_t)sizeof rq)
		return;		/* a hint: lost is no harm */
}

/* ---- results ---------------------------------------------------------- */

static void take_result(struct unwinder *u, struct unwind_result *r)
{
	ready_push(u, r);
	if (u->nq > 0 && r->request == u->q[0].rq.id && r->last)
		memmove(u->q, u->q + 1, --u->nq * sizeof *u->q);
}

/* Decode what arrived; false when the stream is corrupt. */
static bool decode_input(struct unwinder *u)
{
	size_t at = 0;

	for (;;) {
		struct unwind_result tmp, *r;
		size_t used = 0;
		int rc = unwind_wire_decode(u->in + at, u->inlen - at, &tmp, &used);
		if (rc == 0)
			break;
		if (rc < 0 || (r = malloc(sizeof *r)) == NULL)
			return false;
		*r = tmp;
		take_result(u, r);
		at += used;
	}
	memmove(u->in, u->in + at, u->inlen - at);
	u->inlen -= at;
	return true;
}

/* Read what is there; false at end of file or on an error. */
static bool read_input(struct unwinder *u)
{
	for (;;) {
		ssize_t r;

		if (u->incap - u->inlen < 65536) {
			size_t cap = u->incap ? u->incap * 2 : 131072;
			unsigned char *nb = realloc(u->in, cap);
			if (nb == NULL)
				return false;
			u->in = nb;
			u->incap = cap;
		}
		r = read(u->fd, u->in + u->inlen, u->incap - u->inlen);
		if (r > 0) {
			u->inlen += (size_t)r;
			u->progress = client_clock();
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		return r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
	}
}

enum helper_loss {
	LOST_EOF,		/* it exited, or crashed */
	LOST_TIMEOUT,		/* silent past the deadline */
	LOST_CORRUPT,		/* a result that does not decode */
};

/* The helper went away: answer its current request, start a new one for
 * the rest.  One that exited by itself had answered its last request. */
static void helper_lost(struct unwinder *u, enum helper_loss why)
{
	bool head_started = u->nq > 0 && u->q[0].sent;
	int sig = helper_reap(u, true);

	if (head_started && why == LOST_TIMEOUT)
		fail_head(u, UNWIND_REASON_TIMEOUT, "timed out after %.0f ms",
		    HELPER_DEADLINE_S * 1000);
	else if (head_started && why == LOST_CORRUPT)
		fail_head(u, UNWIND_REASON_HELPER, "the unwind helper sent a "
		    "malformed result");
	else if (head_started && sig != 0)
		fail_head(u, UNWIND_REASON_HELPER, "the unwind helper died "
		    "(%s)", strsignal(sig));
	if (u->nq > 0 && !helper_start(u)) {
		int err = errno;
		while (u->nq > 0)
			fail_head(u, UNWIND_REASON_HELPER, "cannot start the "
			    "unwind helper: %s", strerror(err));
	}
	send_pending(u);
}

void unwinder_service(struct unwinder *u, double now)
{
	bool alive;

	if (u->pid == 0)
		return;
	alive = read_input(u);
	if (!decode_input(u)) {
		helper_lost(u, LOST_CORRUPT);
		return;
	}
	if (!alive) {
		helper_lost(u, LOST_EOF);
		return;
	}
	if (u->nq > 0 && now - u->progress > HELPER_DEADLINE_S) {
		helper_lost(u, LOST_TIMEOUT);
		return;
	}
	send_pending(u);
}

int unwinder_timeout_ms(const struct unwinder *u, double now)
{
	double left;

	if (u->nq == 0 || u->pid == 0)
		return -1;
	left = u->progress + HELPER_DEADLINE_S - now;
	return left <= 0 ? 0 : (int)(left * 1000) + 1;
}

struct unwind_result *unwinder_next(struct unwinder *u)
{
	struct unwind_result *r;

	if (u->nready == 0)
		return NULL;
	r = u->ready[u->readyhead];
	u->readyhead = (u->readyhead + 1) % u->readycap;
	u->nready--;
	return r;
}

struct unwind_result *unwinder_wait(struct unwinder *u, double timeout)
{
	double end = client_clock() + timeout;

	while (u->nready == 0 && u->nq > 0) {
		double now = client_clock();
		int ms, left;
		struct pollfd p;

		if (now >= end)
			break;
		ms = unwinder_timeout_ms(u, now);
		left = (int)((end - now) * 1000) + 1;
		p = (struct pollfd){ .fd = u->fd, .events = POLLIN };
		if (u->fd < 0)
			break;
		poll(&p, 1, ms >= 0 && ms < left ? ms : left);
		unwinder_service(u, client_clock());
	}
	return unwinder_next(u);
}
