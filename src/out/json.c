/*
 * json.c - --json: one object per refresh (docs/ARCHITECTURE.md, "JSON").  Its keys are
 * an interface scripts depend on: add keys, never rename them.  A value that
 * could not be read is null, never a made-up 0, and every string is the
 * kernel's bytes through json_escape() (invalid UTF-8 stays recoverable).
 *
 * Beyond the schema: "rss_kb", "cpu_percent", "num_threads", "ns_ref_tid"
 * and "kernel_thread" on each process.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/out.h"
#include "tasktop/unwind.h"
#include "tasktop/util.h"
#include "internal.h"

/* Arguments whose offsets fit on the stack; longer cmdlines go to the heap. */
#define JSON_CMDLINE_ARGS	64

static void json_key(struct buf *out, const char *key)
{
	buf_printf(out, "\"%s\":", key);
}

static void json_string_or_null(struct buf *out, bool known, const char *s,
    size_t len)
{
	if (known)
		json_escape(out, s, len);
	else
		buf_adds(out, "null");
}

static void json_percent(struct buf *out, bool valid, double percent)
{
	if (valid && isfinite(percent))
		buf_printf(out, "%.1f", percent);
	else
		buf_adds(out, "null");
}

/* A one-letter state; unknown (or not a letter at all) is null. */
static void json_state(struct buf *out, bool known, char state)
{
	json_string_or_null(out, known && state_letter_known(state), &state, 1);
}

static void json_cmdline_args(struct buf *out, const char *cmd, size_t len,
    const size_t *starts, size_t n)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < n; i++) {
		const char *arg = cmd + starts[i];
		const char *nul = memchr(arg, '\0', len - starts[i]);
		size_t arglen = nul ? (size_t)(nul - arg) : len - starts[i];
		if (i > 0)
			buf_addc(out, ',');
		json_escape(out, arg, arglen);
	}
	buf_addc(out, ']');
}

/* The arguments as an array (a kernel thread's is []); null when unread. */
static void json_cmdline(struct buf *out, const struct process *p)
{
	size_t local[JSON_CMDLINE_ARGS];
	size_t *starts = local;
	size_t n;

	if (p->cmdline_state != FIELD_OK) {
		buf_adds(out, "null");
		return;
	}
	n = proc_parse_cmdline(p->cmdline, p->cmdline_len, local,
	    JSON_CMDLINE_ARGS);
	if (n > JSON_CMDLINE_ARGS) {
		starts = malloc(n * sizeof *starts);
		if (starts == NULL) {
			buf_adds(out, "null");
			return;
		}
		n = proc_parse_cmdline(p->cmdline, p->cmdline_len, starts, n);
	}
	json_cmdline_args(out, p->cmdline, p->cmdline_len, starts, n);
	if (starts != local)
		free(starts);
}

static void json_wchan(struct buf *out, const struct task *t)
{
	size_t len = out_wchan_len(t);
	json_string_or_null(out, len > 0, task_shown(t)->wchan, len);
}

/* The syscall a blocked thread is in ("syscall_<nr>" when this build has no
 * name for it), "running", or null: unreadable or blocked outside one. */
static void json_syscall(struct buf *out, const struct task *t)
{
	const struct task_shown *sh = task_shown(t);
	const char *name;

	if (sh->syscall_state != FIELD_OK || sh->syscall.kind == SYSCALL_NONE) {
		buf_adds(out, "null");
		return;
	}
	if (sh->syscall.kind == SYSCALL_RUNNING) {
		buf_adds(out, "\"running\"");
		return;
	}
	name = syscall_name(sh->syscall.nr);
	if (name != NULL)
		json_escape(out, name, strlen(name));
	else
		buf_printf(out, "\"syscall_%ld\"", sh->syscall.nr);
}

static void json_ns(struct buf *out, const struct task *t)
{
	buf_addc(out, '{');
	for (int type = 0; type < NS_COUNT; type++) {
		if (type > 0)
			buf_addc(out, ',');
		json_key(out, ns_type_name(type));
		if (task_ns_state(t, type) == FIELD_OK)
			buf_printf(out, "%" PRIu32, task_ns_ino(t, type));
		else
			buf_adds(out, "null");
	}
	buf_addc(out, '}');
}

static void json_ns_differs(struct buf *out, unsigned differs)
{
	bool first = true;

	buf_addc(out, '[');
	for (int type = 0; type < NS_COUNT; type++) {
		if (!(differs & (1u << type)))
			continue;
		buf_printf(out, "%s\"%s\"", first ? "" : ",", ns_type_name(type));
		first = false;
	}
	buf_addc(out, ']');
}

