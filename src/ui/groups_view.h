/*
 * groups_view.h - the grouped-stack view (B): the selected process's
 * threads grouped by identical stack, largest group first, refreshed live
 * or sampled (docs/ARCHITECTURE.md "Stack groups").  It takes the place of
 * the tree and side panes until Esc or q.
 */
#ifndef TASKTOP_UI_GROUPS_VIEW_H
#define TASKTOP_UI_GROUPS_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/stack_group.h"
#include "tasktop/stack_look.h"

struct ui;
struct rect;

/* Sampling: psn's 20 rounds a second, for 3 seconds. */
#define GROUPS_SAMPLE_ROUNDS	60
#define GROUPS_SAMPLE_INTERVAL	0.05

enum gv_kind {
	GV_GROUP,		/* a group's own row */
	GV_FRAME,		/* a line of an unfolded group's chain */
	GV_TID,			/* one of an unfolded group's threads */
};

struct gv_row {
	enum gv_kind	 kind;
	size_t		 group;		/* index into the groups shown */
	int		 item;		/* GV_FRAME: line; GV_TID: the tid */
};

/* What the cursor is on, by identity: rows move as groups grow. */
struct gv_pick {
	enum gv_kind	 kind;
	uint64_t	 hash;		/* the group's key hash */
	int		 item;
};

struct groups_view {
	int		 pid;
	struct stack_looker looker;
	struct stack_groups live;
	struct stack_sampler sampler;
	/* b: every thread unwound, then kernel+user groups (unwind_groups.h) */
	uint32_t	 unwind_request;	/* in flight; 0 none */
	struct intmap	 unwound;		/* tid -> struct unwind_result * */
	size_t		 nunwound;
	bool		 unwound_shown;		/* showing the kernel+user groups */
	double		 unwound_wall;		/* when they were unwound */
	struct stack_groups ugroups;
	bool		 sampling;	/* rounds still to come */
	bool		 sampled;	/* showing the sampler's groups */
	double		 next_round;	/* monotonic seconds */

	uint64_t	*unfolded;	/* hashes of the unfolded groups */
	size_t		 nunfolded;
	size_t		 unfolded_cap;

	struct gv_row	*rows;
	size_t		 nrows;
	size_t		 rows_cap;
	long		 cursor;
	long		 top;
	struct gv_pick	 pick;
};

/* Open on the selected row's process (a message when there is none). */
void groups_view_open(struct ui *ui);
void groups_view_close(struct ui *ui);
/* A key while the view is open; false: not one of its keys. */
bool groups_view_key(struct ui *ui, int key);
/* After a snapshot refresh: look again (not while showing samples). */
void groups_view_refresh(struct ui *ui);
/* An unwind result of the view's request: taken (true), else the
 * caller's to use or free. */
struct unwind_result;
bool groups_view_take_unwind(struct ui *ui, struct unwind_result *r);
/* When the next sampling round is due (monotonic), 0 when none is. */
double groups_view_due(const struct ui *ui);
/* Take the rounds that are due at now. */
void groups_view_tick(struct ui *ui, double now);

/* groups_draw.c */
const struct stack_groups *groups_view_groups(const struct groups_view *gv);
void groups_view_draw(struct ui *ui, const struct rect *r);
extern const char groups_view_hint[];

#endif
