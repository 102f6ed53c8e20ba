/*
 * renice.c - F7 / ] lower the nice value of the selected thread or process
 * (more priority), F8 / [ raise it, like htop; the prompt asks first, and
 * each further F7 / F8 moves the value.  A thread row renices that thread,
 * a process row every thread it had when the prompt opened (Linux keeps a
 * nice value per thread).  Each goes through act.h: pinned against what
 * the screen showed, refused under another pid namespace's proc root.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>

#include "tasktop/grow.h"

#include "renice.h"
#include "state.h"
#include "view_state.h"

#define NICE_MIN	(-20)
#define NICE_MAX	19

static int clamp_nice(int v)
{
	return v < NICE_MIN ? NICE_MIN : v > NICE_MAX ? NICE_MAX : v;
}

static void add_task(struct renice_prompt *r, const struct task *t)
{
	struct act_task a = { .tid = t->tid, .tgid = t->tgid };

	grow_array(&r->tasks, &r->cap, r->n + 1, sizeof *r->tasks);
	if (t->stat_state == FIELD_OK) {
		a.starttime_known = true;
		a.starttime = t->stat.starttime;
	}
	r->tasks[r->n++] = a;
}

/* The nice value shown: the thread's, or the process's leader's. */
static bool shown_nice(const struct view_row *row, int *nice)
{
	const struct task *t = row->task ? row->task : row->proc->leader;

	if (!t || t->stat_state != FIELD_OK)
		return false;
	*nice = (int)t->stat.nice;
	return true;
}

void renice_prompt_open(struct ui *ui, int delta)
{
	struct renice_prompt *r = &ui->renice;
	const struct view_row *row;
	int nice;

	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n) {
		ui_message(ui, true, "nothing selected to renice");
		return;
	}
	row = &ui->view.rows[ui->cursor];
	if (!shown_nice(row, &nice)) {
		ui_message(ui, true, "%s %d: its nice value is unknown",
		    row->task ? "thread" : "process",
		    row->task ? row->task->tid : row->proc->pid);
		return;
	}
	r->n = 0;
	if (row->task)
		add_task(r, row->task);
	else
		for (size_t i = 0; i < row->proc->nthreads; i++)
			add_task(r, row->proc->threads[i]);
	r->pid = row->proc->pid;
	r->tid = row->task ? row->task->tid : 0;
	r->from = nice;
	r->to = clamp_nice(nice + delta);
	r->open = r->n > 0;
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

static int renice_one(struct ui *ui, const struct act_task *t, int nice)
{
	struct act_pin pin;
	int rc;

	act_pin_init(&pin);
	rc = act_pin(&pin, source_proc_root(ui->src), t);
	if (rc == 0)
		rc = act_renice(&pin, nice);
	act_unpin(&pin);
	return rc;
}

static void renice_apply(struct ui *ui)
{
	struct renice_prompt *r = &ui->renice;
	bool raising = r->to < r->from;
	size_t ok = 0;
	int first_err = 0, err_tid = 0;

	for (size_t i = 0; i < r->n; i++) {
		int rc = renice_one(ui, &r->tasks[i], r->to);

		source_stat_stale(ui->src, r->tasks[i].tid);
		if (rc == 0)
			ok++;
		else if (!first_err) {
			first_err = rc;
			err_tid = r->tasks[i].tid;
		}
	}
	/* the rows show the new value at once, not after the next refresh */
	if (ok > 0)
		ui_refresh(ui);
	if (ok == r->n && r->tid)
		ui_message(ui, false, "thread %d: nice %d", r->tid, r->to);
	else if (ok == r->n)
		ui_message(ui, false, "process %d: nice %d (%zu thread%s)",
		    r->pid, r->to, ok, ok == 1 ? "" : "s");
	else if (ok == 0)
		ui_message(ui, true, "renice %s %d to %d: %s",
		    r->tid ? "thread" : "process", r->tid ? r->tid : r->pid,
		    r->to, renice_strerror(first_err, raising));
	else
		ui_message(ui, true, "process %d: nice %d for %zu of %zu threads; "
		    "thread %d: %s", r->pid, r->to, ok, r->n, err_tid,
		    renice_strerror(first_err, raising));
}

void renice_prompt_key(struct ui *ui, int key)
{
	struct renice_prompt *r = &ui->renice;

	if (key == KEY_F(7) || key == ']') {
		r->to = clamp_nice(r->to - 1);
	} else if (key == KEY_F(8) || key == '[') {
		r->to = clamp_nice(r->to + 1);
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

	buf_reset(out);
	if (r->tid)
		buf_printf(out, "renice thread %d from %d to %d? ", r->tid,
		    r->from, r->to);
	else
		buf_printf(out, "renice process %d (%zu thread%s) from %d to %d? ",
		    r->pid, r->n, r->n == 1 ? "" : "s", r->from, r->to);
	buf_adds(out, "F7 ] lower  F8 [ higher  y Enter: apply  other key: cancel");
}