/* "stack" and "stack_error": frames, or null and why.  Without --stack
 * nothing is read and the error is "not read". */
static void json_stack(struct buf *out, const struct out_opts *o,
    const struct task *t, struct task_detail *detail)
{
	enum field_state st = FIELD_UNREAD;

	if (detail != NULL) {
		detail_read(o->detail, t->tgid, t->tid, DETAIL_STACK, detail);
		st = detail->stack_state;
	}
	json_key(out, "stack");
	if (st == FIELD_OK) {
		buf_addc(out, '[');
		for (int i = 0; i < detail->stack.n; i++) {
			const char *frame = proc_stack_frame(&detail->stack, i);
			if (i > 0)
				buf_addc(out, ',');
			json_escape(out, frame, strlen(frame));
		}
		buf_adds(out, "],\"stack_error\":null");
		return;
	}
	buf_adds(out, "null,");
	json_key(out, "stack_error");
	json_escape(out, field_state_str(st), strlen(field_state_str(st)));
}

static void json_string_or_null_z(struct buf *out, const char *s)
{
	json_string_or_null(out, s != NULL, s, s ? strlen(s) : 0);
}

static void json_ustack_frame(struct buf *out, const struct unwind_frame *f)
{
	buf_printf(out, "{\"pc\":%" PRIu64 ",\"symbol\":", f->pc);
	json_string_or_null_z(out, f->symbol);
	buf_adds(out, ",\"offset\":");
	if (f->symbol != NULL && !f->inlined)
		buf_printf(out, "%" PRIu64, f->offset);
	else
		buf_adds(out, "null");
	buf_adds(out, ",\"module\":");
	json_string_or_null_z(out, f->module);
	buf_adds(out, ",\"file\":");
	json_string_or_null_z(out, f->file);
	buf_adds(out, ",\"line\":");
	if (f->file != NULL && f->line > 0)
		buf_printf(out, "%d", f->line);
	else
		buf_adds(out, "null");
	buf_printf(out, ",\"inlined\":%s}", f->inlined ? "true" : "false");
}

/* "ustack" and "ustack_error": the user frames innermost first, or null
 * and why; frames and a reason both when the chain ended early.  Without
 * --ustack nothing is unwound and the error is "not read". */
static void json_ustack(struct buf *out, const struct out_opts *o,
    const struct task *t)
{
	const struct unwind_result *r = o->ustack && o->ustacks ?
	    intmap_get(o->ustacks, t->tid) : NULL;
	const char *why = !o->ustack ? "not read" : r == NULL ? "not unwound" :
	    r->error ? r->error : r->reason != UNWIND_REASON_NONE ?
	    unwind_reason_str(r->reason) : NULL;

	json_key(out, "ustack");
	if (r != NULL && r->has_frames) {
		buf_addc(out, '[');
		for (size_t i = 0; i < r->nframes; i++) {
			if (i > 0)
				buf_addc(out, ',');
			json_ustack_frame(out, &r->frames[i]);
		}
		buf_addc(out, ']');
	} else {
		buf_adds(out, "null");
	}
	buf_addc(out, ',');
	json_key(out, "ustack_error");
	json_string_or_null_z(out, why);
}

static void json_thread(struct buf *out, const struct out_opts *o,
    const struct task *t, struct task_detail *detail)
{
	bool stat_ok = t->stat_state == FIELD_OK;
	const char *comm;
	size_t comm_len = task_comm(t, &comm);

	buf_printf(out, "{\"tid\":%d,", t->tid);
	json_key(out, "comm");
	json_string_or_null(out, stat_ok, comm, comm_len);
	buf_addc(out, ',');
	json_key(out, "state");
	json_state(out, stat_ok, t->stat.state);
	buf_addc(out, ',');
	json_key(out, "cpu_percent");
	json_percent(out, stat_ok && t->cpu_valid, t->cpu_percent);
	buf_addc(out, ',');
	json_key(out, "wchan");
	json_wchan(out, t);
	buf_addc(out, ',');
	json_key(out, "syscall");
	json_syscall(out, t);
	buf_addc(out, ',');
	json_key(out, "ns");
	json_ns(out, t);
	buf_addc(out, ',');
	json_key(out, "ns_differs");
	json_ns_differs(out, t->ns_differs);
	buf_addc(out, ',');
	json_ns_change(out, t);
	buf_addc(out, ',');
	json_stack(out, o, t, detail);
	buf_addc(out, ',');
	json_ustack(out, o, t);
	buf_addc(out, '}');
}

