/*
 * selection.h - what is selected and moving it: by row (selection.c), by
 * search (search.c), by id (attach.c).
 */
#ifndef TASKTOP_UI_SELECTION_H
#define TASKTOP_UI_SELECTION_H

#include <stdbool.h>

struct ui;

/* What is selected: a thread row (tid != 0) or a process row. */
struct selection {
	int		 pid;
	int		 tid;		/* 0: the process row */
	long		 index;		/* row, to fall back on when both left */
};

/* selection.c */
void selection_restore(struct ui *ui);
void selection_set_row(struct ui *ui, long row);
void selection_scroll_into_view(struct ui *ui, int rows);
/* F: follow the selection (it keeps its line while rows move around it). */
void selection_follow(struct ui *ui);

/* search.c */
bool search_step(struct ui *ui, const char *query, int dir, bool include_current);

/* attach.c */
void attach_id(struct ui *ui, int id);

#endif
