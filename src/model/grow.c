#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

/*
 * Arrays grow by doubling and never shrink, so that once the snapshot has
 * seen its largest refresh no further refresh allocates.
 */
void model_grow(void *arr, size_t *cap, size_t want, size_t elem)
{
	void **p = arr;
	size_t n = *cap ? *cap : 16;
	void *grown;

	if (want <= *cap)
		return;
	while (n < want)
		n *= 2;
	grown = reallocarray(*p, n, elem);
	if (grown == NULL) {
		fprintf(stderr, "tasktop: out of memory (%zu entries)\n", n);
		abort();
	}
	*p = grown;
	*cap = n;
}
