#include "config.h"

#include "tasktop/grow.h"
#include "priv.h"

/* The snapshot's arrays (grow.h): once the snapshot has seen its largest
 * refresh no further refresh allocates. */
void model_grow(void *arr, size_t *cap, size_t want, size_t elem)
{
	grow_array(arr, cap, want, elem);
}
