/*
 * signal_prompt.h - the kill prompt (k): the signals it offers and the task
 * or tags it sends to (signal.c).
 */
#ifndef TASKTOP_UI_SIGNAL_PROMPT_H
#define TASKTOP_UI_SIGNAL_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/act.h"
#include "tasktop/text.h"

struct ui;
struct tag;

struct signal_choice {
	const char	*name;
	int		 signo;
};

extern const struct signal_choice signal_choices[];
extern const size_t signal_nchoices;

struct signal_prompt {
	bool		 open;
	size_t		 choice;	/* index into signal_choices */
	bool		 whole_process;
	int		 pid;
	int		 tid;
	struct act_pin	 pin;		/* the task asked about (act.h) */
	struct act_pin	 group_pin;	/* on a thread row, its process by its
					 * leader: the thread may exit first */
	bool		 tagged;	/* to every tagged task instead */
	struct tag	*tags;		/* tags_list's copy, while open */
	size_t		 ntags;
	size_t		 tags_cap;
};

/* signal.c */
void signal_prompt_open(struct ui *ui);
void signal_prompt_key(struct ui *ui, int key);
/* The prompt in lines of at most cols columns, '\n' between them; returns
 * how many. */
int signal_prompt_describe(const struct ui *ui, int cols, struct buf *out);
/* Ctrl-C and Esc: close it, sending nothing. */
void signal_prompt_cancel(struct ui *ui);
void signal_prompt_free(struct ui *ui);

#endif
