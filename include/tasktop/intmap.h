/*
 * intmap.h - a small open-addressing hash table from an int key (pid, tid)
 * to a pointer.  Used by the model to keep tasks across refreshes.
 */
#ifndef TASKTOP_INTMAP_H
#define TASKTOP_INTMAP_H

#include <stddef.h>

/*
 * The slots are three arrays in one allocation, values, then keys, then
 * each slot's state (0 empty, 1 used, 2 deleted: a tombstone), so a slot
 * costs 13 bytes rather than a padded 16: the model's tid map holds one
 * for each task of the machine, and twice as many slots.
 */
struct intmap {
	void		**values;	/* the allocation; NULL when cap is 0 */
	int		*keys;
	unsigned char	*used;
	size_t		 cap;		/* power of two, or 0 */
	size_t		 count;		/* used */
	size_t		 tombs;		/* deleted */
};

void intmap_init(struct intmap *m);
void intmap_free(struct intmap *m);		/* frees the table, not the values */
void *intmap_get(const struct intmap *m, int key);
/* Insert or replace; returns the old value or NULL. */
void *intmap_put(struct intmap *m, int key, void *value);
/* Remove; returns the removed value or NULL. */
void *intmap_del(struct intmap *m, int key);

/* The mix of key's bits the table probes from (the model's tid map too). */
size_t intmap_hash(int key);

/* Iterate: for (i = 0; intmap_next(m, &i, &k, &v); ) — do not put during it;
 * deleting the current key is allowed. */
int intmap_next(const struct intmap *m, size_t *iter, int *key, void **value);

#endif
