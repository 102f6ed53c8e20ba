/*
 * format.c - numbers in the narrow columns of the tree pane.
 */
#include "config.h"

#include <stdio.h>

#include "internal.h"

void format_kb(char *out, size_t size, unsigned long long kb)
{
	static const char units[] = "KMGTPEZ";
	double v = (double)kb;
	size_t u = 0;

	while (v >= 1000.0 && u + 1 < sizeof units - 1) {
		v /= 1024.0;
		u++;
	}
	if (u > 0 && v < 10.0)
		snprintf(out, size, "%.1f%c", v, units[u]);
	else
		snprintf(out, size, "%.0f%c", v, units[u]);
}

void format_cpu(char *out, size_t size, bool valid, double percent)
{
	if (!valid || percent < 0.0)
		snprintf(out, size, "%5s", "-");
	else if (percent < 100.0)
		snprintf(out, size, "%5.1f", percent);
	else if (percent < 99999.5)
		snprintf(out, size, "%5.0f", percent);
	else
		snprintf(out, size, "%5s", "+++++");
}

void format_time(char *out, size_t size, unsigned long long ticks, long hz)
{
	unsigned long long hs, min;

	if (hz <= 0) {
		snprintf(out, size, "%9s", "-");
		return;
	}
	hs = ticks / (unsigned long long)hz * 100 +
	    ticks % (unsigned long long)hz * 100 / (unsigned long long)hz;
	min = hs / 6000;
	if (min < 1000)
		snprintf(out, size, "%3llu:%02llu.%02llu", min, hs / 100 % 60,
		    hs % 100);
	else if (min / 60 < 100000000ull)
		snprintf(out, size, "%8lluh", min / 60);
	else
		snprintf(out, size, "%9s", "+++");
}
