/*
 * renice.c - F7 / ] lower the nice value of the selected thread or process
 * (more priority), F8 / [ raise it, like htop; the prompt asks first, and
 * each further F7 / F8 moves the value.  A thread row renices that thread,
 * a process row every thread it had when the prompt opened (Linux keeps a
 * nice value per thread), each by the same step from its own value, so
 * threads at different values keep their differences and F8 never gives
 * one more priority.  Each goes through act.h: pinned against what the
 * screen showed, refused under another pid namespace's proc root.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "tasktop/grow.h"
#include "tasktop/util.h"

#include "renice.h"
#include "state.h"
#include "view_state.h"

#define NICE_MIN	(-20)
#define NICE_MAX	19

static int clamp_nice(int v)
{
	return v < NICE_MIN ? NICE_MIN : v > NICE_MAX ? NICE_MAX : v;
}

/* A thread whose stat was read (its start time pins it); one that was not
 * cannot be told from a successor with its id, and is left alone. */
static void add_task(struct renice_prompt *r, const struct task *t)
{
	struct renice_task a = { .task = { .tid = t->tid, .tgid = t->tgid } };

	if (t->stat_state != FIELD_OK) {
		r->unknown++;
		return;
	}
	a.task.starttime_known = true;
	a.task.starttime = t->stat.starttime;
	a.from = (int)t->stat.nice;
	grow_array(&r->tasks, &r->cap, r->n + 1, sizeof *r->tasks);
	r->tasks[r->n++] = a;
}

static void range_update(struct renice_prompt *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (i == 0 || r->tasks[i].from < r->lo)
			r->lo = r->tasks[i].from;
		if (i == 0 || r->tasks[i].from > r->hi)
			r->hi = r->tasks[i].from;
	}
}

/*
 * Pin the task and read its nice value now into *nice; with step, move it
 * by *step from that value.  0, or -errno (*nice untouched when unread).
 */
static int renice_pinned(struct ui *ui, const struct act_task *t, int *nice,
    const int *step)
{
	struct act_pin pin;
	int rc;

	act_pin_init(&pin);
	rc = act_pin(&pin, source_proc_root(ui->src), t);
	if (rc == 0)
		rc = act_nice(&pin, nice);
	if (rc == 0 && step != NULL)
		rc = act_renice(&pin, clamp_nice(*nice + *step));
	act_unpin(&pin);
	return rc;
}

/* A process's values through one pin of its leader (act_nice_threads):
 * pinning each of its threads took ~0.5 s at 10,000 threads (29 s while a
 * pin read the group's stat) before the prompt showed; this ~13 ms.
 * -ENODATA when its leader is not among them (its stat unread). */
static int values_read_group(struct ui *ui, struct renice_prompt *r)
{
	const struct act_task *leader = NULL;
	struct act_pin pin;
	int *tids, *nice;
	bool *known;
	int rc;

	for (size_t i = 0; i < r->n && leader == NULL; i++)
		if (r->tasks[i].task.tid == r->pid)
			leader = &r->tasks[i].task;
	if (leader == NULL)
		return -ENODATA;
	rc = act_pin(&pin, source_proc_root(ui->src), leader);
	if (rc < 0)
		return rc;
	tids = oom_malloc(r->n * sizeof *tids, "renice tids");
	nice = oom_malloc(r->n * sizeof *nice, "renice values");
	known = oom_malloc(r->n * sizeof *known, "renice values");
	for (size_t i = 0; i < r->n; i++)
		tids[i] = r->tasks[i].task.tid;
	rc = act_nice_threads(&pin, tids, r->n, nice, known);
	for (size_t i = 0; i < r->n; i++)
		if (known[i])
			r->tasks[i].from = nice[i];
	act_unpin(&pin);
	free(known);
	free(nice);
	free(tids);
	return rc;
}

/* The prompt shows the values the threads have now: the screen's are a
 * refresh old, or as old as a pause (Z).  One that cannot be read keeps
 * the screen's (applying pins it, reads it again, and fails the same
 * way). */
static void values_read_now(struct ui *ui, struct renice_prompt *r)
{
	if (r->tid != 0 || values_read_group(ui, r) < 0)
		for (size_t i = 0; i < r->n; i++)
			(void)renice_pinned(ui, &r->tasks[i].task,
			    &r->tasks[i].from, NULL);
	range_update(r);
}

/* One step more (F8 +1, F7 -1) while it still moves one of them. */
static void renice_step(struct renice_prompt *r, int dir)
{
	if ((dir > 0 && r->lo + r->delta < NICE_MAX) ||
	    (dir < 0 && r->hi + r->delta > NICE_MIN))
		r->delta += dir;
}

