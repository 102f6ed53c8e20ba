/*
 * help.h - the help screen's entries (help.c); screen.c draws them.
 */
#ifndef TASKTOP_UI_HELP_H
#define TASKTOP_UI_HELP_H

#include <stddef.h>

struct help_entry {
	const char	*keys;
	const char	*does;
};

extern const struct help_entry help_entries[];
extern const size_t help_nentries;

#endif
