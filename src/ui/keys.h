/*
 * keys.h - what a key does (keys.c).
 */
#ifndef TASKTOP_UI_KEYS_H
#define TASKTOP_UI_KEYS_H

#include <stdbool.h>

struct ui;

void ui_handle_key(struct ui *ui, int key);
/* A byte of bracketed paste: text for an open line prompt, else dropped;
 * never a key. */
void ui_handle_paste(struct ui *ui, int byte);
/* Close an open prompt as Esc does; false when none was open. */
bool ui_cancel_prompt(struct ui *ui);
/* How far a cursor key moves in a list (Up Down j, PgUp PgDn a page, Home
 * g End G at least far); false for another key.  The tree's and F2's. */
bool key_movement(int key, long page, long far, long *delta);

#endif
