/*
 * groups_draw.c - drawing the grouped-stack view: a title saying what was
 * compared and how (live or sampled), then a row a group, largest first:
 * its count, states, CPU% (or share of thread-time) and its chain from the
 * innermost interesting frame; an unfolded group shows its whole chain and
 * its threads.  Only the visible rows are drawn.
 */
#include "config.h"

#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"
#include "format.h"
#include "layout.h"
#include "state.h"
#include "groups_view.h"

#define INDENT 6

const char groups_view_hint[] =
    "Enter/Right unfold  Left fold  Enter on a tid: to the tree  b unwind all  "
    "s sample  Esc/q back";

static const char *arrow(const struct ui *ui)
{
	return ui->mode == TEXT_UTF8 ? " \u2190 " : " <- ";
}

/* Root is denied some tasks too (another user namespace's init). */
static const char *root_hint(enum field_state why)
{
	return why == FIELD_DENIED && geteuid() != 0 ? "; root can read them" :
	    "";
}

/* ": 3 groups by kernel stack"; the threads nothing was read of are no
 * group, and said so. */
static void title_basis(struct buf *b, const struct stack_groups *gs,
    bool user)
{
	unsigned long fallback = 0, unread = 0;
	enum field_state why = FIELD_DENIED, unread_why = FIELD_DENIED;
	size_t ngroups = gs->n;

	for (size_t i = 0; i < gs->n; i++) {
		if (gs->g[i].basis == STACK_BASIS_WCHAN) {
			fallback += gs->g[i].weight;
			why = gs->g[i].kernel_state;
		} else if (gs->g[i].basis == STACK_BASIS_NONE) {
			unread = gs->g[i].weight;
			unread_why = gs->g[i].kernel_state;
			ngroups--;
		}
	}
	if (ngroups == 0 && unread > 0) {
		buf_printf(b, ": not grouped (kernel stack, wchan and syscall: "
		    "%s%s)", field_state_str(unread_why), root_hint(unread_why));
		return;
	}
	buf_printf(b, ": %zu group%s", ngroups, ngroups == 1 ? "" : "s");
	if (unread > 0)
		buf_printf(b, ", %lu not grouped (nothing read: %s)", unread,
		    field_state_str(unread_why));
	if (fallback == 0)
		buf_adds(b, user ? " by kernel+user stack" : " by kernel stack");
	else if (fallback == gs->total - unread)
		buf_printf(b, " by wchan and syscall (kernel stacks: %s%s)",
		    field_state_str(why), root_hint(why));
	else
		buf_printf(b, " by kernel stack (%lu by wchan and syscall: "
		    "kernel stack %s%s)", fallback, field_state_str(why),
		    root_hint(why));
}

/* ", unwound at 21:14:03 (b again)": a still picture, not refreshed. */
static void unwound_when(struct buf *b, double wall)
{
	time_t t = (time_t)wall;
	struct tm tm;
	char clock[16] = "--:--:--";

	if (wall > 0 && localtime_r(&t, &tm) != NULL)
		strftime(clock, sizeof clock, "%H:%M:%S", &tm);
	buf_printf(b, ", unwound at %s (b again)", clock);
}

static void draw_title(struct ui *ui, const struct rect *r)
{
	const struct groups_view *gv = ui->groups;
	const struct stack_groups *gs = groups_view_groups(gv);
	const struct process *p = snapshot_process(ui->snap, gv->pid);
	struct buf *b = &ui->text;

	buf_reset(b);
	buf_printf(b, "PID %d ", gv->pid);
	if (p != NULL)
		process_display_name(p, b);
	else
		buf_adds(b, "(exited)");
	title_basis(b, gs, gv->unwound_shown);
	if (gv->unwind_request != 0)
		buf_printf(b, ", unwinding (%zu so far)", gv->nunwound);
	else if (gv->unwound_shown)
		unwound_when(b, gv->unwound_wall);
	else if (gv->sampling)
		buf_printf(b, ", sampling %lu/%d", gv->sampler.rounds,
		    GROUPS_SAMPLE_ROUNDS);
	else if (gv->sampled)
		buf_printf(b, ", %lu samples %.2g s apart", gs->rounds,
		    GROUPS_SAMPLE_INTERVAL);
	else
		buf_adds(b, ", live");
	draw_fill(ui, r->y, r->x, r->w, THEME_TITLE);
	draw_cell(ui, r->y, r->x, r->w, THEME_TITLE, b->data, b->len);
}

