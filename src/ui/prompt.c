/*
 * prompt.c - one line of input in the hint line (search, filter, attach).
 * Only printable ASCII is taken: what is typed ends up on the screen.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "prompt.h"

#define KEY_ESCAPE	27
#define KEY_CTRL_U	('U' & 0x1f)
#define KEY_CTRL_H	('H' & 0x1f)
#define KEY_DELETE	127

void prompt_open(struct prompt *p, enum prompt_kind kind, const char *initial)
{
	p->kind = kind;
	p->len = 0;
	p->text[0] = '\0';
	for (const char *c = initial ? initial : ""; *c; c++)
		prompt_key(p, (unsigned char)*c);
}

const char *prompt_label(enum prompt_kind kind)
{
	switch (kind) {
	case PROMPT_SEARCH:
		return "search: ";
	case PROMPT_FILTER:
		return "filter: ";
	case PROMPT_ATTACH:
		return "attach to pid or tid: ";
	case PROMPT_NONE:
		break;
	}
	return "";
}

enum prompt_result prompt_key(struct prompt *p, int key)
{
	switch (key) {
	case KEY_ESCAPE:
		return PROMPT_CANCELLED;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return PROMPT_ACCEPTED;
	case KEY_BACKSPACE:
	case KEY_DELETE:
	case KEY_CTRL_H:
		if (p->len == 0)
			return PROMPT_EDITING;
		p->text[--p->len] = '\0';
		return PROMPT_CHANGED;
	case KEY_CTRL_U:
		if (p->len == 0)
			return PROMPT_EDITING;
		p->len = 0;
		p->text[0] = '\0';
		return PROMPT_CHANGED;
	default:
		break;
	}
	if (key < 0x20 || key > 0x7e || p->len + 1 >= sizeof p->text)
		return PROMPT_EDITING;
	p->text[p->len++] = (char)key;
	p->text[p->len] = '\0';
	return PROMPT_CHANGED;
}
