/*
 * meters.h - the header's meters under its first line (meters.c).
 */
#ifndef TASKTOP_UI_METERS_H
#define TASKTOP_UI_METERS_H

#include <stddef.h>

#include "tasktop/text.h"

struct ui;
struct rect;

/* "[|||||     12.5%]" in exactly width columns (text at the right, over
 * the bar; '|' outside UTF-8, block characters in it). */
void meter_bar(struct buf *out, int width, double share, const char *text,
    enum text_mode mode);
/* "3 days, 04:05:06" or "04:05:06". */
void format_uptime(char *out, size_t size, double seconds);
/* The meter lines for a terminal of lines x cols (0: too small). */
int meters_lines(const struct ui *ui, int lines, int cols);
void meters_draw(struct ui *ui, const struct rect *r);

#endif
