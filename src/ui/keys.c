/*
 * keys.c - what each key does (README.md "Keys").  A key changes the ui
 * state; the loop repaints after it.  Nothing here rescans /proc except
 * attaching to an id the snapshot does not hold.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "keys.h"
#include "layout.h"
#include "ns_ui.h"
#include "prompt.h"
#include "renice.h"
#include "selection.h"
#include "setup.h"
#include "signal_prompt.h"
#include "state.h"
#include "tags.h"
#include "text_view.h"
#include "user_menu.h"
#include "ustack.h"
#include "view_state.h"
#include "groups_view.h"

#define KEY_ESCAPE 27

static int tree_rows(const struct ui *ui)
{
	int rows = ui->layout.tree.h - 1;
	return rows > 1 ? rows : 1;
}

static void move_to(struct ui *ui, long row)
{
	selection_set_row(ui, row);
	ui_read_detail(ui);
}

static const struct view_row *selected_row(const struct ui *ui)
{
	if (ui->cursor < 0 || (size_t)ui->cursor >= ui->view.n)
		return NULL;
	return &ui->view.rows[ui->cursor];
}

static void expand_selected(struct ui *ui)
{
	const struct view_row *row = selected_row(ui);

	if (!row || row->task || ui_is_expanded(ui, row->proc->pid))
		return;
	ui_set_expanded(ui, row->proc->pid, true);
	ui_rebuild(ui);
}

/* On a thread: to its process.  On an open process: close it.  On a
 * closed one: to its parent. */
static void collapse_selected(struct ui *ui)
{
	const struct view_row *row = selected_row(ui);
	long target;

	if (!row)
		return;
	if (row->task) {
		move_to(ui, view_find_process(&ui->view, row->proc->pid));
	} else if (ui_is_expanded(ui, row->proc->pid)) {
		ui_set_expanded(ui, row->proc->pid, false);
		ui_rebuild(ui);
	} else if (ui->opts.tree && row->proc->parent) {
		target = view_find_process(&ui->view, row->proc->parent->pid);
		if (target >= 0)
			move_to(ui, target);
	}
}

static void toggle_expand_all(struct ui *ui)
{
	bool all = !ui->opts.expand_all;

	intmap_free(&ui->expanded);
	intmap_init(&ui->expanded);
	ui->opts.expand_all = all;
	ui_rebuild(ui);
}

static void sort_by(struct ui *ui, enum sort_key k)
{
	ui->opts.sort = k;
	ui->opts.descending = sort_key_descending(k);
	ui_rebuild(ui);
}

static void cycle_sort(struct ui *ui, int dir)
{
	sort_by(ui, (enum sort_key)(((int)ui->opts.sort + dir + SORT_COUNT) %
	    SORT_COUNT));
}

static void invert_sort(struct ui *ui)
{
	ui->opts.descending = !ui->opts.descending;
	ui_rebuild(ui);
}

/* H: threads instead of processes in the flat list (from the tree it
 * switches to the flat list, where the busiest thread is found). */
static void toggle_flat_threads(struct ui *ui)
{
	if (ui->opts.tree) {
		ui->opts.tree = false;
		ui->opts.flat_threads = true;
	} else {
		ui->opts.flat_threads = !ui->opts.flat_threads;
	}
	ui_rebuild(ui);
	ui_message(ui, false, "flat list of %s (H: %s)",
	    ui->opts.flat_threads ? "threads" : "processes",
	    ui->opts.flat_threads ? "processes" : "threads");
}

static void toggle_kernel_threads(struct ui *ui)
{
	ui->opts.hide_kernel = !ui->opts.hide_kernel;
	ui_rebuild(ui);
	ui_message(ui, false, "kernel threads %s (K)",
	    ui->opts.hide_kernel ? "hidden" : "shown");
}

static void tag_and_move(struct ui *ui)
{
	tags_toggle_selected(ui);
	move_to(ui, ui->cursor + 1);
}

/* c: tag the selected process and every process below it in the tree. */
static void tag_subtree(struct ui *ui, const struct process *p, int depth)
{
	long row = view_find_process(&ui->view, p->pid);

	if (row >= 0 && !tags_row_tagged(ui, &ui->view.rows[row])) {
		long keep = ui->cursor;

		ui->cursor = row;
		tags_toggle_selected(ui);
		ui->cursor = keep;
	}
	if (depth < 4096)
		for (size_t i = 0; i < p->nchildren; i++)
			tag_subtree(ui, p->children[i], depth + 1);
}