static void group_text(struct ui *ui, const struct stack_groups *gs,
    const struct stack_group *g, struct buf *b)
{
	char cpu[16];

	buf_reset(b);
	if (gs->rounds > 0 && gs->total > 0) {
		buf_printf(b, "%3.0f%% of thread-time: %zu thread%s  ",
		    100.0 * (double)g->weight / (double)gs->total, g->ntids,
		    g->ntids == 1 ? "" : "s");
		stack_group_states(b, g);
	} else {
		format_cpu(cpu, sizeof cpu, g->cpu_valid && isfinite(g->cpu_percent),
		    g->cpu_percent);
		buf_printf(b, "%7zu  ", g->ntids);
		stack_group_states(b, g);
		buf_printf(b, "  %s%%", cpu);
	}
	buf_adds(b, "  ");
	stack_group_summary(b, g, arrow(ui));
}

static void tid_text(struct ui *ui, int tid, struct buf *b)
{
	const struct task *t = snapshot_task(ui->snap, tid);
	const char *comm;
	size_t len;
	char cpu[16];

	buf_reset(b);
	buf_printf(b, "tid %-8d", tid);
	if (t == NULL || t->stat_state != FIELD_OK) {
		buf_adds(b, "  (exited)");
		return;
	}
	format_cpu(cpu, sizeof cpu, t->cpu_valid, t->cpu_percent);
	buf_printf(b, "  %c  %s%%  {", t->stat.state, cpu);
	len = task_comm(t, &comm);
	buf_add(b, comm, len);
	buf_addc(b, '}');
}

static void draw_row(struct ui *ui, int y, const struct rect *r, size_t i)
{
	const struct groups_view *gv = ui->groups;
	const struct gv_row *row = &gv->rows[i];
	const struct stack_groups *gs = groups_view_groups(gv);
	const struct stack_group *g = &gs->g[row->group];
	enum theme_elem style = (long)i == gv->cursor ? THEME_CURSOR :
	    row->kind == GV_GROUP ? THEME_NORMAL : THEME_PANE;
	struct buf *b = &ui->text;
	int x = r->x + (row->kind == GV_GROUP ? 0 : INDENT);

	if (row->kind == GV_GROUP) {
		group_text(ui, gs, g, b);
	} else if (row->kind == GV_FRAME) {
		buf_reset(b);
		stack_group_chain_line(g, row->item, b);
	} else {
		tid_text(ui, row->item, b);
	}
	draw_fill(ui, y, r->x, r->w, style);
	draw_cell(ui, y, x, r->w - (x - r->x), style, b->data, b->len);
}

static void scroll_into_view(struct groups_view *gv, int rows)
{
	if (gv->cursor < gv->top)
		gv->top = gv->cursor;
	if (gv->cursor >= gv->top + rows)
		gv->top = gv->cursor - rows + 1;
	if (gv->top > (long)gv->nrows - rows)
		gv->top = (long)gv->nrows - rows;
	if (gv->top < 0)
		gv->top = 0;
}

void groups_view_draw(struct ui *ui, const struct rect *r)
{
	struct groups_view *gv = ui->groups;
	int rows = r->h - 1;

	if (r->w <= 0 || r->h <= 0)
		return;
	draw_title(ui, r);
	scroll_into_view(gv, rows);
	for (int k = 0; k < rows; k++) {
		size_t i = (size_t)(gv->top + k);
		if (i >= gv->nrows)
			break;
		draw_row(ui, r->y + 1 + k, r, i);
	}
	if (gv->nrows == 0) {
		static const char none[] = "no live threads to group";
		draw_cell(ui, r->y + 1, r->x, r->w, THEME_PANE, none,
		    sizeof none - 1);
	}
}
