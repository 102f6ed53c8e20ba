#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"
#include "process.h"
#include "task.h"
#include "view_sort.h"

#define NO_ROW		((size_t)-1)
#define MORE_BITS	64

struct view_ctx {
	struct view		*v;
	const struct view_opts	*o;
	const char		*filter;
	size_t			 filter_len;	/* 0: no filter */
	long			 filter_id;	/* -1: not a number */
	size_t			 order_used;
};

void view_init(struct view *v)
{
	memset(v, 0, sizeof *v);
}

void view_free(struct view *v)
{
	free(v->rows);
	free(v->order);
	free(v->task_order);
	view_init(v);
}

static uint64_t depth_bit(int depth)
{
	return depth >= 0 && depth < MORE_BITS ? (uint64_t)1 << depth : 0;
}

static unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Case-insensitive (ASCII) substring search; a NUL in the haystack counts
 * as the space that joins cmdline arguments on screen. */
static bool contains_ci(const char *hay, size_t n, const char *needle,
    size_t m)
{
	size_t i, j;

	for (i = 0; i + m <= n; i++) {
		for (j = 0; j < m; j++) {
			unsigned char c = (unsigned char)hay[i + j];

			if (ascii_lower(c ? c : ' ') !=
			    ascii_lower((unsigned char)needle[j]))
				break;
		}
		if (j == m)
			return true;
	}
	return false;
}

/* The user filter: an unreadable owner is nobody's. */
static bool user_matches(const struct view_ctx *c, const struct process *p)
{
	return !c->o->user_only ||
	    (p->uid_state == FIELD_OK && p->uid == c->o->uid);
}

static bool task_text_matches(const struct view_ctx *c, const struct task *t)
{
	const char *comm;
	size_t len = task_comm(t, &comm);

	if (c->filter_len == 0 || t->tid == c->filter_id)
		return true;
	return contains_ci(comm, len, c->filter, c->filter_len);
}

static bool task_matches(const struct view_ctx *c, const struct task *t)
{
	return user_matches(c, t->proc) && task_text_matches(c, t);
}

static bool process_text_matches(const struct view_ctx *c,
    const struct process *p)
{
	const char *comm;
	size_t len = process_comm(p, &comm);

	if (c->filter_len == 0 || p->pid == c->filter_id)
		return true;
	return contains_ci(comm, len, c->filter, c->filter_len) ||
	    contains_ci(p->cmdline, process_cmdline_shown_len(p), c->filter,
	    c->filter_len);
}

static bool process_matches(const struct view_ctx *c, const struct process *p)
{
	return user_matches(c, p) && process_text_matches(c, p);
}

/* Whether rows are being narrowed at all (by text or by user). */
static bool filtering(const struct view_ctx *c)
{
	return c->filter_len > 0 || c->o->user_only;
}

static bool process_hidden(const struct view_ctx *c, const struct process *p)
{
	return c->o->hide_kernel && p->kernel_thread;
}

/* Rows are pushed assuming a later sibling follows; see close_group. */
static size_t push_row(struct view_ctx *c, struct process *p, struct task *t,
    int depth, uint64_t more, bool match)
{
	struct view *v = c->v;
	struct view_row *r;

	model_grow(&v->rows, &v->cap, v->n + 1, sizeof *v->rows);
	r = &v->rows[v->n];
	*r = (struct view_row){ .proc = p, .task = t, .depth = depth,
	    .more = more | depth_bit(depth), .match = match };
	return v->n++;
}

/* The item starting at row `from` turned out to be the last at depth:
 * no row of it has a later sibling there. */
static void close_group(struct view *v, size_t from, int depth)
{
	size_t i;

	if (from == NO_ROW)
		return;
	for (i = from; i < v->n; i++)
		v->rows[i].more &= ~depth_bit(depth);
	v->rows[from].last = true;
}

static bool process_expanded(const struct view_ctx *c, const struct process *p)
{
	return c->o->expand_all ||
	    (c->o->expanded && intmap_get(c->o->expanded, p->pid) != NULL);
}

