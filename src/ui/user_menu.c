/*
 * user_menu.c - u: pick the user whose processes to show from the users
 * the snapshot holds (htop's habit), or all users.  The list is taken when
 * the menu opens; the names belong to the snapshot's user cache, which
 * lives as long as the snapshot.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/grow.h"

#include "draw.h"
#include "layout.h"
#include "state.h"
#include "user_menu.h"
#include "view_state.h"

#define KEY_ESCAPE 27

static int entry_cmp(const void *a, const void *b)
{
	const struct user_entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static bool menu_has(const struct user_menu *m, uid_t uid)
{
	for (size_t i = 1; i < m->n; i++)
		if (m->entries[i].uid == uid)
			return true;
	return false;
}

static void menu_add(struct user_menu *m, uid_t uid, const char *name)
{
	grow_array(&m->entries, &m->cap, m->n + 1, sizeof *m->entries);
	m->entries[m->n++] = (struct user_entry){ uid, name };
}

void user_menu_open(struct ui *ui)
{
	struct user_menu *m = &ui->user_menu;
	const struct snapshot *s = ui->snap;

	m->n = 0;
	menu_add(m, 0, "(all users)");
	for (size_t i = 0; i < s->nlist; i++) {
		const struct process *p = s->list[i];

		if (p->uid_state == FIELD_OK && p->user && !menu_has(m, p->uid))
			menu_add(m, p->uid, p->user);
	}
	if (m->n > 1)
		qsort(m->entries + 1, m->n - 1, sizeof *m->entries, entry_cmp);
	m->choice = 0;
	for (size_t i = 1; ui->opts.user_only && i < m->n; i++)
		if (m->entries[i].uid == ui->opts.uid)
			m->choice = i;
	m->open = m->n > 0;
}

void user_menu_free(struct ui *ui)
{
	free(ui->user_menu.entries);
	memset(&ui->user_menu, 0, sizeof ui->user_menu);
}

static void menu_choose(struct ui *ui)
{
	const struct user_entry *e = &ui->user_menu.entries[ui->user_menu.choice];

	ui->opts.user_only = ui->user_menu.choice > 0;
	ui->opts.uid = e->uid;
	ui_rebuild(ui);
	ui_read_detail(ui);
	if (ui->opts.user_only)
		ui_message(ui, false, "showing the processes of %s (u: change)",
		    e->name);
	else
		ui_message(ui, false, "showing every user's processes");
}

void user_menu_key(struct ui *ui, int key)
{
	struct user_menu *m = &ui->user_menu;

	switch (key) {
	case KEY_UP:
		m->choice = m->choice > 0 ? m->choice - 1 : 0;
		break;
	case KEY_DOWN: case 'j':
		if (m->choice + 1 < m->n)
			m->choice++;
		break;
	case KEY_HOME: case 'g':
		m->choice = 0;
		break;
	case KEY_END: case 'G':
		m->choice = m->n - 1;
		break;
	case '\n': case '\r': case KEY_ENTER:
		m->open = false;
		menu_choose(ui);
		break;
	case KEY_ESCAPE: case 'q': case 'u':
		m->open = false;
		break;
	default:
		break;
	}
}

/* Over the left of the tree pane: a title line and as many users as fit,
 * scrolled so the choice shows. */
void user_menu_draw(struct ui *ui, const struct rect *r)
{
	static const char title[] = "show the processes of (Enter, Esc)";
	const struct user_menu *m = &ui->user_menu;
	int w = r->w < 36 ? r->w : 36, rows = r->h - 1;
	size_t top = 0;

	if (rows <= 0 || w <= 0)
		return;
	if (m->choice >= (size_t)rows)
		top = m->choice - (size_t)rows + 1;
	draw_fill(ui, r->y, r->x, w, THEME_PANE_TITLE);
	draw_cell(ui, r->y, r->x, w, THEME_PANE_TITLE, title, sizeof title - 1);
	for (int k = 0; k < rows; k++) {
		size_t i = top + (size_t)k;
		enum theme_elem st = i == m->choice ? THEME_CURSOR : THEME_PANE;
		const char *name;

		if (i >= m->n)
			break;
		name = m->entries[i].name;
		draw_fill(ui, r->y + 1 + k, r->x, w, st);
		draw_cell(ui, r->y + 1 + k, r->x + 1, w - 1, st, name, strlen(name));
	}
}
