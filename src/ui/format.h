/*
 * format.h - the numbers the tree pane shows, in their fixed widths
 * (format.c).  No curses: unit tests call it.
 */
#ifndef TASKTOP_UI_FORMAT_H
#define TASKTOP_UI_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

/* The MEM column's width: format_kb() fits "512K", "9.8M", "123M". */
#define UI_MEM_COLS	4
/* "  0.0", " 99.5", "  123" in 5 columns; "-" right aligned when invalid. */
void format_cpu(char *out, size_t size, bool valid, double percent);
/* TIME+ from clock ticks at hz a second, in 9 columns: "  1:02.34"
 * (minutes:seconds.hundredths), "1234h" past 999 minutes. */
void format_time(char *out, size_t size, unsigned long long ticks, long hz);
/* START in 5 columns, htop's way: "14:03" today, "Nov30" this year, else
 * "2025"; times are wall-clock seconds, now the refresh's. */
void format_start(char *out, size_t size, double start, double now);

#endif
