/*
 * ns_ui.h - namespaces in the ui: the overview kept in step with refreshes,
 * the jump to the next thread marked `!` (ns_ui.c) and the overview screen
 * (o, ns_view.c).
 */
#ifndef TASKTOP_UI_NS_UI_H
#define TASKTOP_UI_NS_UI_H

#include <stddef.h>
#include <stdint.h>

#include "tasktop/model.h"

struct ui;

/* Namespaces (ns_ui.c, side_pane_ns.c, ns_view.c): the overview that covers
 * the tree while it is open; names and contents come through the detail
 * reader (tasktop/detail.h). */
enum ns_view_level {
	NS_VIEW_CLOSED,
	NS_VIEW_LIST,		/* every namespace */
	NS_VIEW_TASKS,		/* the tasks of one */
};

struct ns_ui {
	struct ns_overview overview;
	enum ns_view_level level;
	long		 cursor, top;		/* in the namespace list */
	enum ns_type	 tasks_type;		/* NS_VIEW_TASKS: whose tasks */
	uint64_t	 tasks_ino;
	int		*tids;			/* NS_VIEW_TASKS: its tasks, by tid */
	size_t		 ntids, tids_cap;
	long		 tasks_cursor, tasks_top;
};

/* ns_ui.c: the namespace cache and overview in step with refreshes; the
 * keys that jump to the next / previous thread marked `!` */
void ns_ui_init(struct ui *ui);
void ns_ui_free(struct ui *ui);
void ns_ui_refresh(struct ui *ui);
/* The overview of the snapshot, with the namespaces only bind mounts hold. */
void ns_ui_build_overview(struct ui *ui);
void ns_jump_marked(struct ui *ui, int dir);
void ns_view_open_tasks(struct ui *ui, enum ns_type type, uint64_t ino);
/* ns_view.c: the namespace overview (o), full screen while open */
void ns_view_open(struct ui *ui);
void ns_view_key(struct ui *ui, int key);
void ns_view_draw(struct ui *ui);

#endif
