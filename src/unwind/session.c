/*
 * session.c - one libdw session per process (docs/ARCHITECTURE.md "User
 * stacks"), kept across requests: the modules its maps name are reported
 * once, with their ELF, CFI and symbol tables read as needed, and reported
 * again only when /proc/<pid>/maps changes (dwfl_report_begin keeps the
 * modules that are still there).  The process is attached with
 * assume_ptrace_stopped: the helper stops and resumes threads itself, one
 * at a time, and libdw only reads registers and memory.  A pid reused by
 * another process (another start time) gets a new session.
 */
#include "config.h"

#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define SESSION_MAX	16		/* processes kept; the oldest used goes */
#define MAPS_CHUNK	65536

struct session {
	int		 tgid;
	unsigned long long starttime;
	uint64_t	 maps_sig;
	int		 maps_tid;	/* whose task/ maps: 0, the process's */
	Dwfl		*dwfl;
	struct symcache	*syms;
	double		 used;
};

static struct session sessions[SESSION_MAX];

/* Debug files by build ID and debuglink (debuginfo.c); debuginfod goes to
 * the network: only when the user asked for it, by setting
 * TASKTOP_DEBUGINFOD=1 beside DEBUGINFOD_URLS. */
static char *debuginfo_path;
static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = debuginfo_find,
	.debuginfo_path = &debuginfo_path,
};

static void session_end(struct session *s)
{
	symcache_free(s->syms);
	if (s->dwfl)
		dwfl_end(s->dwfl);
	memset(s, 0, sizeof *s);
}

/* FNV-1a over the whole of maps (the process's, tid 0, or one thread's);
 * 0 with errno when it can't be read, ESRCH when it is empty: there is no
 * memory map to read (a zombie's). */
static uint64_t maps_signature(const struct helper_ctx *c, int tgid, int tid)
{
	static char buf[MAPS_CHUNK];
	uint64_t h = 1469598103934665603ull;
	ssize_t n;
	size_t total = 0;
	int fd = proc_open_task_file(&c->root, tgid, tid, "maps");
	int err;

	if (fd < 0) {
		errno = -fd;
		return 0;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		total += (size_t)n;
		for (ssize_t i = 0; i < n; i++)
			h = (h ^ (unsigned char)buf[i]) * 1099511628211ull;
	}
	err = n < 0 ? errno : ESRCH;
	close(fd);
	if (n < 0 || total == 0) {
		errno = err;
		return 0;
	}
	return h ? h : 1;
}

/*
 * The leader's own task/<tgid>/stat: the same starttime as the process's
 * stat (an exec from another thread takes the leader's over), without the
 * kernel summing every thread's times for it (2.3 ms at 10,000 threads, on
 * every request).  A leader that has exited stays a zombie, with its stat,
 * until the last thread does.
 */
static bool start_time(const struct helper_ctx *c, int tgid,
    unsigned long long *out)
{
	char buf[1024];
	size_t len = 0;
	struct proc_stat st;

	if (proc_read_task_file(&c->root, tgid, tgid, "stat", buf, sizeof buf,
	    &len) != FIELD_OK || proc_parse_stat(buf, len, &st) != 0)
		return false;
	*out = st.starttime;
	return true;
}

/* The modules of s's maps to libdw: the process's maps, or one thread's
 * when the leader has exited (maps_tid): the threads share one memory map,
 * and a zombie leader's maps read empty. */
static int report_maps(const struct helper_ctx *c, struct session *s)
{
	FILE *f;
	int fd, rc;

	if (s->maps_tid == 0)
		return dwfl_linux_proc_report(s->dwfl, s->tgid);
	fd = proc_open_task_file(&c->root, s->tgid, s->maps_tid, "maps");
	if (fd < 0)
		return -fd;
	f = fdopen(fd, "r");
	if (f == NULL) {
		rc = errno;
		close(fd);
		return rc;
	}
	rc = dwfl_linux_proc_maps_report(s->dwfl, f);
	fclose(f);
	return rc;
}

static bool session_report(const struct helper_ctx *c, struct session *s,
    struct helper_result *h)
{
	int rc;

