/*
 * clock.c - seconds as a double: refresh intervals and ages are compared
 * and subtracted, never printed to the nanosecond.
 */
#include "config.h"

#include "tasktop/util.h"

double clock_seconds(clockid_t clock)
{
	struct timespec ts;

	if (clock_gettime(clock, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double age_spread(double age, int id)
{
	unsigned spread = (unsigned)id % 16;

	return age * (1.0 + (double)spread / 16.0);
}