/* The process's comm is its leader's; null when the leader is gone. */
static void json_process_comm(struct buf *out, const struct process *p)
{
	const struct task *l = p->leader;
	bool known = l != NULL && l->stat_state == FIELD_OK;
	const char *comm = NULL;
	size_t len = known ? task_comm(l, &comm) : 0;
	json_string_or_null(out, known, comm, len);
}

static void json_process_head(struct buf *out, const struct process *p)
{
	bool user_ok = p->uid_state == FIELD_OK && p->user != NULL;

	/* The model leaves state '?' (and ppid 0) when no thread's stat could
	 * be read: 0 would claim a parent that pid 1 and 2 really have. */
	buf_printf(out, "{\"pid\":%d,", p->pid);
	json_key(out, "ppid");
	if (p->state != '?')
		buf_printf(out, "%d,", p->ppid);
	else
		buf_adds(out, "null,");
	json_key(out, "comm");
	json_process_comm(out, p);
	buf_addc(out, ',');
	json_key(out, "cmdline");
	json_cmdline(out, p);
	buf_addc(out, ',');
	json_key(out, "user");
	json_string_or_null(out, user_ok, p->user, user_ok ? strlen(p->user) : 0);
	buf_addc(out, ',');
	json_key(out, "state");
	json_state(out, true, p->state);
	buf_printf(out, ",\"leader_exited\":%s,\"kernel_thread\":%s,",
	    p->leader_exited ? "true" : "false",
	    p->kernel_thread ? "true" : "false");
	json_key(out, "rss_kb");
	if (p->rss_state == FIELD_OK)
		buf_printf(out, "%llu,", p->rss_kb);
	else
		buf_adds(out, "null,");
	json_key(out, "cpu_percent");
	json_percent(out, p->cpu_valid, p->cpu_percent);
	buf_printf(out, ",\"num_threads\":%zu,", p->nthreads);
	json_key(out, "ns_ref_tid");
	if (p->ns_ref_tid > 0)
		buf_printf(out, "%d,", p->ns_ref_tid);
	else
		buf_adds(out, "null,");
}

static void json_process(struct buf *out, const struct out_opts *o,
    const struct process *p, struct task_detail *detail)
{
	json_process_head(out, p);
	json_key(out, "threads");
	buf_addc(out, '[');
	for (size_t i = 0; i < p->nthreads; i++) {
		if (i > 0)
			buf_addc(out, ',');
		json_thread(out, o, p->threads[i], detail);
	}
	buf_addc(out, ']');
	if (o->stack_groups != NULL) {
		buf_addc(out, ',');
		out_json_stack_groups(out, o->stack_groups(o->stack_ctx, p));
	}
	buf_addc(out, '}');
}

void out_json_write(struct buf *out, const struct snapshot *s,
    const struct out_opts *o)
{
	/* One detail, reused: it holds a whole stack text. */
	struct task_detail *detail = NULL;

	if (o->stack && o->detail != NULL)
		detail = oom_malloc(sizeof *detail, "stack detail");
	buf_addc(out, '{');
	json_key(out, "time");
	if (isfinite(s->wall))
		buf_printf(out, "%.2f,", s->wall);
	else
		buf_adds(out, "null,");
	/* What CPU% is measured over: null on a first refresh without an
	 * earlier look (-d 0, --ustack without -d), every CPU% null then. */
	json_key(out, "cpu_interval_s");
	if (s->interval > 0)
		buf_printf(out, "%.6f,", s->interval);
	else
		buf_adds(out, "null,");
	if (o->source != NULL) {
		json_key(out, "source");
		json_escape(out, o->source, strlen(o->source));
		buf_addc(out, ',');
	}
	json_key(out, "processes");
	buf_addc(out, '[');
	for (size_t i = 0; i < s->nlist; i++) {
		if (i > 0)
			buf_addc(out, ',');
		json_process(out, o, s->list[i], detail);
	}
	buf_addc(out, ']');
	if (o->detail != NULL && o->overview != NULL) {
		buf_addc(out, ',');
		json_namespaces(out, s, o->overview, o->detail, o->netns);
	}
	buf_adds(out, "}\n");
	free(detail);
}
