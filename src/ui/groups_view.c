/*
 * groups_view.c - the grouped-stack view's state and keys (groups_view.h):
 * which groups are unfolded, the rows they make, the cursor kept on the
 * same group or thread as groups grow and shrink, sampling rounds, and the
 * jump from a tid to its row in the tree.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tasktop/grow.h"
#include "tasktop/unwind.h"
#include "tasktop/unwind_groups.h"
#include "tasktop/util.h"
#include "selection.h"
#include "state.h"
#include "ustack.h"
#include "view_state.h"
#include "groups_view.h"

#define KEY_ESCAPE 27


const struct stack_groups *groups_view_groups(const struct groups_view *gv)
{
	const struct stack_groups *gs;

	if (gv->unwound_shown)
		return &gv->ugroups;
	if (gv->sampled && (gs = stack_sampler_groups(&gv->sampler, gv->pid)))
		return gs;
	return &gv->live;
}

static bool is_unfolded(const struct groups_view *gv, uint64_t hash)
{
	for (size_t i = 0; i < gv->nunfolded; i++)
		if (gv->unfolded[i] == hash)
			return true;
	return false;
}

static void set_unfolded(struct groups_view *gv, uint64_t hash, bool on)
{
	for (size_t i = 0; i < gv->nunfolded; i++) {
		if (gv->unfolded[i] != hash)
			continue;
		if (!on)
			gv->unfolded[i] = gv->unfolded[--gv->nunfolded];
		return;
	}
	if (!on)
		return;
	grow_array(&gv->unfolded, &gv->unfolded_cap, gv->nunfolded + 1,
	    sizeof *gv->unfolded);
	gv->unfolded[gv->nunfolded++] = hash;
}

static void add_row(struct groups_view *gv, enum gv_kind kind, size_t group,
    int item)
{
	grow_array(&gv->rows, &gv->rows_cap, gv->nrows + 1, sizeof *gv->rows);
	gv->rows[gv->nrows++] = (struct gv_row){ kind, group, item };
}

static bool row_is(const struct groups_view *gv, const struct gv_row *row,
    const struct gv_pick *pick)
{
	const struct stack_groups *gs = groups_view_groups(gv);

	return row->kind == pick->kind && gs->g[row->group].hash == pick->hash &&
	    (row->kind == GV_GROUP || row->item == pick->item);
}

/* The pick's row, else its group's, else the same index. */
static void restore_pick(struct groups_view *gv)
{
	struct gv_pick group_pick = { GV_GROUP, gv->pick.hash, 0 };
	long found = -1;

	for (size_t i = 0; i < gv->nrows && found < 0; i++)
		if (row_is(gv, &gv->rows[i], &gv->pick))
			found = (long)i;
	for (size_t i = 0; i < gv->nrows && found < 0; i++)
		if (row_is(gv, &gv->rows[i], &group_pick))
			found = (long)i;
	if (found >= 0)
		gv->cursor = found;
	if (gv->cursor >= (long)gv->nrows)
		gv->cursor = (long)gv->nrows - 1;
	if (gv->cursor < 0)
		gv->cursor = 0;
}

static void remember_pick(struct groups_view *gv)
{
	const struct stack_groups *gs = groups_view_groups(gv);
	const struct gv_row *row;

	if (gv->cursor < 0 || (size_t)gv->cursor >= gv->nrows)
		return;
	row = &gv->rows[gv->cursor];
	gv->pick = (struct gv_pick){ row->kind, gs->g[row->group].hash,
	    row->item };
}

static void build_rows(struct groups_view *gv)
{
	const struct stack_groups *gs = groups_view_groups(gv);

	gv->nrows = 0;
	for (size_t i = 0; i < gs->n; i++) {
		const struct stack_group *g = &gs->g[i];
		add_row(gv, GV_GROUP, i, 0);
		if (!is_unfolded(gv, g->hash))
			continue;
		for (int k = 0, n = stack_group_chain_lines(g); k < n; k++)
			add_row(gv, GV_FRAME, i, k);
		for (size_t k = 0; k < g->ntids; k++)
			add_row(gv, GV_TID, i, g->tids[k]);
	}
	restore_pick(gv);
}

