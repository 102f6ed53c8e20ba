/*
 * units.c - memory sizes in the narrow MEM columns of the tree pane (4
 * columns) and of batch output (6).  One rule for both, so a size reads
 * the same in either; only the width differs.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tasktop/util.h"

void format_kb(char *out, size_t size, unsigned long long kb, int cols)
{
	static const char units[] = "MGTPEZ";
	double v = (double)kb / 1024;
	size_t u = 0;
	char text[32];

	snprintf(text, sizeof text, "%lluK", kb);
	if (kb < 1024 && (int)strlen(text) <= cols) {
		snprintf(out, size, "%s", text);
		return;
	}
	for (;;) {
		/* "%.1f" of 999.95 is "1000.0": take the next unit first */
		if (v >= 999.95 && u + 2 < sizeof units) {
			v /= 1024;
			u++;
			continue;
		}
		snprintf(text, sizeof text, "%.1f%c", v, units[u]);
		if ((int)strlen(text) > cols)
			snprintf(text, sizeof text, "%.0f%c", v, units[u]);
		if ((int)strlen(text) <= cols || u + 2 >= sizeof units)
			break;
		v /= 1024;	/* 999.5M in 4 columns: "1000M" won't fit */
		u++;
	}
	snprintf(out, size, "%s", text);
}