static void toggle_side_focus(struct ui *ui)
{
	if (ui->layout.split) {
		ui->focus = ui->focus == FOCUS_TREE ? FOCUS_SIDE : FOCUS_TREE;
		return;
	}
	ui->side_shown = !ui->side_shown;
	ui->focus = ui->side_shown ? FOCUS_SIDE : FOCUS_TREE;
}

/* v: the side pane beside the tree, or not (the tree takes the width;
 * Tab or Enter then show the pane over it).  Shown again, it goes where
 * it fits with the tree's essential columns, else beside anyway. */
static void toggle_side_pane(struct ui *ui)
{
	struct layout_want want = {
		.side = SIDE_AUTO, .hint_lines = 1,
		.tree_min = columns_essential_width(ui->chosen, ui->nchosen),
	};
	struct layout probe;

	ui->side_shown = false;
	ui->focus = FOCUS_TREE;
	if (COLS < UI_SPLIT_COLS) {
		ui_message(ui, true, "no room beside the tree below %d columns: "
		    "Tab shows the side pane", UI_SPLIT_COLS);
		return;
	}
	if (ui->layout.split) {
		ui->side_mode = SIDE_HIDDEN;
		return;
	}
	layout_compute(&probe, LINES, COLS, &want);
	ui->side_mode = probe.split ? SIDE_AUTO : SIDE_BESIDE;
}

static void open_prompt(struct ui *ui, enum prompt_kind kind)
{
	prompt_open(&ui->prompt, kind, kind == PROMPT_FILTER ? ui->filter : NULL);
	ui->prompt_origin = ui->sel;
	memcpy(ui->filter_before, ui->filter, sizeof ui->filter);
}

static void search_again(struct ui *ui, int dir)
{
	if (!ui->search[0])
		ui_message(ui, true, "no search yet: / to search");
	else if (!search_step(ui, ui->search, dir, false))
		ui_message(ui, true, "not found: %s", ui->search);
}

bool key_movement(int key, long page, long far, long *delta)
{
	switch (key) {
	case KEY_UP: *delta = -1; break;
	case KEY_DOWN: case 'j': *delta = 1; break;
	case KEY_PPAGE: *delta = -page; break;
	case KEY_NPAGE: *delta = page; break;
	case KEY_HOME: case 'g': *delta = -far; break;
	case KEY_END: case 'G': *delta = far; break;
	default: return false;
	}
	return true;
}

/* Keys that move: the tree's cursor, or the side pane's text when focused. */
static bool movement_key(struct ui *ui, int key)
{
	long page = ui->focus == FOCUS_SIDE && ui->layout.side.h > 2 ?
	    ui->layout.side.h - 1 : tree_rows(ui), delta;
	/* Further than the tree or the side pane can go: clamped to the end. */
	long far = (long)ui->view.n + ui->side_lines;

	if (!key_movement(key, page, far, &delta))
		return false;
	ui->follow = false;
	if (ui->focus == FOCUS_SIDE) {
		ui->side_scroll += (int)delta;
	} else {
		selection_set_row(ui, ui->cursor + delta);
		ui_read_detail_later(ui);
	}
	return true;
}

static void restore_selection(struct ui *ui, const struct selection *sel)
{
	ui->sel = *sel;
	selection_restore(ui);
	ui_read_detail(ui);
}

static void attach_typed(struct ui *ui, const char *text)
{
	char *end;
	long id;

	/* a pasted line comes with spaces around it */
	while (*text == ' ')
		text++;
	id = strtol(text, &end, 10);
	while (*end == ' ')
		end++;

	if (!*text)
		return;		/* Enter on nothing: as Esc */
	if (*end || id <= 0 || id > 0x7fffffff) {
		ui_message(ui, true, "not a pid or tid: %s", text);
		return;
	}
	attach_id(ui, (int)id);
}

