/*
 * user_menu.h - the u menu: show one user's processes (user_menu.c).
 */
#ifndef TASKTOP_UI_USER_MENU_H
#define TASKTOP_UI_USER_MENU_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct ui;
struct rect;

/* The u menu: "(all users)", then the snapshot's users by name. */
struct user_entry {
	uid_t		 uid;
	const char	*name;
};

struct user_menu {
	bool		 open;
	struct user_entry *entries;
	size_t		 n;
	size_t		 cap;
	size_t		 choice;
};

/* user_menu.c */
void user_menu_open(struct ui *ui);
void user_menu_free(struct ui *ui);
void user_menu_key(struct ui *ui, int key);
void user_menu_draw(struct ui *ui, const struct rect *r);

#endif