/*
 * A collapsed process shows the threads a filter matches, so a search for
 * a thread finds it.  When the process row matches too, its threads
 * (which mostly share its comm) stay folded, unless one was asked for by
 * its exact tid.
 */
static bool thread_shown_collapsed(const struct view_ctx *c,
    const struct process *p, const struct task *t, bool self)
{
	if (!self)
		return true;
	return t->tid == c->filter_id && t->tid != p->pid;
}

/*
 * An expanded process shows the threads the filter matches; all of them
 * when there is no filter, or when the filter named the process by its
 * pid (then its threads are what was asked for).
 */
static bool thread_shown_expanded(const struct view_ctx *c,
    const struct process *p, bool match)
{
	return match || !filtering(c) ||
	    (p->pid == c->filter_id && user_matches(c, p));
}

/* p's threads in the sort order, in v->task_order (one process at a time:
 * the rows are pushed before any child process is visited). */
static struct task **sorted_threads(struct view_ctx *c, struct process *p)
{
	struct view *v = c->v;

	if (c->o->sort == SORT_PID && !c->o->descending)
		return p->threads;	/* ascending, the leader first */
	model_grow(&v->task_order, &v->task_order_cap, p->nthreads,
	    sizeof *v->task_order);
	memcpy(v->task_order, p->threads, p->nthreads * sizeof *v->task_order);
	view_sort_tasks(v->task_order, p->nthreads, c->o->sort,
	    c->o->descending);
	return v->task_order;
}

/* Thread rows of p; returns whether any thread matched the filter. */
static bool emit_threads(struct view_ctx *c, struct process *p, bool self,
    int depth, uint64_t more, size_t *last_item)
{
	bool expanded = process_expanded(c, p), any = false;
	struct task **threads;
	size_t i;

	if (!expanded && !filtering(c))
		return false;
	threads = sorted_threads(c, p);
	for (i = 0; i < p->nthreads; i++) {
		struct task *t = threads[i];
		bool match = task_matches(c, t);
		bool shown = expanded && thread_shown_expanded(c, p, match);

		if (filtering(c) && match) {
			any = true;
			shown = shown || thread_shown_collapsed(c, p, t, self);
		}
		if (shown)
			*last_item = push_row(c, p, t, depth, more, match);
	}
	return any;
}

static bool emit_group(struct view_ctx *c, struct process *const *members,
    size_t n, int depth, uint64_t more, size_t *last_item);

/* p's row, its threads, its subtree; rolled back when nothing in it
 * matches the filter.  Threads and child processes are one sibling set. */
static bool emit_process(struct view_ctx *c, struct process *p, int depth,
    uint64_t more)
{
	size_t start = c->v->n, last_item = NO_ROW;
	bool self = process_matches(c, p), kept;

	if (process_hidden(c, p))
		return false;
	push_row(c, p, NULL, depth, more, self);
	more |= depth_bit(depth);
	kept = emit_threads(c, p, self, depth + 1, more, &last_item) || self;
	if (c->o->tree && p->nchildren > 0 &&
	    emit_group(c, p->children, p->nchildren, depth + 1, more,
	    &last_item))
		kept = true;
	if (!kept) {
		c->v->n = start;
		return false;
	}
	close_group(c->v, last_item, depth + 1);
	return true;
}

/*
 * Siblings are sorted in a slice of v->order; slices nest like the
 * recursion, and each process sits in one group, so s->nlist entries
 * always suffice.
 */
static bool emit_group(struct view_ctx *c, struct process *const *members,
    size_t n, int depth, uint64_t more, size_t *last_item)
{
	size_t base = c->order_used, i;
	struct process **order = c->v->order + base;
	bool any = false;

	memcpy(order, members, n * sizeof *order);
	c->order_used += n;
	view_sort_processes(order, n, c->o->sort, c->o->descending);
	for (i = 0; i < n; i++) {
		size_t start = c->v->n;

		if (emit_process(c, order[i], depth, more)) {
			*last_item = start;
			any = true;
		}
	}
	c->order_used = base;
	return any;
}