static void look_live(struct ui *ui)
{
	struct groups_view *gv = ui->groups;
	const struct process *p = snapshot_process(ui->snap, gv->pid);

	stack_looker_begin(&gv->looker);
	if (p != NULL)
		stack_collect_process(&gv->looker, ui->snap, p, &gv->live);
	else
		stack_groups_reset(&gv->live);
	stack_looker_end(&gv->looker);
}

void groups_view_refresh(struct ui *ui)
{
	struct groups_view *gv = ui->groups;

	if (gv == NULL)
		return;
	remember_pick(gv);
	if (gv->unwound_shown)
		/* no I/O: the chains stay as unwound, states and CPU% move on */
		stack_collect_unwound(ui->snap, snapshot_process(ui->snap,
		    gv->pid), &gv->unwound, &gv->ugroups);
	else if (!gv->sampled)
		look_live(ui);
	build_rows(gv);
}

static const struct process *selected_process(const struct ui *ui)
{
	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n)
		return NULL;
	return ui->view.rows[ui->cursor].proc;
}

void groups_view_open(struct ui *ui)
{
	const struct process *p = selected_process(ui);
	struct groups_view *gv;

	if (p == NULL) {
		ui_message(ui, true, "no process selected");
		return;
	}
	gv = oom_calloc(1, sizeof *gv, "grouped view");
	gv->pid = p->pid;
	stack_looker_init(&gv->looker, ui->src);
	stack_groups_init(&gv->live);
	stack_sampler_init(&gv->sampler, ui->src);
	intmap_init(&gv->unwound);
	stack_groups_init(&gv->ugroups);
	ui->groups = gv;
	groups_view_refresh(ui);
}

static void unwound_clear(struct groups_view *gv)
{
	unwind_results_clear(&gv->unwound);
	gv->nunwound = 0;
}

void groups_view_close(struct ui *ui)
{
	struct groups_view *gv = ui->groups;

	if (gv == NULL)
		return;
	stack_looker_free(&gv->looker);
	stack_groups_free(&gv->live);
	stack_sampler_free(&gv->sampler);
	unwound_clear(gv);
	intmap_free(&gv->unwound);
	stack_groups_free(&gv->ugroups);
	free(gv->unfolded);
	free(gv->rows);
	free(gv);
	ui->groups = NULL;
}

static void sample_start(struct ui *ui)
{
	struct groups_view *gv = ui->groups;
	const struct process *p = snapshot_process(ui->snap, gv->pid);

	if (p == NULL) {
		ui_message(ui, true, "process %d has exited", gv->pid);
		return;
	}
	remember_pick(gv);
	stack_sampler_start(&gv->sampler, ui->snap, &p, 1);
	gv->sampling = true;
	gv->sampled = true;
	gv->unwound_shown = false;
	build_rows(gv);		/* the rows now index the sampler's groups */
	gv->next_round = clock_seconds(CLOCK_MONOTONIC);
	groups_view_tick(ui, gv->next_round);
}

/* b: every thread of the process, one stopped at a time (the helper's
 * rules); the groups switch to kernel+user chains when the last is in. */
static void unwind_start(struct ui *ui)
{
	struct groups_view *gv = ui->groups;
	struct unwinder *u = ui_unwinder(ui);

	if (u == NULL) {
		ui_message(ui, true, "user stacks: the unwinder could not start");
		return;
	}
	unwound_clear(gv);
	gv->unwind_request = unwinder_request(u, gv->pid, 0);
}

bool groups_view_take_unwind(struct ui *ui, struct unwind_result *r)
{
	struct groups_view *gv = ui->groups;
	const struct process *p;
	bool last;

	if (gv == NULL || gv->unwind_request == 0 ||
	    r->request != gv->unwind_request)
		return false;
	last = r->last;		/* r is the map's, or freed, once put */
	if (unwind_results_put(&gv->unwound, r))
		gv->nunwound++;
	if (!last)
		return true;
	gv->unwind_request = 0;
	p = snapshot_process(ui->snap, gv->pid);
	if (p == NULL)
		return true;
	remember_pick(gv);
	gv->unwound_shown = true;
	gv->sampling = gv->sampled = false;
	gv->unwound_wall = clock_seconds(CLOCK_REALTIME);
	stack_collect_unwound(ui->snap, p, &gv->unwound, &gv->ugroups);
	build_rows(gv);
	return true;
}

double groups_view_due(const struct ui *ui)
{
	return ui->groups != NULL && ui->groups->sampling ?
	    ui->groups->next_round : 0;
}

