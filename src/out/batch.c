/*
 * batch.c - -b: the tree as plain text, like top -b.  Fixed-width columns
 * are cut by display columns; NAME comes last and is never cut (like
 * top -b -w), so a script sees whole names.  Every name is sanitised: this
 * text often lands on a terminal.
 *
 * With -H each process is followed by its threads: their tid in the PID
 * column, comm in braces as pstree shows threads.  A mark right after the
 * id says a namespace differs from the process's reference: '!' the network
 * namespace (the headline), '*' another type; a thread row also names the
 * types (" [netns]", " [uts]" …), a process row is marked when any of its
 * threads is.  A field that could not be read is "-", never a made-up 0.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tasktop/detail.h"
#include "tasktop/out.h"
#include "tasktop/util.h"
#include "tasktop/unwind.h"
#include "internal.h"

#define BATCH_ID_COLS		7	/* pid_max is at most 4194304 */
#define BATCH_USER_COLS		8
#define BATCH_CPU_COLS		5
#define BATCH_MEM_COLS		6
#define BATCH_THREADS_COLS	4
#define BATCH_WCHAN_COLS	16

/* What a row is written with: the output, reusable cells, the text mode. */
struct batch_writer {
	struct buf	*out;
	struct buf	 cell;
	struct buf	 raw;
	enum text_mode	 mode;
	struct detail_reader *detail;	/* names of namespaces; NULL none */
	const struct out_opts *opts;
};

void out_batch_header(struct buf *out, const struct snapshot *s)
{
	char clock[16] = "--:--:--";
	time_t now = isfinite(s->wall) ? (time_t)s->wall : 0;
	struct tm tm;

	if (now > 0 && localtime_r(&now, &tm) != NULL)
		strftime(clock, sizeof clock, "%H:%M:%S", &tm);
	buf_printf(out, "tasktop - %s, %zu process%s, %zu thread%s, ", clock,
	    s->nlist, s->nlist == 1 ? "" : "es", s->ntasks,
	    s->ntasks == 1 ? "" : "s");
	if (s->load_ok)
		buf_printf(out, "load average: %.2f, %.2f, %.2f\n", s->load[0],
		    s->load[1], s->load[2]);
	else
		buf_adds(out, "load average: n/a\n");
}

static void batch_title(struct buf *out)
{
	buf_printf(out, "%*s  %-*s S %*s %*s %*s %-*s NAME\n", BATCH_ID_COLS,
	    "PID", BATCH_USER_COLS, "USER", BATCH_CPU_COLS, "CPU%",
	    BATCH_MEM_COLS, "RES", BATCH_THREADS_COLS, "THR",
	    BATCH_WCHAN_COLS, "WCHAN");
}

/* '!' the network namespace differs (the headline), '*' another type. */
static char batch_ns_mark(unsigned differs)
{
	if (differs & (1u << NS_NET))
		return '!';
	return differs ? '*' : ' ';
}

/* A state letter from the kernel, or '-' when unknown or not a letter. */
static char batch_state(bool known, char state)
{
	return known && state_letter_known(state) ? state : '-';
}

/* Kilobytes in at most BATCH_MEM_COLS columns: 980K, 12.3M, 1.5G. */
static void batch_mem(struct buf *out, enum field_state st,
    unsigned long long kb)
{
	char text[32] = "-";

	if (st == FIELD_OK)
		format_kb(text, sizeof text, kb, BATCH_MEM_COLS);
	buf_printf(out, " %*s", BATCH_MEM_COLS, text);
}

/*
 * A row a thread at 10,000 threads a sample: the cells below are written
 * by hand, as printf's parsing of its format was most of the cost.
 */
static void batch_spaces(struct buf *out, int n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;

		buf_add(out, spaces, (size_t)k);
		n -= k;
	}
}

/* v right-aligned in width columns, as "%*d" writes it. */
static void batch_int(struct buf *out, long long v, int width)
{
	char digits[24];
	int n = 0;
	unsigned long long m = v < 0 ? 0 - (unsigned long long)v :
	    (unsigned long long)v;

	do
		digits[sizeof digits - 1 - n++] = (char)('0' + m % 10);
	while ((m /= 10) != 0);
	if (v < 0)
		digits[sizeof digits - 1 - n++] = '-';
	batch_spaces(out, width - n);
	buf_add(out, digits + sizeof digits - n, (size_t)n);
}

