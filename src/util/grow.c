#include "config.h"

#include <stdlib.h>

#include "tasktop/grow.h"
#include "tasktop/util.h"

void grow_array(void *arr, size_t *cap, size_t want, size_t elem)
{
	void **p = arr;
	size_t n = *cap ? *cap : 16;
	void *grown;

	if (want <= *cap)
		return;
	while (n < want)
		n *= 2;
	grown = reallocarray(*p, n, elem);
	if (grown == NULL)
		oom_abort("array");
	*p = grown;
	*cap = n;
}
