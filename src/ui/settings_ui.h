/*
 * settings_ui.h - the ui state from the settings file at start, and back on
 * quit (settings_ui.c).
 */
#ifndef TASKTOP_UI_SETTINGS_UI_H
#define TASKTOP_UI_SETTINGS_UI_H

struct ui;

/* Load and apply the file (a problem: one message, the defaults); save. */
void settings_start(struct ui *ui);
void settings_finish(struct ui *ui);

#endif