/* Printable ASCII (nearly every wchan and user name) is its own sanitized
 * form, one column a byte. */
static bool batch_plain_ascii(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] < 0x20 || text[i] >= 0x7f)
			return false;
	return true;
}

/* Untrusted text in a fixed-width cell, after a separating space: cut with
 * a "~" and padded as text_fit_cell() does, which handles all but plain
 * ASCII. */
static void batch_cell(struct batch_writer *w, const char *text, size_t len,
    int cols)
{
	buf_addc(w->out, ' ');
	if (cols >= 2 && batch_plain_ascii(text, len)) {
		if (len > (size_t)cols) {
			buf_add(w->out, text, (size_t)cols - 1);
			buf_addc(w->out, '~');
		} else {
			buf_add(w->out, text, len);
			batch_spaces(w->out, cols - (int)len);
		}
		return;
	}
	text_fit_cell(&w->cell, text, len, cols, true, w->mode);
	buf_add(w->out, w->cell.data, w->cell.len);
}

static void batch_cpu(struct buf *out, bool valid, double percent)
{
	if (valid && percent == 0) {
		buf_addc(out, ' ');
		batch_spaces(out, BATCH_CPU_COLS - 3);
		buf_adds(out, "0.0");
	} else if (valid && isfinite(percent))
		buf_printf(out, " %*.1f", BATCH_CPU_COLS, percent);
	else
		buf_printf(out, " %*s", BATCH_CPU_COLS, "-");
}

/* "-" when unreadable or not waiting, as ps and top show it. */
static void batch_wchan(struct batch_writer *w, const struct task *t)
{
	size_t len = t != NULL ? out_wchan_len(t) : 0;
	if (len > 0)
		batch_cell(w, task_shown(t)->wchan, len, BATCH_WCHAN_COLS);
	else
		batch_cell(w, "-", 1, BATCH_WCHAN_COLS);
}

/* " [netns]" for the headline (" [netns qa1]" when a bind mount names it),
 * " [uts]" … for the other types. */
static void batch_ns_suffix(struct batch_writer *w, const struct task *t)
{
	for (int k = 0; k < NS_COUNT; k++) {
		const struct ns_name *name;

		if (!(t->ns_differs & (1u << k)))
			continue;
		if (k != NS_NET) {
			buf_printf(w->out, " [%s]", ns_type_name(k));
			continue;
		}
		name = w->detail == NULL ? NULL :
		    detail_ns_name(w->detail, NS_NET, task_ns_ino(t, NS_NET));
		buf_adds(w->out, " [netns");
		if (name != NULL) {
			buf_addc(w->out, ' ');
			text_sanitize(w->out, name->name, name->name_len, w->mode);
		}
		buf_addc(w->out, ']');
	}
}

static void batch_process_row(struct batch_writer *w,
    const struct view_row *row)
{
	const struct process *p = row->proc;
	bool user_ok = p->uid_state == FIELD_OK && p->user != NULL;
	const char *user = user_ok ? p->user : "-";

	batch_int(w->out, p->pid, BATCH_ID_COLS);
	buf_addc(w->out, batch_ns_mark(p->ns_differs_any));
	batch_cell(w, user, strlen(user), BATCH_USER_COLS);
	buf_addc(w->out, ' ');
	buf_addc(w->out, batch_state(true, p->state));
	batch_cpu(w->out, p->cpu_valid, p->cpu_percent);
	batch_mem(w->out, p->rss_state, p->rss_kb);
	buf_addc(w->out, ' ');
	batch_int(w->out, (long long)p->nthreads, BATCH_THREADS_COLS);
	batch_wchan(w, p->leader);
	buf_addc(w->out, ' ');
	view_tree_prefix(w->out, row, TEXT_ASCII, false);
	buf_reset(&w->raw);
	process_display_name(p, &w->raw);
	text_sanitize(w->out, w->raw.data, w->raw.len, w->mode);
	buf_addc(w->out, '\n');
}

