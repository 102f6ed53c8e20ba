/*
 * terminal.h - the terminal checked before curses starts (preflight.c) and
 * left usable after a crash (fatal.c).
 */
#ifndef TASKTOP_UI_TERMINAL_H
#define TASKTOP_UI_TERMINAL_H

struct ui;

/* preflight.c: the theme, a terminal on stdin and stdout that can place the
 * cursor.  0, or the exit status after one line on stderr. */
int ui_preflight(struct ui *ui);

/* fatal.c: a crash still leaves a usable terminal */
void fatal_signals_install(void);

#endif
