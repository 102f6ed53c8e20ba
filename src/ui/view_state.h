/*
 * view_state.h - the rows from the snapshot, the selected thread's detail,
 * the refresh, the hint line's message (view_state.c).
 */
#ifndef TASKTOP_UI_VIEW_STATE_H
#define TASKTOP_UI_VIEW_STATE_H

#include <stdbool.h>

#include "tasktop/cli.h"
#include "tasktop/model.h"
#include "tasktop/source.h"

struct ui;

void ui_state_init(struct ui *ui, const struct cli_opts *cli,
    struct source *src, struct snapshot *s);
void ui_state_free(struct ui *ui);
void ui_rebuild(struct ui *ui);
void ui_read_detail(struct ui *ui);
/* The cursor keys' way: the tree is repainted at once, the selected
 * thread's detail read once keys pause (loop.c), or before any other key. */
void ui_read_detail_later(struct ui *ui);
int ui_refresh(struct ui *ui);
/* The thread whose wait channel a row shows; NULL: none. */
struct task *ui_row_wchan_task(const struct view_row *row);
/* Read what the rows about to be drawn show (their wait channels): the
 * tree pane only draws.  rows: the lines the tree has for rows. */
void ui_fetch_shown(struct ui *ui, int rows);
bool ui_is_expanded(const struct ui *ui, int pid);
void ui_set_expanded(struct ui *ui, int pid, bool expanded);
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
