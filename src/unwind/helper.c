/*
 * helper.c - the unwind helper's main loop (docs/ARCHITECTURE.md "User
 * stacks").  It reads requests from its socket, and for each thread:
 * checks it may be touched, reads its kernel side, stops it, unwinds it,
 * resumes it.  The frames of a request's threads are looked up once they
 * are all unwound (or a chunk of them): the debug files their pcs name are
 * made ready meanwhile, and the results go out in order.  One thread is
 * stopped at a time.  A thread seized that would not stop in time (it
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
#define HELPER_CHUNK	64	/* threads unwound before their lookups… */
#define HELPER_CHUNK_S	0.1	/* …or since the first of them */

/* A thread unwound (or refused) whose lookups and result wait for the
 * other threads of its request: meanwhile the debug files its pcs name
 * are made ready (debuginfo_prefetch), and no stop waits for them. */
struct pending {
	struct helper_result res;
	struct session	*s;
	uint64_t	 pcs[HELPER_MAX_PCS];
	bool		 act[HELPER_MAX_PCS];
	size_t		 n;
	double		 took;		/* seconds, before the lookups */
};

struct helper {
	struct helper_ctx ctx;
	int		 fd;
	bool		 must_exit;	/* a seized thread never stopped */
	unsigned char	*out;
	size_t		 outlen, outcap;
	struct pending	*pending;	/* HELPER_CHUNK of them */
	size_t		 npending;
	double		 chunk_since;
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

static void send_result(struct helper *hp, struct helper_result *h)
{
	hp->outlen = 0;
	if (unwind_wire_encode(&h->r, &hp->out, &hp->outlen,
	    &hp->outcap) != 0 || !write_all(hp->fd, hp->out, hp->outlen))
		_exit(1);
}

/* The threads waiting: looked up, and sent in the order they came. */
static void flush(struct helper *hp)
{
	for (size_t i = 0; i < hp->npending; i++) {
		struct pending *p = &hp->pending[i];
		double t0 = helper_clock();
		if (p->n > 0)
			session_symbolize(p->s, p->pcs, p->act, p->n, &p->res);
		p->res.r.took_us = (uint32_t)((p->took + helper_clock() - t0) * 1e6);
		send_result(hp, &p->res);
		helper_result_clear(&p->res);
	}
	hp->npending = 0;
}

/* The thread stopped: unwind, resume at once.  A chain that ends early may
 * have met a module mapped since the maps were last read (the threads of a
 * process share one reading): read them again, and if they changed, unwind
 * again before letting the thread go.  The threads waiting were unwound
 * with the modules as they were: when the maps moved, they are looked up
 * first (true: the thread was let go, to be unwound again after). */
static bool unwind_stopped(struct helper *hp, struct session *s,
    const struct stopped *st, struct pending *p)
{
	struct helper_result *h = &p->res;

	p->n = session_unwind(s, st->tid, p->pcs, p->act, HELPER_MAX_PCS, h);
	if (h->r.reason != UNWIND_REASON_NONE && hp->npending > 0 &&
	    session_maps_moved(&hp->ctx, s)) {
		stop_resume(st);
		return true;
	}
	if (h->r.reason != UNWIND_REASON_NONE &&
	    session_maps_changed(&hp->ctx, s)) {
		h->r.reason = UNWIND_REASON_NONE;
		h->r.error = NULL;
		p->n = session_unwind(s, st->tid, p->pcs, p->act, HELPER_MAX_PCS, h);
	}
	h->r.stopped_us = stop_resume(st);
	session_prefetch(s, p->pcs, p->act, p->n);
	return false;
}

static void stop_failed(struct helper *hp, struct helper_result *h,
    enum stop_outcome o, int err, const struct proc_status *status)
{
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

/* One thread, up to its pcs: true when it must be done again (the maps
 * moved under the threads waiting, which were looked up meanwhile). */
static bool unwind_one(struct helper *hp, struct pending *p, int tgid, int tid,
    struct session **batch)
{
	struct helper_result *h = &p->res;
	struct proc_status status;
	struct session *s;
	struct stopped st;
	int err = 0;
	enum stop_outcome o;

