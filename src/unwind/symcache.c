/*
 * symcache.c - what a pc was looked up as, kept per session
 * (docs/ARCHITECTURE.md "User stacks").  Finding a symbol in libdw scans
 * the module's symbol table, and inlined calls need the DWARF scopes of
 * the CU; the threads of one process sit at a handful of pcs, so each is
 * looked up once and the frames it gave are copied from here after that.
 * Cleared when the process's maps change (a module may have moved).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SYMCACHE_SLOTS	4096		/* a power of two; full: no more kept */

struct sym_entry {
	uint64_t	 key;		/* key_of(pc, activation); 0 empty */
	struct unwind_frame *frames;
	size_t		 n;
};

struct symcache {
	struct sym_entry slots[SYMCACHE_SLOTS];
	size_t		 used;
};

struct symcache *symcache_new(void)
{
	return calloc(1, sizeof(struct symcache));
}

static void entry_free(struct sym_entry *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free((char *)e->frames[i].symbol);
		free((char *)e->frames[i].file);
	}
	free(e->frames);
	memset(e, 0, sizeof *e);
}

void symcache_clear(struct symcache *c)
{
	for (size_t i = 0; c != NULL && i < SYMCACHE_SLOTS; i++)
		if (c->slots[i].key != 0)
			entry_free(&c->slots[i]);
	if (c != NULL)
		c->used = 0;
}

void symcache_free(struct symcache *c)
{
	symcache_clear(c);
	free(c);
}

/* Never 0, which marks an empty slot. */
static uint64_t key_of(uint64_t pc, bool act)
{
	return ((pc << 1) | (act ? 1 : 0)) + 1;
}

static struct sym_entry *slot_of(struct symcache *c, uint64_t key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 52) &
	    (SYMCACHE_SLOTS - 1);

	while (c->slots[i].key != 0 && c->slots[i].key != key)
		i = (i + 1) & (SYMCACHE_SLOTS - 1);
	return &c->slots[i];
}

const struct unwind_frame *symcache_get(struct symcache *c, uint64_t pc,
    bool act, size_t *n)
{
	struct sym_entry *e = slot_of(c, key_of(pc, act));

	if (e->key == 0)
		return NULL;
	*n = e->n;
	return e->frames;
}

/* Modules are the session's (libdw keeps their names); symbols and files
 * are copied, as a result's may be freed demangled names. */
void symcache_put(struct symcache *c, uint64_t pc, bool act,
    const struct unwind_frame *f, size_t n)
{
	struct sym_entry *e;

	if (c->used >= SYMCACHE_SLOTS / 2 || n == 0)
		return;
	e = slot_of(c, key_of(pc, act));
	if (e->key != 0 || (e->frames = calloc(n, sizeof *f)) == NULL)
		return;
	e->key = key_of(pc, act);
	e->n = n;
	c->used++;
	for (size_t i = 0; i < n; i++) {
		e->frames[i] = f[i];
		e->frames[i].symbol = f[i].symbol ? strdup(f[i].symbol) : NULL;
		e->frames[i].file = f[i].file ? strdup(f[i].file) : NULL;
	}
}
