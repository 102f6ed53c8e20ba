/*
 * keyseq.h - the key sequences curses leaves undecoded: escape sequences
 * and bracketed paste, and the key codes it decodes that tasktop does not
 * know (keyseq.c).  No curses: unit tests and the fuzz target call it.
 */
#ifndef TASKTOP_UI_KEYSEQ_H
#define TASKTOP_UI_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>

#define KEYSEQ_MAX	16	/* bytes of one escape sequence kept */
#define KEYSEQ_OUT_MAX	8
#define KEYSEQ_ALIAS_MAX 96

/* A key code curses decoded that acts as another key (Ctrl-Up as Up). */
struct keyseq_alias {
	int		 from, to;
};

struct keyseq_event {
	int		 key;		/* a curses key code or a byte */
	bool		 pasted;	/* part of a bracketed paste: text, not a key */
};

struct keyseq {
	int		 buf[KEYSEQ_MAX];	/* ESC, '[' or 'O', parameters */
	size_t		 n;
	bool		 overflow;		/* longer than buf: dropped */
	bool		 pasting;		/* inside ESC [ 200 ~ ... ESC [ 201 ~ */
	struct keyseq_event out[KEYSEQ_OUT_MAX];
	size_t		 nout, nread;
	struct keyseq_alias alias[KEYSEQ_ALIAS_MAX];
	size_t		 nalias;
};

/* One getch() result in; then keyseq_next until false. */
void keyseq_feed(struct keyseq *k, int ch);
bool keyseq_next(struct keyseq *k, struct keyseq_event *ev);
/* An ESC or part of a sequence waits for more. */
bool keyseq_pending(const struct keyseq *k);
/* No more input came: a lone ESC is the Esc key, half a sequence dropped. */
void keyseq_flush(struct keyseq *k);
/* Key code from comes out as to from now on (full table: ignored). */
void keyseq_alias(struct keyseq *k, int from, int to);
/* key_aliases.c: the modified cursor and editing keys the terminal's
 * terminfo names (kUP5: Ctrl-Up …), which curses decodes to codes of
 * its own, act as the plain keys; needs curses started. */
void key_aliases_learn(struct keyseq *k);

#endif
