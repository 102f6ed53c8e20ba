/*
 * setup.h - F2: the columns screen (setup.c).
 */
#ifndef TASKTOP_UI_SETUP_H
#define TASKTOP_UI_SETUP_H

struct ui;

void setup_open(struct ui *ui);
void setup_key(struct ui *ui, int key);
void setup_draw(struct ui *ui);

#endif
