/*
 * refuse.c - which threads are not stopped, and the words saying why
 * (docs/ARCHITECTURE.md "User stacks"): tasktop and its helper, kernel
 * threads, zombies, a thread another tracer holds, one stuck in D state,
 * and what the kernel denies.  Also the kernel side of the call chain,
 * read before the thread is stopped (afterwards it would say ptrace_stop).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define STATUS_BUF	8192
#define STACK_BUF	16384

void helper_result_init(struct helper_result *h, uint32_t request, int tgid,
    int tid)
{
	memset(&h->r, 0, sizeof h->r);
	h->r.request = request;
	h->r.tgid = tgid;
	h->r.tid = tid;
	h->r.frames = h->frames;
	h->r.kstack = h->kstack;
	h->r.wchan = NULL;
	h->error[0] = '\0';
	h->nowned = 0;
}

void helper_fail(struct helper_result *h, enum unwind_reason reason,
    const char *fmt, ...)
{
	va_list ap;

	h->r.reason = reason;
	va_start(ap, fmt);
	vsnprintf(h->error, sizeof h->error, fmt, ap);
	va_end(ap);
	h->r.error = h->error;
}

static enum field_state read_status(const struct helper_ctx *c, int tgid,
    int tid, struct proc_status *st)
{
	char buf[STATUS_BUF];
	size_t len = 0;
	enum field_state fs = proc_read_task_file(&c->root, tgid, tid, "status",
	    buf, sizeof buf, &len);

	if (fs == FIELD_OK && proc_parse_status(buf, len, st) != 0)
		fs = FIELD_UNAVAILABLE;
	return fs;
}

/* "gdb", "strace": the tracer's name, for the words. */
static void tracer_name(const struct helper_ctx *c, int pid, char *out,
    size_t cap)
{
	struct proc_status st;

	if (read_status(c, pid, 0, &st) == FIELD_OK && st.has & STATUS_HAS_NAME) {
		size_t n = st.name_len < cap - 1 ? st.name_len : cap - 1;
		memcpy(out, st.name, n);
		out[n] = '\0';
	} else {
		snprintf(out, cap, "?");
	}
}

static bool is_kernel_thread(const struct proc_status *st)
{
	if (st->has & STATUS_HAS_KTHREAD)
		return st->kthread == 1;
	/* older kernels: no memory of its own and not a zombie */
	return !(st->has & STATUS_HAS_VMRSS) && st->state != 'Z' &&
	    st->state != 'X';
}

bool refuse_check(const struct helper_ctx *c, struct helper_result *h,
    struct proc_status *st)
{
	int tgid = h->r.tgid, tid = h->r.tid;
	char name[PROC_COMM_MAX + 1];
	enum field_state fs;

	if (tgid == c->client) {
		helper_fail(h, UNWIND_REASON_SELF, "tasktop itself: not unwound");
		return false;
	}
	if (tgid == c->self) {
		helper_fail(h, UNWIND_REASON_SELF,
		    "tasktop's unwind helper: not unwound");
		return false;
	}
	fs = read_status(c, tgid, tid, st);
	if (fs == FIELD_GONE || (fs == FIELD_OK && st->has & STATUS_HAS_TGID &&
	    st->tgid != tgid)) {
		helper_fail(h, UNWIND_REASON_GONE, "thread exited");
		return false;
	}
	if (fs != FIELD_OK) {
		helper_fail(h, UNWIND_REASON_FAILED, "status: %s",
		    field_state_str(fs));
		return false;
	}
	if (is_kernel_thread(st)) {
		helper_fail(h, UNWIND_REASON_KERNEL_THREAD,
		    "kernel thread: no user stack");
		return false;
	}
	if (st->state == 'Z' || st->state == 'X') {
		helper_fail(h, UNWIND_REASON_ZOMBIE,
		    "exited (zombie): no user stack");
		return false;
	}
	if (st->tracer_pid != 0 && st->tracer_pid != c->self) {
		tracer_name(c, st->tracer_pid, name, sizeof name);
		helper_fail(h, UNWIND_REASON_TRACED, "traced by PID %d (%s)",
		    st->tracer_pid, name);
		return false;
	}
	return true;
}

