/*
 * ustack.c - b: the selected thread's user stack (docs/ARCHITECTURE.md
 * "User stacks").  The helper's fd joins the event loop's poll set, so a
 * slow unwind never holds a key.  While the selection stays where b was
 * pressed, the thread is unwound again at each refresh (one request in
 * flight at most); moving away drops it until b again.  A request goes out
 * after the frame is drawn: the rows' wchan read while drawing must not
 * see the thread stopped.  On a process row
 * the thread is the one the side pane shows: its leader.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "tasktop/unwind.h"
#include "tasktop/util.h"
#include "state.h"
#include "ustack.h"
#include "view_state.h"
#include "groups_view.h"

struct unwinder *ui_unwinder(struct ui *ui)
{
	if (ui->ustack.unwinder == NULL)
		ui->ustack.unwinder = unwinder_new();
	return ui->ustack.unwinder;
}

static void ustack_drop(struct ui *ui)
{
	struct ui_ustack *us = &ui->ustack;

	unwind_result_free(us->result);
	us->result = NULL;
	us->tid = 0;
	us->request = 0;
}

void ustack_free(struct ui *ui)
{
	ustack_drop(ui);
	unwinder_free(ui->ustack.unwinder);
	ui->ustack.unwinder = NULL;
}

static void ustack_ask(struct ui *ui)
{
	struct ui_ustack *us = &ui->ustack;
	struct unwinder *u = ui_unwinder(ui);

	if (u == NULL || us->request != 0)
		return;
	us->request = unwinder_request(u, us->tgid, us->tid);
	us->asked = clock_seconds(CLOCK_MONOTONIC);
}

void ustack_start(struct ui *ui)
{
	struct ui_ustack *us = &ui->ustack;

	if (!ui->detail_valid || ui->cursor < 0) {
		ui_message(ui, true, "b: nothing selected to unwind");
		return;
	}
	ustack_drop(ui);
	us->sel_pid = ui->sel.pid;
	us->sel_tid = ui->sel.tid;
	us->tgid = ui->detail.tgid;
	us->tid = ui->detail.tid;
	us->due = true;
	ui->side_shown = true;		/* narrow terminals: show the result */
}

void ustack_follow(struct ui *ui)
{
	const struct ui_ustack *us = &ui->ustack;

	if (us->tid != 0 && (ui->sel.pid != us->sel_pid ||
	    ui->sel.tid != us->sel_tid || !ui->detail_valid ||
	    ui->detail.tid != us->tid))
		ustack_drop(ui);
}

void ustack_refresh(struct ui *ui)
{
	ustack_follow(ui);
	/* the grouped view covers the side pane: nothing to show it in */
	ui->ustack.due = ui->ustack.tid != 0 && ui->groups == NULL;
}

void ustack_send_due(struct ui *ui)
{
	if (ui->ustack.due && ui->ustack.tid != 0)
		ustack_ask(ui);
	ui->ustack.due = false;
}

int ustack_fd(const struct ui *ui)
{
	return ui->ustack.unwinder ? unwinder_fd(ui->ustack.unwinder) : -1;
}

int ustack_timeout_ms(const struct ui *ui, double now)
{
	return ui->ustack.unwinder ?
	    unwinder_timeout_ms(ui->ustack.unwinder, now) : -1;
}

/* A result for a request of ours, or one another view asked for. */
static void ustack_take(struct ui *ui, struct unwind_result *r)
{
	struct ui_ustack *us = &ui->ustack;

	/* the grouped view's b shares the helper */
	if (groups_view_take_unwind(ui, r))
		return;
	if (us->request == 0 || r->request != us->request || r->tid != us->tid) {
		unwind_result_free(r);
		return;
	}
	unwind_result_free(us->result);
	us->result = r;
	us->request = 0;
	us->result_mono = clock_seconds(CLOCK_MONOTONIC);
}

void ustack_service(struct ui *ui, double now)
{
	struct unwind_result *r;

	if (ui->ustack.unwinder == NULL)
		return;
	unwinder_service(ui->ustack.unwinder, now);
	while ((r = unwinder_next(ui->ustack.unwinder)) != NULL)
		ustack_take(ui, r);
}

const struct unwind_result *ustack_for(const struct ui *ui, int tid,
    bool *waiting)
{
	const struct ui_ustack *us = &ui->ustack;

	*waiting = us->tid == tid && tid != 0 && us->result == NULL;
	if (us->tid != tid || tid == 0)
		return NULL;
	return us->result;
}

bool ustack_on(const struct ui *ui, int tid)
{
	return tid != 0 && ui->ustack.tid == tid;
}
