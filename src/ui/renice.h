/*
 * renice.h - the nice prompt (F7/F8) and the threads it goes to (renice.c).
 */
#ifndef TASKTOP_UI_RENICE_H
#define TASKTOP_UI_RENICE_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/act.h"
#include "tasktop/text.h"

struct ui;

/* A thread to renice and its nice value as last read (when the prompt
 * opened, when it applied). */
struct renice_task {
	struct act_task	 task;
	int		 from;
};

/* F7/F8: the threads it goes to (a process row: all of its threads, as
 * they were shown when the prompt opened) and how far each moves: threads
 * at different values keep their differences. */
struct renice_prompt {
	bool		 open;
	int		 pid;
	int		 tid;		/* 0: the whole process */
	int		 lo, hi;	/* the range of their from values */
	int		 delta;		/* F8 +1, F7 -1, each press one more */
	size_t		 unknown;	/* threads of unknown nice: left alone */
	struct renice_task *tasks;
	size_t		 n;
	size_t		 cap;
};

/* renice.c */
void renice_prompt_open(struct ui *ui, int delta);
void renice_prompt_key(struct ui *ui, int key);
void renice_prompt_describe(const struct ui *ui, struct buf *out);
void renice_prompt_free(struct ui *ui);

#endif