static void prompt_changed(struct ui *ui)
{
	switch (ui->prompt.kind) {
	case PROMPT_SEARCH:
		restore_selection(ui, &ui->prompt_origin);
		if (ui->prompt.len && !search_step(ui, ui->prompt.text, 1, true))
			ui_message(ui, true, "not found: %s", ui->prompt.text);
		break;
	case PROMPT_FILTER:
		memcpy(ui->filter, ui->prompt.text, sizeof ui->filter);
		ui_rebuild(ui);
		ui_read_detail(ui);
		break;
	default:
		break;
	}
}

static void prompt_finished(struct ui *ui, bool accepted)
{
	enum prompt_kind kind = ui->prompt.kind;

	ui->prompt.kind = PROMPT_NONE;
	if (kind == PROMPT_SEARCH && accepted)
		memcpy(ui->search, ui->prompt.text, sizeof ui->search);
	else if (kind == PROMPT_SEARCH)
		restore_selection(ui, &ui->prompt_origin);
	else if (kind == PROMPT_FILTER && !accepted) {
		memcpy(ui->filter, ui->filter_before, sizeof ui->filter);
		ui_rebuild(ui);
		ui_read_detail(ui);
	} else if (kind == PROMPT_ATTACH && accepted)
		attach_typed(ui, ui->prompt.text);
}

static void prompt_handle_key(struct ui *ui, int key)
{
	ui->message[0] = '\0';
	switch (prompt_key(&ui->prompt, key)) {
	case PROMPT_CHANGED:
		prompt_changed(ui);
		break;
	case PROMPT_ACCEPTED:
		prompt_finished(ui, true);
		break;
	case PROMPT_CANCELLED:
		prompt_finished(ui, false);
		break;
	case PROMPT_EDITING:
		break;
	}
}

static void mouse_event(struct ui *ui)
{
	const struct rect *t = &ui->layout.tree;
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		move_to(ui, ui->cursor - 3);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		move_to(ui, ui->cursor + 3);
	} else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) {
		if (t->w > 0 && ev.x < t->x + t->w && ev.y > t->y && ev.y < t->y + t->h) {
			ui->focus = FOCUS_TREE;
			move_to(ui, ui->top + (ev.y - t->y - 1));
		} else if (ui->layout.side.w > 0 && ev.x >= ui->layout.side.x) {
			ui->focus = FOCUS_SIDE;
		}
	}
}

static void enter_key(struct ui *ui)
{
	const struct view_row *row = selected_row(ui);

	if (!ui->layout.split) {
		toggle_side_focus(ui);
	} else if (row && !row->task) {
		ui_set_expanded(ui, row->proc->pid, !ui_is_expanded(ui, row->proc->pid));
		ui_rebuild(ui);
	}
}

static void command_key(struct ui *ui, int key)
{
	switch (key) {
	case KEY_RIGHT: case '+': expand_selected(ui); break;
	case KEY_LEFT: case '-': collapse_selected(ui); break;
	case '*': toggle_expand_all(ui); break;
	case '\t': toggle_side_focus(ui); break;
	case 'v': toggle_side_pane(ui); break;
	case '\n': case '\r': case KEY_ENTER: enter_key(ui); break;
	case KEY_ESCAPE:
		ui->focus = FOCUS_TREE;
		ui->side_shown = false;
		break;
	case KEY_F(3): case '/': open_prompt(ui, PROMPT_SEARCH); break;
	case 'n': search_again(ui, 1); break;
	case 'N': search_again(ui, -1); break;
	case KEY_F(4): case '\\': open_prompt(ui, PROMPT_FILTER); break;
	case 'p': open_prompt(ui, PROMPT_ATTACH); break;
	case 'b': ustack_start(ui); break;
	case KEY_F(5): case 't':
		ui->opts.tree = !ui->opts.tree;
		ui_rebuild(ui);
		break;
	case KEY_F(6): case '>': cycle_sort(ui, 1); break;
	case '<': cycle_sort(ui, -1); break;
	case 'I': invert_sort(ui); break;
	case 'P': sort_by(ui, SORT_CPU); break;
	case 'M': sort_by(ui, SORT_MEM); break;
	case 'T': sort_by(ui, SORT_TIME); break;
	case 'H': toggle_flat_threads(ui); break;
	case 'K': toggle_kernel_threads(ui); break;
	case 'u': user_menu_open(ui); break;
	case KEY_F(2): case 'S': setup_open(ui); break;
	case 'e': environ_view_open(ui); break;
	case '#': ui->meters_hidden = !ui->meters_hidden; break;
	case 'l': fd_view_open(ui); break;
	case 'F':
		selection_follow(ui);
		if (ui->follow)
			ui_message(ui, false, "following %s %d (a move ends it)",
			    ui->sel.tid ? "thread" : "process",
			    ui->sel.tid ? ui->sel.tid : ui->sel.pid);
		break;
	case KEY_F(9): case 'k': signal_prompt_open(ui); break;
	case 'B': groups_view_open(ui); break;
	case KEY_F(7): case ']': renice_prompt_open(ui, -1); break;
	case KEY_F(8): case '[': renice_prompt_open(ui, 1); break;
	case '}': ns_jump_marked(ui, 1); break;
	case '{': ns_jump_marked(ui, -1); break;
	case 'o': ns_view_open(ui); break;
	case ' ': tag_and_move(ui); break;
	case 'c':
		if (selected_row(ui))
			tag_subtree(ui, selected_row(ui)->proc, 0);
		break;
	case 'U': tags_clear(ui); break;
	case 'Z': ui->paused = !ui->paused; break;
	case KEY_F(1): case '?': case 'h': ui->help_shown = true; break;
	case KEY_F(10): case 'q': ui->quit = true; break;
	case KEY_MOUSE: mouse_event(ui); break;
	default: break;
	}
}

