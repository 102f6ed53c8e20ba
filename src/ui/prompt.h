/*
 * prompt.h - the one-line input of search, filter and attach (prompt.c).
 * No curses: unit tests call it.
 */
#ifndef TASKTOP_UI_PROMPT_H
#define TASKTOP_UI_PROMPT_H

#include <stddef.h>

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,
	PROMPT_FILTER,
	PROMPT_ATTACH,
};

#define PROMPT_TEXT_MAX 64

struct prompt {
	enum prompt_kind kind;
	char		 text[PROMPT_TEXT_MAX];
	size_t		 len;
};

enum prompt_result {
	PROMPT_EDITING,		/* key ignored or cursor unchanged */
	PROMPT_CHANGED,		/* the text changed */
	PROMPT_ACCEPTED,	/* Enter */
	PROMPT_CANCELLED,	/* Esc */
};

void prompt_open(struct prompt *p, enum prompt_kind kind, const char *initial);
enum prompt_result prompt_key(struct prompt *p, int key);
const char *prompt_label(enum prompt_kind kind);

#endif