/* A filter of digits only also names a pid or tid exactly. */
static long filter_as_id(const char *f, size_t len)
{
	long id = 0;
	size_t i;

	if (len == 0 || len > 9)
		return -1;
	for (i = 0; i < len; i++) {
		if (f[i] < '0' || f[i] > '9')
			return -1;
		id = id * 10 + (f[i] - '0');
	}
	return id;
}

/* The flat thread list (htop's "show threads"): every shown thread of
 * every process, sorted as one list.  A thread matches by its own name or
 * tid, or by its process's command line or pid. */
static void emit_flat_threads(struct view_ctx *c, const struct snapshot *s)
{
	struct view *v = c->v;
	size_t n = 0, i, j;

	model_grow(&v->task_order, &v->task_order_cap, s->ntasks + 1,
	    sizeof *v->task_order);
	for (i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];
		bool self;

		if (process_hidden(c, p) || !user_matches(c, p))
			continue;
		self = process_text_matches(c, p);
		for (j = 0; j < p->nthreads; j++) {
			if (!self && !task_text_matches(c, p->threads[j]))
				continue;
			model_grow(&v->task_order, &v->task_order_cap, n + 1,
			    sizeof *v->task_order);
			v->task_order[n++] = p->threads[j];
		}
	}
	view_sort_tasks(v->task_order, n, c->o->sort, c->o->descending);
	for (i = 0; i < n; i++)
		push_row(c, v->task_order[i]->proc, v->task_order[i], 0, 0, true);
	if (n > 0)
		close_group(v, n - 1, 0);
}

void view_build(struct view *v, const struct snapshot *s,
    const struct view_opts *o)
{
	struct view_ctx c = { .v = v, .o = o,
	    .filter = o->filter ? o->filter : "" };
	size_t last_root = NO_ROW;

	c.filter_len = strlen(c.filter);
	c.filter_id = filter_as_id(c.filter, c.filter_len);
	v->n = 0;
	if (s->nlist == 0)
		return;
	if (o->flat_threads && !o->tree) {
		emit_flat_threads(&c, s);
		return;
	}
	model_grow(&v->order, &v->order_cap, s->nlist, sizeof *v->order);
	if (o->tree)
		emit_group(&c, s->roots, s->nroots, 0, 0, &last_root);
	else
		emit_group(&c, s->list, s->nlist, 0, 0, &last_root);
	close_group(v, last_root, 0);
}

long view_find_task(const struct view *v, int tid)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->rows[i].task && v->rows[i].task->tid == tid)
			return (long)i;
	return -1;
}

long view_find_process(const struct view *v, int pid)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (!v->rows[i].task && v->rows[i].proc->pid == pid)
			return (long)i;
	return -1;
}

long view_find_id(const struct view *v, const struct snapshot *s, int id)
{
	const struct task *t = snapshot_task(s, id);

	if (t == NULL)
		return -1;
	return t->tid == t->tgid ? view_find_process(v, id) :
	    view_find_task(v, id);
}

unsigned view_row_ns_mark(const struct view_row *row)
{
	return row->task ? row->task->ns_differs : row->proc->ns_differs_any;
}

/* A process row followed by its own threads shows them: the marked thread
 * is then a row of its own. */
static bool row_shows_threads(const struct view *v, size_t i)
{
	return i + 1 < v->n && v->rows[i + 1].task != NULL &&
	    v->rows[i + 1].proc == v->rows[i].proc;
}

/* A marked thread's row, or the row of a process that hides one. */
static bool row_leads_to_marked(const struct view *v, size_t i)
{
	const struct view_row *r = &v->rows[i];

	if (!(view_row_ns_mark(r) & (1u << NS_NET)))
		return false;
	return r->task != NULL || !row_shows_threads(v, i);
}

long view_find_marked(const struct view *v, long from, int dir)
{
	size_t n = v->n;

	if (n == 0)
		return -1;
	if (from < 0 || (size_t)from >= n)
		from = dir > 0 ? -1 : (long)n;
	for (size_t k = 1; k <= n; k++) {
		long i = (from + (dir > 0 ? (long)k : -(long)k)) % (long)n;
		if (i < 0)
			i += (long)n;
		if (row_leads_to_marked(v, (size_t)i))
			return i;
	}
	return -1;
}