	symcache_clear(s->syms);
	dwfl_report_begin(s->dwfl);
	rc = report_maps(c, s);
	if (dwfl_report_end(s->dwfl, NULL, NULL) != 0 || rc != 0) {
		if (rc > 0)
			helper_fail(h, rc == EACCES || rc == EPERM ?
			    UNWIND_REASON_PERMISSION : UNWIND_REASON_FAILED,
			    "reading its maps: %s", strerror(rc));
		else
			helper_fail(h, UNWIND_REASON_FAILED, "libdw: %s",
			    dwfl_errmsg(-1));
		return false;
	}
	return true;
}

static bool session_open(const struct helper_ctx *c, struct session *s,
    int tgid, struct helper_result *h)
{
	int rc;

	s->tgid = tgid;
	s->syms = symcache_new();
	s->dwfl = dwfl_begin(&proc_callbacks);
	if (s->dwfl == NULL || s->syms == NULL) {
		helper_fail(h, UNWIND_REASON_FAILED, "libdw: %s", dwfl_errmsg(-1));
		return false;
	}
	if (!session_report(c, s, h))
		return false;
	rc = dwfl_linux_proc_attach(s->dwfl, tgid, true);
	if (rc != 0) {
		helper_fail(h, rc == ESRCH || rc == ENOENT ? UNWIND_REASON_GONE :
		    UNWIND_REASON_FAILED, "libdw attach: %s",
		    rc > 0 ? strerror(rc) : dwfl_errmsg(-1));
		return false;
	}
	return true;
}

static struct session *session_slot(int tgid, unsigned long long start)
{
	struct session *oldest = &sessions[0];

	for (size_t i = 0; i < SESSION_MAX; i++) {
		struct session *s = &sessions[i];
		if (s->dwfl && s->tgid == tgid) {
			if (s->starttime == start)
				return s;
			session_end(s);		/* the pid was reused */
			return s;
		}
		if (!s->dwfl || (oldest->dwfl && s->used < oldest->used))
			oldest = s;
	}
	session_end(oldest);
	return oldest;
}

struct session *session_get(const struct helper_ctx *c, int tgid, int tid,
    struct helper_result *h)
{
	unsigned long long start = 0;
	uint64_t sig;
	int maps_tid = 0;
	struct session *s;

	if (!start_time(c, tgid, &start)) {
		helper_fail(h, UNWIND_REASON_GONE, "process exited");
		return NULL;
	}
	sig = maps_signature(c, tgid, 0);
	if (sig == 0 && errno == ESRCH && tid > 0 && tid != tgid) {
		maps_tid = tid;		/* the leader exited: tid's maps */
		sig = maps_signature(c, tgid, tid);
	}
	if (sig == 0) {
		int err = errno;
		helper_fail(h, err == EACCES || err == EPERM ?
		    UNWIND_REASON_PERMISSION : err == ENOENT || err == ESRCH ?
		    UNWIND_REASON_GONE : UNWIND_REASON_FAILED,
		    "reading its maps: %s", strerror(err));
		return NULL;
	}
	s = session_slot(tgid, start);
	if (s->maps_tid != maps_tid)
		s->maps_sig = 0;	/* another thread's file: report again */
	s->maps_tid = maps_tid;
	if (s->dwfl == NULL) {
		if (!session_open(c, s, tgid, h)) {
			session_end(s);
			return NULL;
		}
		s->starttime = start;
	} else if (s->maps_sig != sig && !session_report(c, s, h)) {
		session_end(s);
		return NULL;
	}
	s->maps_sig = sig;
	s->used = helper_clock();
	return s;
}

bool session_maps_changed(const struct helper_ctx *c, struct session *s)
{
	struct helper_result scratch;
	uint64_t sig = maps_signature(c, s->tgid, s->maps_tid);
	bool ok;

	if (sig == 0 || sig == s->maps_sig)
		return false;
	/* a failure here shows as the unwind's own failure */
	helper_result_init(&scratch, 0, s->tgid, 0);
	ok = session_report(c, s, &scratch);
	helper_result_clear(&scratch);
	s->maps_sig = ok ? sig : 0;
	return ok;
}

bool session_maps_moved(const struct helper_ctx *c, struct session *s)
{
	uint64_t sig = maps_signature(c, s->tgid, s->maps_tid);

	return sig != 0 && sig != s->maps_sig;
}

