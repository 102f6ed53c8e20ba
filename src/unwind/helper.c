/*
 * helper.c - the unwind helper's main loop (docs/ARCHITECTURE.md "User
 * stacks").  It reads requests from its socket, and for each thread:
 * checks it may be touched, reads its kernel side, stops it, unwinds it,
 * resumes it, then looks the frames up and sends the result.  One thread
 * is stopped at a time.  A thread seized that would not stop in time (it
 * went into D state meanwhile) can't be detached until it stops; the
 * helper then exits after the current request, and the kernel releases it.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define HELPER_MAX_PCS	UNWIND_MAX_FRAMES

struct helper {
	struct helper_ctx ctx;
	int		 fd;
	bool		 must_exit;	/* a seized thread never stopped */
	unsigned char	*out;
	size_t		 outlen, outcap;
	struct helper_result res;
	int		*tids;
	size_t		 tids_cap;
};

static bool write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

static void send_result(struct helper *hp)
{
	hp->outlen = 0;
	if (unwind_wire_encode(&hp->res.r, &hp->out, &hp->outlen,
	    &hp->outcap) != 0 || !write_all(hp->fd, hp->out, hp->outlen))
		_exit(1);
}

/* The thread stopped: unwind, resume at once, then look up.  A chain
 * that ends early may have met a module mapped since the maps were last
 * read (the threads of a process share one reading): read them again, and
 * if they changed, unwind again before letting the thread go. */
static void unwind_stopped(struct helper *hp, struct session *s,
    const struct stopped *st)
{
	uint64_t pcs[HELPER_MAX_PCS];
	bool act[HELPER_MAX_PCS];
	struct helper_result *h = &hp->res;

	size_t n = session_unwind(s, st->tid, pcs, act, HELPER_MAX_PCS, h);
	if (h->r.reason != UNWIND_REASON_NONE &&
	    session_maps_changed(&hp->ctx, s)) {
		h->r.reason = UNWIND_REASON_NONE;
		h->r.error = NULL;
		n = session_unwind(s, st->tid, pcs, act, HELPER_MAX_PCS, h);
	}
	h->r.stopped_us = stop_resume(st);
	if (n > 0)
		session_symbolize(s, pcs, act, n, h);
}

static void stop_failed(struct helper *hp, enum stop_outcome o, int err,
    const struct proc_status *status)
{
	struct helper_result *h = &hp->res;
	struct proc_status again;

	switch (o) {
	case STOP_GONE:
		helper_fail(h, UNWIND_REASON_GONE, "thread exited");
		break;
	case STOP_TIMEOUT:
		hp->must_exit = true;
		if (refuse_still_in_d(&hp->ctx, h->r.tgid, h->r.tid, 0))
			helper_fail(h, UNWIND_REASON_D_STATE,
			    "in D state: kernel stack only");
		else
			helper_fail(h, UNWIND_REASON_TIMEOUT,
			    "did not stop within %d ms", UNWIND_STOP_DEADLINE_MS);
		break;
	default:
		/* a tracer that came after the check is a tracer, not a denial */
		if (!refuse_check(&hp->ctx, h, &again))
			break;
		refuse_permission(&hp->ctx, h, status, err);
		break;
	}
}

/* *batch: the session of the threads of one request, whose maps were read
 * for the first of them; NULL for the first. */
static void unwind_thread(struct helper *hp, uint32_t id, int tgid, int tid,
    bool last, struct session **batch)
{
	struct helper_result *h = &hp->res;
	struct proc_status status;
	double t0 = helper_clock();
	struct session *s;
	struct stopped st;
	int err = 0;
	enum stop_outcome o;

	helper_result_init(h, id, tgid, tid);
	h->r.last = last;
	if (!refuse_check(&hp->ctx, h, &status))
		goto done;
	refuse_read_kernel_side(&hp->ctx, h);
	if (status.state == 'D' &&
	    refuse_still_in_d(&hp->ctx, tgid, tid, UNWIND_D_GRACE_MS)) {
		helper_fail(h, UNWIND_REASON_D_STATE, "in D state: kernel stack only");
		goto done;
	}
	s = *batch ? *batch : session_get(&hp->ctx, tgid, h);
	if (s == NULL) {
		if (h->r.reason == UNWIND_REASON_PERMISSION)
			refuse_permission(&hp->ctx, h, &status, EACCES);
		goto done;
	}
	*batch = s;
	o = stop_thread(tid, UNWIND_STOP_DEADLINE_MS, &st, &err);
	if (o == STOP_OK)
		unwind_stopped(hp, s, &st);
	else
		stop_failed(hp, o, err, &status);
done:
	h->r.took_us = (uint32_t)((helper_clock() - t0) * 1e6);
	send_result(hp);
	helper_result_clear(h);
}

static void unwind_process(struct helper *hp, uint32_t id, int tgid)
{
	int n = proc_list_tids(&hp->ctx.root, tgid, &hp->tids, &hp->tids_cap);
	struct session *batch = NULL;

	if (n <= 0) {
		helper_result_init(&hp->res, id, tgid, 0);
		hp->res.r.last = true;
		helper_fail(&hp->res, UNWIND_REASON_GONE, "process exited");
		send_result(hp);
		return;
	}
	for (int i = 0; i < n; i++)
		unwind_thread(hp, id, tgid, hp->tids[i], i == n - 1, &batch);
}

static bool read_request(int fd, struct unwind_request *rq)
{
	unsigned char *p = (unsigned char *)rq;
	size_t got = 0;

	while (got < sizeof *rq) {
		ssize_t r = read(fd, p + got, sizeof *rq - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		got += (size_t)r;
	}
	return true;
}

static void helper_setup(struct helper *hp, int fd, pid_t client)
{
	sigset_t chld;
	const char *dbg;

	memset(hp, 0, sizeof *hp);
	hp->fd = fd;
	hp->ctx.client = client;
	hp->ctx.self = getpid();
	if (proc_root_open(&hp->ctx.root, "/proc") != 0)
		_exit(1);
	/* tracee stops arrive as SIGCHLD, taken by sigtimedwait (stop.c) */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	dbg = getenv("TASKTOP_DEBUGINFOD");
	if (dbg == NULL || strcmp(dbg, "1") != 0)
		unsetenv("DEBUGINFOD_URLS");
	else
		debuginfo_use_debuginfod(true);
}

void helper_main(int fd, pid_t client)
{
	static struct helper hp;
	struct unwind_request rq;

	helper_setup(&hp, fd, client);
	while (!hp.must_exit && read_request(fd, &rq)) {
		if (rq.tid == 0)
			unwind_process(&hp, rq.id, rq.tgid);
		else {
			struct session *alone = NULL;
			unwind_thread(&hp, rq.id, rq.tgid, rq.tid, true, &alone);
		}
	}
	_exit(0);
}
