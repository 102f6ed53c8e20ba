/*
 * oom.c - the one way tasktop gives up when memory runs out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tasktop/util.h"

_Noreturn void oom_abort(const char *what)
{
	fprintf(stderr, "tasktop: out of memory (%s)\n", what);
	abort();
}

void *oom_malloc(size_t size, const char *what)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		oom_abort(what);
	return p;
}

void *oom_calloc(size_t n, size_t size, const char *what)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom_abort(what);
	return p;
}
