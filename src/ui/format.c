/*
 * format.c - CPU% in the narrow column of the tree pane (sizes:
 * format_kb() in util, shared with batch output).
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "format.h"

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

void format_start(char *out, size_t size, double start, double now)
{
	time_t s = (time_t)start, n = (time_t)now;
	struct tm st, nt;
	const char *fmt = "%Y";

	if (start <= 0 || !localtime_r(&s, &st) || !localtime_r(&n, &nt)) {
		snprintf(out, size, "%5s", "-");
		return;
	}
	if (st.tm_year == nt.tm_year && st.tm_yday == nt.tm_yday)
		fmt = "%H:%M";
	else if (st.tm_year == nt.tm_year)
		fmt = "%b%d";
	if (strftime(out, size, fmt, &st) == 0)
		snprintf(out, size, "%5s", "-");
}