void groups_view_tick(struct ui *ui, double now)
{
	struct groups_view *gv = ui->groups;

	if (gv == NULL || !gv->sampling || now < gv->next_round)
		return;
	remember_pick(gv);
	stack_sampler_round(&gv->sampler);
	stack_sampler_finish(&gv->sampler);
	gv->sampling = gv->sampler.rounds < GROUPS_SAMPLE_ROUNDS;
	/* a late round is not made up for: the next one keeps the pace */
	gv->next_round += GROUPS_SAMPLE_INTERVAL;
	if (gv->next_round < now)
		gv->next_round = now + GROUPS_SAMPLE_INTERVAL;
	build_rows(gv);
}

/* The tid's row in the tree: its process unfolded, the thread selected. */
static void jump_to_tid(struct ui *ui, int tid)
{
	const struct task *t = snapshot_task(ui->snap, tid);
	long row;

	if (t == NULL) {
		ui_message(ui, true, "thread %d has exited", tid);
		return;
	}
	groups_view_close(ui);
	ui_set_expanded(ui, t->tgid, true);
	ui_rebuild(ui);
	row = view_find_task(&ui->view, tid);
	if (row < 0)
		row = view_find_process(&ui->view, t->tgid);
	if (row < 0) {
		ui_message(ui, true, "thread %d is not shown (filter?)", tid);
		return;
	}
	ui->focus = FOCUS_TREE;
	selection_set_row(ui, row);
	ui_read_detail(ui);
}

static const struct gv_row *cursor_row(const struct groups_view *gv)
{
	if (gv->cursor < 0 || (size_t)gv->cursor >= gv->nrows)
		return NULL;
	return &gv->rows[gv->cursor];
}

static void unfold(struct ui *ui, bool on)
{
	struct groups_view *gv = ui->groups;
	const struct gv_row *row = cursor_row(gv);
	const struct stack_groups *gs = groups_view_groups(gv);
	uint64_t hash;

	if (row == NULL)
		return;
	hash = gs->g[row->group].hash;
	set_unfolded(gv, hash, on);
	/* folding from inside the group lands on the group's row */
	gv->pick = (struct gv_pick){ GV_GROUP, hash, 0 };
	build_rows(gv);
}

static void enter(struct ui *ui)
{
	struct groups_view *gv = ui->groups;
	const struct gv_row *row = cursor_row(gv);
	const struct stack_groups *gs = groups_view_groups(gv);

	if (row == NULL)
		return;
	if (row->kind == GV_TID)
		jump_to_tid(ui, row->item);
	else
		unfold(ui, !is_unfolded(gv, gs->g[row->group].hash));
}

static bool move_key(struct ui *ui, int key)
{
	struct groups_view *gv = ui->groups;
	long page = ui->layout.tree.h > 3 ? ui->layout.tree.h - 3 : 1;
	long far = (long)gv->nrows;

	switch (key) {
	case KEY_UP: gv->cursor--; break;
	case KEY_DOWN: case 'j': gv->cursor++; break;
	case KEY_PPAGE: gv->cursor -= page; break;
	case KEY_NPAGE: gv->cursor += page; break;
	case KEY_HOME: case 'g': gv->cursor -= far; break;
	case KEY_END: case 'G': gv->cursor += far; break;
	default: return false;
	}
	if (gv->cursor >= (long)gv->nrows)
		gv->cursor = (long)gv->nrows - 1;
	if (gv->cursor < 0)
		gv->cursor = 0;
	remember_pick(gv);
	return true;
}

bool groups_view_key(struct ui *ui, int key)
{
	if (ui->groups == NULL)
		return false;
	if (move_key(ui, key))
		return true;
	switch (key) {
	case '\n': case '\r': case KEY_ENTER: enter(ui); return true;
	case KEY_RIGHT: case '+': unfold(ui, true); return true;
	case KEY_LEFT: case '-': unfold(ui, false); return true;
	case 's': sample_start(ui); return true;
	case 'b': unwind_start(ui); return true;
	case KEY_ESCAPE: case 'q': groups_view_close(ui); return true;
	/* help, pause and quit as everywhere; the tree's keys would act on
	 * a row that is not on screen */
	case KEY_F(1): case '?': case 'h': case 'Z': case KEY_F(10):
	case KEY_RESIZE:
		return false;
	default: return true;
	}
}