void renice_prompt_open(struct ui *ui, int delta)
{
	struct renice_prompt *r = &ui->renice;
	const struct view_row *row;

	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n) {
		ui_message(ui, true, "nothing selected to renice");
		return;
	}
	row = &ui->view.rows[ui->cursor];
	r->n = r->unknown = 0;
	if (row->task)
		add_task(r, row->task);
	else
		for (size_t i = 0; i < row->proc->nthreads; i++)
			add_task(r, row->proc->threads[i]);
	if (r->n == 0) {
		ui_message(ui, true, "%s %d: its nice value is unknown",
		    row->task ? "thread" : "process",
		    row->task ? row->task->tid : row->proc->pid);
		return;
	}
	r->pid = row->proc->pid;
	r->tid = row->task ? row->task->tid : 0;
	values_read_now(ui, r);
	r->delta = 0;
	renice_step(r, delta);
	r->open = true;
}

void renice_prompt_free(struct ui *ui)
{
	free(ui->renice.tasks);
	ui->renice.tasks = NULL;
	ui->renice.n = ui->renice.cap = 0;
}

/* setpriority's errors in words: which privilege would allow it. */
static const char *renice_strerror(int err, bool raising)
{
	if (err == -EACCES || (err == -EPERM && raising))
		return "raising priority (a lower nice value) needs CAP_SYS_NICE "
		    "or an RLIMIT_NICE that allows it";
	if (err == -EPERM)
		return "not permitted (another user's task: root or "
		    "CAP_SYS_NICE may renice it)";
	return act_strerror(err);
}

/* "1", or "1..3" for threads at different values: what they have
 * (delta 0) or will have. */
static void values_text(const struct renice_prompt *r, int delta, char *out,
    size_t size)
{
	int lo = clamp_nice(r->lo + delta), hi = clamp_nice(r->hi + delta);

	if (lo == hi)
		snprintf(out, size, "%d", lo);
	else
		snprintf(out, size, "%d..%d", lo, hi);
}

/* ", each +1": a process whose threads keep their differences. */
static void each_text(const struct renice_prompt *r, char *out, size_t size)
{
	if (r->lo != r->hi)
		snprintf(out, size, ", each %+d", r->delta);
	else
		out[0] = '\0';
}

static void renice_report(struct ui *ui, size_t ok, int err, int err_tid)
{
	struct renice_prompt *r = &ui->renice;
	bool raising = r->delta < 0;
	char to[16], each[16];

	values_text(r, r->delta, to, sizeof to);
	each_text(r, each, sizeof each);
	if (ok == r->n && r->tid)
		ui_message(ui, false, "thread %d: nice %s", r->tid, to);
	else if (ok == r->n)
		ui_message(ui, false, "process %d: nice %s (%zu thread%s%s)",
		    r->pid, to, ok, ok == 1 ? "" : "s", each);
	else if (ok == 0)
		ui_message(ui, true, "renice %s %d to %s: %s",
		    r->tid ? "thread" : "process", r->tid ? r->tid : r->pid,
		    to, renice_strerror(err, raising));
	else
		ui_message(ui, true, "process %d: nice %s for %zu of %zu threads; "
		    "thread %d: %s", r->pid, to, ok, r->n, err_tid,
		    renice_strerror(err, raising));
}

/* Each thread moves by the same step from its own value: F8 never gives
 * one of them more priority, F7 never less. */
static void renice_apply(struct ui *ui)
{
	struct renice_prompt *r = &ui->renice;
	size_t ok = 0;
	int first_err = 0, err_tid = 0;

	for (size_t i = 0; i < r->n; i++) {
		struct renice_task *t = &r->tasks[i];
		int rc = renice_pinned(ui, &t->task, &t->from, &r->delta);

		source_stat_stale(ui->src, t->task.tid);
		if (rc == 0)
			ok++;
		else if (!first_err) {
			first_err = rc;
			err_tid = t->task.tid;
		}
	}
	/* the rows show the new value at once, not after the next refresh */
	if (ok > 0)
		ui_refresh(ui);
	range_update(r);	/* the report says what they were moved from */
	renice_report(ui, ok, first_err, err_tid);
}

void renice_prompt_key(struct ui *ui, int key)
{
	struct renice_prompt *r = &ui->renice;

	if (key == KEY_F(7) || key == ']') {
		renice_step(r, -1);
	} else if (key == KEY_F(8) || key == '[') {
		renice_step(r, 1);
	} else if (key == 'y' || key == 'Y' || key == '\n' || key == '\r' ||
	    key == KEY_ENTER) {
		r->open = false;
		renice_apply(ui);
	} else {
		r->open = false;
		ui_message(ui, false, "nothing reniced");
	}
}

void renice_prompt_describe(const struct ui *ui, struct buf *out)
{
	const struct renice_prompt *r = &ui->renice;
	char from[16], to[16], each[16];

	values_text(r, 0, from, sizeof from);
	values_text(r, r->delta, to, sizeof to);
	each_text(r, each, sizeof each);
	buf_reset(out);
	if (r->tid)
		buf_printf(out, "renice thread %d from %s to %s? ", r->tid,
		    from, to);
	else
		buf_printf(out, "renice process %d (%zu thread%s%s) from %s to "
		    "%s? ", r->pid, r->n, r->n == 1 ? "" : "s", each, from, to);
	if (r->unknown > 0)
		buf_printf(out, "(%zu of unknown nice left alone) ", r->unknown);
	buf_adds(out, "F7 ] lower  F8 [ higher  y Enter: apply  other key: cancel");
}