	if (!refuse_check(&hp->ctx, h, &status))
		return false;
	refuse_read_kernel_side(&hp->ctx, h);
	if (status.state == 'D' &&
	    refuse_still_in_d(&hp->ctx, tgid, tid, UNWIND_D_GRACE_MS)) {
		helper_fail(h, UNWIND_REASON_D_STATE, "in D state: kernel stack only");
		return false;
	}
	s = *batch ? *batch : session_get(&hp->ctx, tgid, tid, h);
	if (s == NULL) {
		if (h->r.reason == UNWIND_REASON_PERMISSION)
			refuse_permission(&hp->ctx, h, &status, EACCES);
		return false;
	}
	*batch = s;
	p->s = s;
	o = stop_thread(tid, UNWIND_STOP_DEADLINE_MS, &st, &err);
	if (o == STOP_OK)
		return unwind_stopped(hp, s, &st, p);
	stop_failed(hp, h, o, err, &status);
	return false;
}

/* *batch: the session of the threads of one request, whose maps were read
 * for the first of them; NULL for the first.  The lookups and the result
 * wait for the end of the request (or of a chunk of it). */
static void unwind_thread(struct helper *hp, uint32_t id, int tgid, int tid,
    bool last, struct session **batch)
{
	double t0 = helper_clock();
	struct pending *p = &hp->pending[hp->npending];

	for (;;) {
		helper_result_init(&p->res, id, tgid, tid);
		p->res.r.last = last;
		p->n = 0;
		p->s = NULL;
		if (!unwind_one(hp, p, tgid, tid, batch))
			break;
		flush(hp);
		p = &hp->pending[0];
	}
	p->took = helper_clock() - t0;
	if (hp->npending++ == 0)
		hp->chunk_since = t0;
	if (last || hp->npending == HELPER_CHUNK ||
	    helper_clock() - hp->chunk_since > HELPER_CHUNK_S)
		flush(hp);
}

static void unwind_process(struct helper *hp, uint32_t id, int tgid)
{
	int n = proc_list_tids(&hp->ctx.root, tgid, &hp->tids, &hp->tids_cap);
	struct session *batch = NULL;

	if (n <= 0) {
		struct helper_result *h = &hp->pending[0].res;
		helper_result_init(h, id, tgid, 0);
		h->r.last = true;
		helper_fail(h, UNWIND_REASON_GONE, "process exited");
		send_result(hp, h);
		return;
	}
	for (int i = 0; i < n; i++)
		unwind_thread(hp, id, tgid, hp->tids[i], i == n - 1, &batch);
}

/* A hint: the session of id's process made, and the debug files its
 * blocked threads' pcs name started (debuginfo_prefetch).  Nothing is
 * stopped; the pcs are where the threads were, which is a guess only of
 * which modules the unwind will meet. */
static void prepare(struct helper *hp, int id)
{
	struct helper_result *h = &hp->pending[0].res;
	struct proc_status status;
	struct proc_syscall sc;
	struct session *s;
	char buf[512];
	size_t len;
	int n;

	helper_result_init(h, 0, id, id);
	if (!refuse_check(&hp->ctx, h, &status) || status.tgid <= 0)
		return;
	s = session_get(&hp->ctx, status.tgid, id, h);
	n = s ? proc_list_tids(&hp->ctx.root, status.tgid, &hp->tids,
	    &hp->tids_cap) : 0;
	for (int i = 0; i < n && i < UNWIND_PREPARE_THREADS; i++) {
		bool act = true;	/* where it stopped, not a return */
		uint64_t pc;
		if (proc_read_task_file(&hp->ctx.root, status.tgid, hp->tids[i],
		    "syscall", buf, sizeof buf, &len) != FIELD_OK ||
		    proc_parse_syscall(buf, len, &sc) != 0 || sc.pc == 0)
			continue;
		pc = sc.pc;
		session_prefetch(s, &pc, &act, 1);
	}
	helper_result_clear(h);
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
	hp->pending = calloc(HELPER_CHUNK, sizeof *hp->pending);
	if (hp->pending == NULL)
		_exit(1);
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
		if (rq.tid == UNWIND_REQUEST_PREPARE)
			prepare(&hp, rq.tgid);
		else if (rq.tid == 0)
			unwind_process(&hp, rq.id, rq.tgid);
		else {
			struct session *alone = NULL;
			unwind_thread(&hp, rq.id, rq.tgid, rq.tid, true, &alone);
		}
	}
	_exit(0);
}