void refuse_read_kernel_side(const struct helper_ctx *c, struct helper_result *h)
{
	char buf[STACK_BUF], sys[256];
	size_t len = 0;
	int tgid = h->r.tgid, tid = h->r.tid;
	struct proc_syscall sc;

	enum field_state fs = proc_read_task_file(&c->root, tgid, tid, "stack",
	    buf, sizeof buf, &len);
	if (fs == FIELD_OK && proc_parse_stack(buf, len, &h->stack) != 0)
		fs = FIELD_UNAVAILABLE;
	h->r.kstack_state = fs;
	h->r.nkstack = 0;
	for (int i = 0; fs == FIELD_OK && i < h->stack.n &&
	    i < UNWIND_MAX_KFRAMES; i++)
		h->kstack[h->r.nkstack++] = proc_stack_frame(&h->stack, i);

	fs = proc_read_task_file(&c->root, tgid, tid, "wchan", h->wchan,
	    sizeof h->wchan, &len);
	h->r.wchan_state = fs;
	h->r.wchan = fs == FIELD_OK ? h->wchan : NULL;

	fs = proc_read_task_file(&c->root, tgid, tid, "syscall", sys,
	    sizeof sys, &len);
	if (fs == FIELD_OK && proc_parse_syscall(sys, len, &sc) != 0)
		fs = FIELD_UNAVAILABLE;
	h->r.syscall_state = fs;
	h->r.syscall_kind = fs == FIELD_OK ? (int)sc.kind : 0;
	h->r.syscall_nr = fs == FIELD_OK ? sc.nr : 0;
}

bool refuse_still_in_d(const struct helper_ctx *c, int tgid, int tid,
    int wait_ms)
{
	struct proc_status st;
	double until = helper_clock() + wait_ms / 1000.0;
	struct timespec ms = { 0, 1000000 };

	for (;;) {
		if (read_status(c, tgid, tid, &st) != FIELD_OK || st.state != 'D')
			return false;
		if (helper_clock() >= until)
			return true;
		nanosleep(&ms, NULL);
	}
}

/* ptrace_scope of Yama, when it is built in: -1 otherwise. */
static int ptrace_scope(void)
{
	char buf[16];
	int v = -1;
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");

	if (f == NULL)
		return -1;
	if (fgets(buf, sizeof buf, f) == NULL || sscanf(buf, "%d", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

/* The kernel lets a user trace its own process when its real, effective
 * and saved ids all match ours; denied all the same, the process made
 * itself non-dumpable (or Yama's ptrace_scope forbids). */
static bool same_user(const struct proc_status *st)
{
	uid_t u = geteuid();
	gid_t g = getegid();

	return st->has & STATUS_HAS_UID && st->has & STATUS_HAS_GID &&
	    st->uid[0] == u && st->uid[1] == u && st->uid[2] == u &&
	    st->gid[0] == g && st->gid[1] == g && st->gid[2] == g;
}

void refuse_permission(const struct helper_ctx *c, struct helper_result *h,
    const struct proc_status *st, int err)
{
	char scope[32] = "";
	int sc = ptrace_scope();

	if (sc >= 0)
		snprintf(scope, sizeof scope, "; ptrace_scope=%d", sc);
	(void)c;
	if (same_user(st) && sc > 0)
		helper_fail(h, UNWIND_REASON_PERMISSION,
		    "ptrace_scope=%d: needs CAP_SYS_PTRACE", sc);
	else if (same_user(st))
		helper_fail(h, UNWIND_REASON_PERMISSION,
		    "non-dumpable process: needs CAP_SYS_PTRACE");
	else if (err == EACCES || err == EPERM)	/* the denial says it */
		helper_fail(h, UNWIND_REASON_PERMISSION, "needs "
		    "CAP_SYS_PTRACE or the same user%s", scope);
	else
		helper_fail(h, UNWIND_REASON_PERMISSION, "%s: needs "
		    "CAP_SYS_PTRACE or the same user%s", strerror(err), scope);
}