/* Thread rows leave the per-process columns blank; the name is the
 * thread's comm in braces, as pstree shows threads. */
static void batch_thread_row(struct batch_writer *w,
    const struct view_row *row)
{
	const struct task *t = row->task;
	bool stat_ok = t->stat_state == FIELD_OK;

	batch_int(w->out, t->tid, BATCH_ID_COLS);
	buf_addc(w->out, batch_ns_mark(t->ns_differs));
	batch_spaces(w->out, 1 + BATCH_USER_COLS + 1);
	buf_addc(w->out, batch_state(stat_ok, t->stat.state));
	batch_cpu(w->out, stat_ok && t->cpu_valid, t->cpu_percent);
	batch_spaces(w->out, 1 + BATCH_MEM_COLS + 1 + BATCH_THREADS_COLS);
	batch_wchan(w, t);
	buf_addc(w->out, ' ');
	view_tree_prefix(w->out, row, TEXT_ASCII, false);
	buf_addc(w->out, '{');
	if (stat_ok) {
		const char *comm;
		size_t len = task_comm(t, &comm);

		text_sanitize(w->out, comm, len, w->mode);
	} else {
		buf_addc(w->out, '-');
	}
	buf_addc(w->out, '}');
	batch_ns_suffix(w, t);
	buf_addc(w->out, '\n');
}

/* --ustack: under a row, its thread's user frames, one a line, indented
 * past the id column: "#2 pool_wait+0x1b (prog) at prog.c:74". */
static void batch_ustack_frame(struct batch_writer *w, size_t i,
    const struct unwind_frame *f)
{
	buf_reset(&w->raw);
	buf_printf(&w->raw, "#%zu ", i);
	unwind_frame_function(&w->raw, f);
	if (f->module != NULL)
		buf_printf(&w->raw, " (%s)", unwind_basename(f->module));
	if (f->file != NULL)
		buf_printf(&w->raw, " at %s:%d", f->file, f->line);
	batch_spaces(w->out, BATCH_ID_COLS + 3);
	text_sanitize(w->out, w->raw.data, w->raw.len, w->mode);
	buf_addc(w->out, '\n');
}

static void batch_ustack(struct batch_writer *w, int tid)
{
	const struct unwind_result *r;
	const char *why;

	if (!w->opts->ustack || w->opts->ustacks == NULL)
		return;
	r = intmap_get(w->opts->ustacks, tid);
	for (size_t i = 0; r != NULL && r->has_frames && i < r->nframes; i++)
		batch_ustack_frame(w, i, &r->frames[i]);
	why = r == NULL ? "not unwound" : r->error ? r->error :
	    r->reason != UNWIND_REASON_NONE ? unwind_reason_str(r->reason) : NULL;
	if (why == NULL)
		return;
	batch_spaces(w->out, BATCH_ID_COLS + 3);
	buf_adds(w->out, "user stack: ");
	text_sanitize(w->out, why, strlen(why), w->mode);
	buf_addc(w->out, '\n');
}

void out_batch_write(struct buf *out, const struct snapshot *s,
    struct view *scratch, const struct out_opts *o)
{
	struct view_opts vo = {
		.tree = true,
		.sort = SORT_PID,
		.expand_all = o->threads,
		.expanded = o->expanded,
	};
	struct batch_writer w = { .out = out, .mode = text_mode_from_locale(),
	    .detail = o->detail, .opts = o };

	buf_init(&w.cell);
	buf_init(&w.raw);
	view_build(scratch, s, &vo);
	out_batch_header(out, s);
	batch_title(out);
	for (size_t i = 0; i < scratch->n; i++) {
		const struct view_row *row = &scratch->rows[i];
		if (row->task == NULL) {
			batch_process_row(&w, row);
			if (!o->threads)
				batch_ustack(&w, row->proc->pid);
		} else {
			batch_thread_row(&w, row);
			batch_ustack(&w, row->task->tid);
		}
	}
	buf_free(&w.cell);
	buf_free(&w.raw);
}