/* Up and down scroll a help screen taller than the terminal; any other
 * key closes it. */
static void help_key(struct ui *ui, int key)
{
	if (key == KEY_DOWN || key == 'j' || key == KEY_NPAGE) {
		ui->help_scroll += key == KEY_NPAGE ? tree_rows(ui) : 1;
	} else if (key == KEY_UP || key == KEY_PPAGE) {
		ui->help_scroll -= key == KEY_PPAGE ? tree_rows(ui) : 1;
	} else {
		ui->help_shown = false;
		ui->help_scroll = 0;
	}
}

void ui_handle_paste(struct ui *ui, int byte)
{
	if (ui->help_shown || ui->kill.open || ui->user_menu.open ||
	    ui->prompt.kind == PROMPT_NONE)
		return;
	/* Line breaks and tabs become spaces; other controls, bytes that are
	 * not ASCII and the keys curses made of pasted escapes are dropped. */
	if (byte == '\t' || byte == '\n' || byte == '\r')
		byte = ' ';
	if (byte >= 0x20 && byte < 0x7f)
		prompt_handle_key(ui, byte);
}

bool ui_cancel_prompt(struct ui *ui)
{
	if (ui->kill.open) {
		signal_prompt_cancel(ui);
		return true;
	}
	if (ui->prompt.kind != PROMPT_NONE) {
		prompt_finished(ui, false);
		return true;
	}
	return false;
}

void ui_handle_key(struct ui *ui, int key)
{
	long delta;

	if (key == KEY_RESIZE)
		return;
	/* whatever else a key does may act on or show the detail: fresh */
	if (ui->detail_later && !key_movement(key, 1, 1, &delta))
		ui_read_detail(ui);
	/* A prompt that acts cannot be confirmed blind: the screen showed
	 * neither the task nor the signal or nice value. */
	if (ui->layout.too_small && (ui->kill.open || ui->renice.open)) {
		if (ui->kill.open)
			signal_prompt_cancel(ui);
		else
			renice_prompt_key(ui, KEY_ESCAPE);
		return;
	}
	if (ui->help_shown) {
		help_key(ui, key);
		return;
	}
	if (ui->kill.open) {
		signal_prompt_key(ui, key);
		return;
	}
	if (ui->textview.open) {
		text_view_key(ui, key);
		return;
	}
	if (ui->setup_open) {
		setup_key(ui, key);
		return;
	}
	if (ui->renice.open) {
		renice_prompt_key(ui, key);
		return;
	}
	if (ui->user_menu.open) {
		user_menu_key(ui, key);
		return;
	}
	if (ui->prompt.kind != PROMPT_NONE) {
		prompt_handle_key(ui, key);
		return;
	}
	ui->message[0] = '\0';
	if (ui->ns.level != NS_VIEW_CLOSED) {
		ns_view_key(ui, key);
		return;
	}
	if (groups_view_key(ui, key))
		return;
	if (!movement_key(ui, key))
		command_key(ui, key);
}