void session_prefetch(struct session *s, const uint64_t *pcs,
    const bool *activation, size_t n)
{
	Dwfl_Module *last = NULL;

	for (size_t i = 0; i < n; i++) {
		Dwfl_Module *m = dwfl_addrmodule(s->dwfl,
		    pcs[i] - (activation[i] ? 0 : 1));
		if (m != NULL && m != last)
			debuginfo_prefetch(m);
		last = m;
	}
}

Dwfl *session_dwfl(struct session *s)
{
	return s->dwfl;
}

struct symcache *session_symcache(struct session *s)
{
	return s->syms;
}

/* ---- unwinding -------------------------------------------------------- */

struct frame_walk {
	Dwfl		*dwfl;
	uint64_t	*pcs;
	bool		*activation;
	size_t		 n;
	size_t		 max;
	bool		 no_cfi;	/* stopped: the last frame has no CFI */
};

/* Does a module's CFI (.eh_frame, else .debug_frame) cover pc?  The same
 * lookups libdw made to unwind from it. */
static bool has_cfi(Dwfl *dwfl, uint64_t pc)
{
	Dwfl_Module *m = dwfl_addrmodule(dwfl, pc);
	Dwarf_Addr bias;
	Dwarf_Frame *frame;
	Dwarf_CFI *cfi;

	if (m == NULL)
		return false;
	for (int i = 0; i < 2; i++) {
		cfi = i == 0 ? dwfl_module_eh_cfi(m, &bias) :
		    dwfl_module_dwarf_cfi(m, &bias);
		if (cfi != NULL && dwarf_cfi_addrframe(cfi, pc - bias, &frame) == 0) {
			free(frame);
			return true;
		}
	}
	return false;
}

static uint64_t lookup_pc(const struct frame_walk *w, size_t i)
{
	return w->pcs[i] - (w->activation[i] ? 0 : 1);
}

/* A frame above one without CFI comes from libdw's fallback, which follows
 * the frame pointer: right only if that function kept one, and nothing
 * says so.  A caller skipped would be a wrong chain shown as right: the
 * walk stops at the frame without CFI instead. */
static int frame_cb(Dwfl_Frame *frame, void *arg)
{
	struct frame_walk *w = arg;
	Dwarf_Addr pc;
	bool act;

	if (!dwfl_frame_pc(frame, &pc, &act))
		return -1;
	if (w->n > 0 && !has_cfi(w->dwfl, lookup_pc(w, w->n - 1))) {
		w->no_cfi = true;
		return DWARF_CB_ABORT;
	}
	w->pcs[w->n] = pc;
	w->activation[w->n] = act;
	return ++w->n < w->max ? DWARF_CB_OK : DWARF_CB_ABORT;
}

size_t session_unwind(struct session *s, int tid, uint64_t *pcs,
    bool *activation, size_t max, struct helper_result *h)
{
	struct frame_walk w = { s->dwfl, pcs, activation, 0, max, false };
	int rc = dwfl_getthread_frames(s->dwfl, tid, frame_cb, &w);
	uint64_t last;
	Dwfl_Module *m;
	const char *name, *where;

	if (rc == 0 || (rc == DWARF_CB_ABORT && w.n == max && !w.no_cfi))
		return w.n;
	if (w.n == 0) {
		helper_fail(h, UNWIND_REASON_FAILED, "libdw: %s", dwfl_errmsg(-1));
		return 0;
	}
	/* The chain stops inside a module libdw has no CFI for (or it lies):
	 * keep the frames found, and say where and why it stopped. */
	last = lookup_pc(&w, w.n - 1);
	m = dwfl_addrmodule(s->dwfl, last);
	name = m ? dwfl_module_info(m, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL) : NULL;
	where = name ? unwind_basename(name) : "an unmapped address";
	if (w.no_cfi || !has_cfi(s->dwfl, last))
		helper_fail(h, UNWIND_REASON_NO_INFO, "no unwind info past %s",
		    where);
	else
		helper_fail(h, UNWIND_REASON_NO_INFO, "unwinding stopped in %s: %s",
		    where, dwfl_errmsg(-1));
	return w.n;
}
