/*
 * pane_chain.c - after b, the side pane's stack section is the thread's
 * whole call chain: the kernel frames (read just before the thread was
 * stopped), then the user frames innermost first, each as its function
 * and offset (inlined calls marked), and below it the module and file:line
 * when debug info has them.  A thread that could not be unwound says why.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tasktop/unwind.h"
#include "ustack.h"
#include "pane.h"
#include "state.h"

static void chain_kernel(struct pane_lines *pl, const struct unwind_result *r)
{
	for (size_t i = 0; i < r->nkstack; i++) {
		buf_reset(&pl->ui->text);
		buf_adds(&pl->ui->text, "  ");
		buf_adds(&pl->ui->text, r->kstack[i]);
		pane_put(pl, THEME_PANE, pl->ui->text.data, pl->ui->text.len);
	}
	if (r->nkstack == 0)
		pane_printf(pl, THEME_PANE, "  (no kernel frames)");
}

/* "#2 pool_wait+0x2b" then "     prog  prog.c:74". */
static void chain_frame(struct pane_lines *pl, size_t i,
    const struct unwind_frame *f)
{
	struct buf *b = &pl->ui->text;

	buf_reset(b);
	buf_printf(b, "  #%-2zu ", i);
	unwind_frame_function(b, f);
	pane_put(pl, THEME_PANE, b->data, b->len);
	if (f->module == NULL && f->file == NULL)
		return;
	buf_reset(b);
	buf_adds(b, "       ");
	if (f->module != NULL)
		buf_adds(b, unwind_basename(f->module));
	if (f->file != NULL)
		buf_printf(b, "%s%s:%d", f->module ? "  " : "",
		    unwind_basename(f->file), f->line);
	pane_put(pl, THEME_PANE, b->data, b->len);
}

static void chain_user(struct pane_lines *pl, const struct unwind_result *r)
{
	char why[UNWIND_MAX_STRING + 16];

	if (r->has_frames) {
		pane_printf(pl, THEME_PANE_TITLE, "user stack (stopped %.2f ms)",
		    r->stopped_us / 1000.0);
		for (size_t i = 0; i < r->nframes; i++)
			chain_frame(pl, i, &r->frames[i]);
	} else {
		pane_printf(pl, THEME_PANE_TITLE, "user stack");
	}
	if (r->reason == UNWIND_REASON_NONE)
		return;
	snprintf(why, sizeof why, "  %s", r->error ? r->error :
	    unwind_reason_str(r->reason));
	pane_wrapped(pl, THEME_ERROR, why);
}

bool pane_call_chain(struct pane_lines *pl, const struct task_detail *d)
{
	bool waiting;
	const struct unwind_result *r;

	if (!ustack_on(pl->ui, d->tid))
		return false;
	r = ustack_for(pl->ui, d->tid, &waiting);
	if (r == NULL || r->kstack_state != FIELD_OK) {
		pane_stack(pl, d);
	} else {
		pane_printf(pl, THEME_PANE_TITLE, "call chain: kernel stack");
		chain_kernel(pl, r);
	}
	if (r == NULL)
		pane_printf(pl, THEME_PANE, "  user stack: unwinding...");
	else
		chain_user(pl, r);
	return true;
}
