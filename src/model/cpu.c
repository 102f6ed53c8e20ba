#include "config.h"

#include "tasktop/model.h"

double cpu_percent(uint64_t dns, double dt)
{
	if (dt <= 0)
		return 0;
	return (double)dns / 1e9 / dt * 100.0;
}
