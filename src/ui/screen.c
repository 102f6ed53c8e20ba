/*
 * screen.c - one frame: erase, draw every part into the layout, update
 * once, so nothing flickers.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "draw.h"
#include "help.h"
#include "layout.h"
#include "meters.h"
#include "ns_ui.h"
#include "prompt.h"
#include "renice.h"
#include "setup.h"
#include "signal_prompt.h"
#include "state.h"
#include "text_view.h"
#include "view_state.h"
#include "groups_view.h"

static const char default_hint[] =
    "F1 ? help  / search  \\ filter  p attach  Tab side pane  b ustack  k signal  "
    "space tag  Z pause  q quit";

/* Lines separated by '\n', one a row of r. */
static void prompt_lines_draw(struct ui *ui, const struct rect *r,
    const struct buf *b)
{
	const char *line = b->data, *end = b->data + b->len;

	for (int y = r->y; y < r->y + r->h && line < end; y++) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t len = nl ? (size_t)(nl - line) : (size_t)(end - line);

		draw_cell(ui, y, r->x, r->w, THEME_PROMPT, line, len);
		line += len + (nl != NULL);
	}
}

static void hint_draw(struct ui *ui, const struct rect *r)
{
	struct buf *b = &ui->text;
	int used;

	for (int y = r->y; y < r->y + r->h; y++)
		draw_fill(ui, y, r->x, r->w, THEME_HINT);
	if (ui->kill.open) {
		signal_prompt_describe(ui, r->w, b);
		prompt_lines_draw(ui, r, b);
	} else if (ui->renice.open) {
		renice_prompt_describe(ui, b);
		draw_cell(ui, r->y, r->x, r->w, THEME_PROMPT, b->data, b->len);
	} else if (ui->prompt.kind != PROMPT_NONE) {
		const char *label = prompt_label(ui->prompt.kind);
		used = draw_cell(ui, r->y, r->x, r->w, THEME_PROMPT, label,
		    strlen(label));
		used += draw_cell(ui, r->y, r->x + used, r->w - used, THEME_PROMPT,
		    ui->prompt.text, ui->prompt.len);
		if (ui->message[0])
			draw_cell(ui, r->y, r->x + used + 2, r->w - used - 2,
			    THEME_ERROR, ui->message, strlen(ui->message));
	} else if (ui->message[0]) {
		draw_cell(ui, r->y, r->x, r->w,
		    ui->message_is_error ? THEME_ERROR : THEME_HINT,
		    ui->message, strlen(ui->message));
	} else if (ui->groups != NULL) {
		draw_cell(ui, r->y, r->x, r->w, THEME_HINT, groups_view_hint,
		    strlen(groups_view_hint));
	} else {
		draw_cell(ui, r->y, r->x, r->w, THEME_HINT, default_hint,
		    sizeof default_hint - 1);
	}
}

static void help_draw(struct ui *ui)
{
	static const char title[] =
	    "tasktop keys (Up/Down scroll, any other key closes)";
	int keys_w = COLS >= UI_SPLIT_COLS ? 28 : 14;
	int rows = LINES - 2, max_scroll = (int)help_nentries - rows;
	int y = 0;

	if (ui->help_scroll > max_scroll)
		ui->help_scroll = max_scroll;
	if (ui->help_scroll < 0)
		ui->help_scroll = 0;
	draw_fill(ui, y, 0, COLS, THEME_HEADER);
	draw_cell(ui, y++, 0, COLS, THEME_HEADER, title, sizeof title - 1);
	for (size_t i = (size_t)ui->help_scroll; i < help_nentries && y <= rows;
	    i++, y++) {
		const struct help_entry *h = &help_entries[i];
		draw_cell(ui, y, 1, keys_w, THEME_PROMPT, h->keys, strlen(h->keys));
		draw_cell(ui, y, keys_w + 2, COLS - keys_w - 2, THEME_NORMAL,
		    h->does, strlen(h->does));
	}
}

static void separator_draw(struct ui *ui, const struct layout *l)
{
	const char *bar = ui->mode == TEXT_UTF8 ? "\u2502" : "|";

	attrset(ui->attr[THEME_TREE]);
	for (int y = l->tree.y; y < l->tree.y + l->tree.h; y++)
		mvaddstr(y, l->separator_x, bar);
}

static void too_small_draw(struct ui *ui)
{
	char msg[96];
	/* short: it must fit the very terminal it complains about */
	int n = snprintf(msg, sizeof msg, "too small: %dx%d, needs %dx%d",
	    COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);

	draw_cell(ui, 0, 0, COLS, THEME_ERROR, msg, (size_t)n);
}

void screen_draw(struct ui *ui)
{
	struct layout *l = &ui->layout;

	struct layout_want want = {
		.side = ui->side_mode, .side_shown = ui->side_shown,
		.tree_min = columns_essential_width(ui->chosen, ui->nchosen),
		.hint_lines = 1,
	};

	erase();
	if (ui->kill.open)
		want.hint_lines = signal_prompt_describe(ui, COLS, &ui->text);
	want.meter_lines = meters_lines(ui, LINES, COLS);
	source_want_system(ui->src, want.meter_lines > 0 ||
	    ui->columns.shown[COL_MEMPCT]);
	layout_compute(l, LINES, COLS, &want);
	if (l->too_small) {
		too_small_draw(ui);
	} else if (ui->textview.open && LINES > 1) {
		text_view_draw(ui);
		hint_draw(ui, &l->hint);
	} else if (ui->setup_open && LINES > 1) {
		setup_draw(ui);
		hint_draw(ui, &l->hint);
	} else if (ui->help_shown && LINES > 1) {
		help_draw(ui);
		hint_draw(ui, &l->hint);
	} else if (ui->ns.level != NS_VIEW_CLOSED) {
		ns_view_draw(ui);
		hint_draw(ui, &l->hint);
	} else if (ui->groups != NULL) {
		/* the whole body, both panes' room */
		int top = l->header.y + l->header.h;
		struct rect body = { top, 0, l->hint.y - top, COLS };
		header_draw(ui, &l->header);
		groups_view_draw(ui, &body);
		hint_draw(ui, &l->hint);
	} else {
		header_draw(ui, &l->header);
		ui_fetch_shown(ui, l->tree.h - 1);
		tree_pane_draw(ui, &l->tree);
		side_pane_draw(ui, &l->side);
		if (l->separator_x >= 0)
			separator_draw(ui, l);
		hint_draw(ui, &l->hint);
	}
	wnoutrefresh(stdscr);
	doupdate();
}
