/*
 * settings_ui.h - the ui state from the settings file at start, and back on
 * quit (settings_ui.c).
 */
#ifndef TASKTOP_UI_SETTINGS_UI_H
#define TASKTOP_UI_SETTINGS_UI_H

struct ui;
struct settings;

void settings_apply(struct ui *ui, const struct settings *s);
void settings_collect(const struct ui *ui, struct settings *s);
/* Load and apply the file (a problem: one message, the defaults); save. */
void settings_start(struct ui *ui);
void settings_finish(struct ui *ui);

#endif
