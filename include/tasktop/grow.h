/*
 * grow.h - arrays that grow by doubling and never shrink, so that once the
 * largest case has been seen nothing allocates again.  Out of memory ends
 * the program with a message: there is nothing sensible to show without.
 */
#ifndef TASKTOP_GROW_H
#define TASKTOP_GROW_H

#include <stddef.h>

/* Grow *arr (of elem-sized items, capacity *cap) to hold at least want. */
void grow_array(void *arr, size_t *cap, size_t want, size_t elem);

#endif
