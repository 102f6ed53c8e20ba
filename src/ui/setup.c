/*
 * setup.c - F2 (or S): choose the tree pane's columns and their order,
 * htop's setup screen reduced to what tasktop has.  Every column is one
 * line: the shown ones first, in their order, then the others.  Space or
 * Enter shows / hides the selected one, F7 / F8 (or [ ]) move it up /
 * down; the change is live and saved with the settings on quit.
 */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "columns.h"
#include "draw.h"
#include "keys.h"
#include "setup.h"
#include "state.h"

#define KEY_ESCAPE 27

/* The lines: ui->chosen, then every other choosable column. */
static size_t setup_lines(const struct ui *ui, enum column *lines)
{
	size_t n = 0;

	for (size_t i = 0; i < ui->nchosen; i++)
		lines[n++] = ui->chosen[i];
	for (int c = 0; c < COL_COUNT; c++) {
		bool shown = false;

		for (size_t i = 0; i < ui->nchosen; i++)
			shown = shown || ui->chosen[i] == (enum column)c;
		if (column_choosable((enum column)c) && !shown)
			lines[n++] = (enum column)c;
	}
	return n;
}

void setup_open(struct ui *ui)
{
	ui->setup_open = true;
	ui->setup_cursor = 0;
}

/* Show (append to the chosen) or hide (take out) the line's column; the
 * cursor stays on it. */
static void toggle(struct ui *ui, enum column c)
{
	for (size_t i = 0; i < ui->nchosen; i++)
		if (ui->chosen[i] == c) {
			if (ui->nchosen == 1)
				return;		/* one column at least */
			memmove(&ui->chosen[i], &ui->chosen[i + 1],
			    (ui->nchosen - i - 1) * sizeof *ui->chosen);
			ui->nchosen--;
			ui->setup_cursor = ui->nchosen;
			return;
		}
	ui->chosen[ui->nchosen] = c;
	ui->setup_cursor = ui->nchosen++;
}

/* Swap a shown column with its neighbour (dir -1 up, +1 down). */
static void move_column(struct ui *ui, int dir)
{
	size_t i = ui->setup_cursor, j = i + (size_t)dir;
	enum column c;

	if (i >= ui->nchosen || (dir < 0 && i == 0) || j >= ui->nchosen)
		return;
	c = ui->chosen[i];
	ui->chosen[i] = ui->chosen[j];
	ui->chosen[j] = c;
	ui->setup_cursor = j;
}

/* The cursor keys of the tree move in the list too (Home g, End G, a page
 * of the lines under the title): false for another key. */
static bool setup_move(struct ui *ui, int key, size_t n)
{
	long page = LINES > 2 ? LINES - 2 : 1, far = (long)n, to;

	if (!key_movement(key, page, far, &to))
		return false;
	to += (long)ui->setup_cursor;
	ui->setup_cursor = to < 0 || n == 0 ? 0 : to >= far ? n - 1 : (size_t)to;
	return true;
}

void setup_key(struct ui *ui, int key)
{
	enum column lines[COL_COUNT];
	size_t n = setup_lines(ui, lines);

	if (setup_move(ui, key, n))
		return;
	switch (key) {
	case ' ': case '\n': case '\r': case KEY_ENTER:
		toggle(ui, lines[ui->setup_cursor]);
		break;
	case KEY_F(7): case ']': case '-':
		move_column(ui, -1);
		break;
	case KEY_F(8): case '[': case '+':
		move_column(ui, 1);
		break;
	case KEY_ESCAPE: case 'q': case KEY_F(2): case 'S': case KEY_F(10):
		ui->setup_open = false;
		break;
	default:
		break;
	}
}

void setup_draw(struct ui *ui)
{
	static const char title[] = "tasktop setup: columns (space shows / "
	    "hides, F7 F8 move, Home End g G jump, Esc closes; saved on quit)";
	enum column lines[COL_COUNT];
	size_t n = setup_lines(ui, lines);
	/* the lines under the title; a short terminal scrolls the list so
	 * that the cursor (End, G) is always on a drawn line */
	size_t rows = LINES > 2 ? (size_t)LINES - 2 : 1;
	size_t first = ui->setup_cursor >= rows ? ui->setup_cursor - rows + 1 : 0;
	int y = 0;
	char line[160];
	struct columns fit;	/* the tree's, with the columns as chosen now */

	draw_fill(ui, y, 0, COLS, THEME_HEADER);
	draw_cell(ui, y++, 0, COLS, THEME_HEADER, title, sizeof title - 1);
	columns_layout(&fit, ui->layout.tree.w, ui->chosen, ui->nchosen);
	for (size_t i = first; i < n && y < LINES - 1; i++, y++) {
		bool shown = i < ui->nchosen;
		enum theme_elem st = i == ui->setup_cursor ? THEME_CURSOR :
		    shown ? THEME_NORMAL : THEME_KERNEL;

		/* a narrow tree drops columns: say so rather than let a
		 * chosen one go missing without a word */
		snprintf(line, sizeof line, " [%c] %-8s %s%s", shown ? 'x' : ' ',
		    column_title(lines[i]), column_about(lines[i]),
		    shown && !fit.shown[lines[i]] ?
		    "  (not shown: no room at this width)" : "");
		draw_fill(ui, y, 0, COLS, st);
		draw_cell(ui, y, 0, COLS, st, line, strlen(line));
	}
}
