/*
 * tags.h - tagged processes and threads (space, c, U), which signals and
 * renice go to when there are any (tags.c).
 */
#ifndef TASKTOP_UI_TAGS_H
#define TASKTOP_UI_TAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/act.h"

struct ui;
struct view_row;

/* A tagged process (its leader, or its first thread when the leader is
 * gone, as shown) or thread. */
struct tag {
	struct act_task	 task;
	bool		 process;
};

/* tags.c */
void tags_init(struct ui *ui);
void tags_free(struct ui *ui);
bool tags_row_tagged(const struct ui *ui, const struct view_row *row);
size_t tags_count(const struct ui *ui);
void tags_toggle_selected(struct ui *ui);
void tags_clear(struct ui *ui);
void tags_prune(struct ui *ui);
size_t tags_list(const struct ui *ui, struct tag **out, size_t *cap);

#endif
