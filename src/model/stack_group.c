/*
 * stack_group.c - threads with the same call chain form a group
 * (docs/ARCHITECTURE.md "Stack groups").  Each thread fed is turned into a
 * key, the text that two threads of one group share exactly:
 *
 *   "K" then a kernel frame's symbol per line (or "K\n-u" in user space),
 *   "W" then wchan and syscall instead when the kernel stack is unreadable,
 *   then "U" and a user frame's function per line when unwound
 *   (inlined frames left out: the same pc range seen with more or fewer
 *   inlined calls expanded is still the same place).
 *
 * The key's hash finds the group in an open-addressing table; equal hashes
 * compare the whole key, so a collision never merges two groups.  A group
 * keeps copies of the first thread's frames (the records fed need not
 * outlive the call).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tasktop/grow.h"
#include "tasktop/stack_group.h"
#include "tasktop/util.h"

#define SLOTS_MIN 64

static char *copy_text(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		oom_abort("stack frame");
	return d;
}

static char *copy_bytes(const char *s, size_t len)
{
	char *d = oom_malloc(len + 1, "stack key");

	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

/* FNV-1a: keys of a few hundred bytes, told apart by a full compare. */
static uint64_t key_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

void stack_groups_init(struct stack_groups *gs)
{
	memset(gs, 0, sizeof *gs);
	buf_init(&gs->scratch);
	buf_init(&gs->symbol);
}

static void group_clear(struct stack_group *g)
{
	for (int i = 0; i < g->nkernel; i++)
		free(g->kernel[i]);
	free(g->kernel);
	for (int i = 0; i < g->nuser; i++) {
		free((char *)g->user[i].text);
		free((char *)g->user[i].function);
	}
	free(g->user);
	free(g->user_error);
	free(g->wchan);
	free(g->syscall);
	free(g->key);
	free(g->tids);
	memset(g, 0, sizeof *g);
}

void stack_groups_reset(struct stack_groups *gs)
{
	for (size_t i = 0; i < gs->n; i++)
		group_clear(&gs->g[i]);
	gs->n = 0;
	gs->total = 0;
	gs->rounds = 0;
	if (gs->slots != NULL)
		memset(gs->slots, 0, gs->nslots * sizeof *gs->slots);
}

void stack_groups_free(struct stack_groups *gs)
{
	stack_groups_reset(gs);
	free(gs->g);
	free(gs->slots);
	buf_free(&gs->scratch);
	buf_free(&gs->symbol);
	memset(gs, 0, sizeof *gs);
}

/* A kernel stack of entry and exit frames only (or none at all: the thread
 * is on a CPU) is a thread in user space, if it is running: one asleep is in
 * the kernel whatever frames the kernel printed (Linux 6.18 shows sleep()'s
 * as its syscall entry alone), so its frames are what it is grouped by. */
static bool kernel_in_user(const struct stack_sample *t, struct buf *sym)
{
	if (t->state != 'R' && t->state != '?')
		return false;
	for (int i = 0; i < t->nkernel; i++) {
		buf_reset(sym);
		stack_kernel_symbol(sym, t->kernel[i]);
		if (!stack_frame_is_entry(sym->data, sym->len))
			return false;
	}
	return !t->kernel_truncated;
}

static void key_kernel(struct buf *key, const struct stack_sample *t,
    bool in_user)
{
	buf_addc(key, 'K');
	if (in_user) {
		buf_adds(key, "\n-u");
		return;
	}
	for (int i = 0; i < t->nkernel; i++) {
		buf_addc(key, '\n');
		stack_kernel_symbol(key, t->kernel[i]);
	}
	if (t->kernel_truncated)
		buf_adds(key, "\n-t");
}

static void key_field(struct buf *key, const char *value)
{
	buf_addc(key, '\n');
	/* "-" can't be a wchan or syscall name: unknown stays apart */
	buf_adds(key, value != NULL ? value : "-");
}

static void key_user(struct buf *key, const struct stack_sample *t)
{
	if (t->user_state == FIELD_UNREAD)
		return;
	buf_adds(key, "\nU");
	if (t->user_state != FIELD_OK) {
		/* "kernel thread" and "permission denied" are apart */
		if (t->user_error != NULL)
			buf_printf(key, "\n-%s", t->user_error);
		else
			buf_printf(key, "\n-%d", (int)t->user_state);
		return;
	}
	for (int i = 0; i < t->nuser; i++) {
		const struct stack_frame *f = &t->user[i];
		if (f->inlined)
			continue;
		buf_addc(key, '\n');
		buf_adds(key, f->function != NULL ? f->function : f->text);
	}
}

/* Nothing to compare: no stack of either side, no wchan, no syscall. */
static bool nothing_read(const struct stack_sample *t)
{
	return t->kernel_state != FIELD_OK && t->wchan == NULL &&
	    t->syscall == NULL && t->user_state != FIELD_OK;
}

/* The key into gs->scratch; whether the thread is in user space. */
static bool build_key(struct stack_groups *gs, const struct stack_sample *t)
{
	struct buf *key = &gs->scratch;
	bool in_user = false;

	buf_reset(key);
	if (nothing_read(t)) {
		buf_addc(key, 'N');	/* one for all of them, whatever the why */
		return false;
	}
	if (t->kernel_state == FIELD_OK) {
		in_user = kernel_in_user(t, &gs->symbol);
		key_kernel(key, t, in_user);
	} else {
		buf_addc(key, 'W');
		key_field(key, t->wchan);
		key_field(key, t->syscall);
	}
	key_user(key, t);
	return in_user;
}

static void slots_grow(struct stack_groups *gs)
{
	size_t n = gs->nslots ? gs->nslots * 2 : SLOTS_MIN;
	size_t *slots = oom_calloc(n, sizeof *slots, "stack groups");

	for (size_t i = 0; i < gs->n; i++) {
		size_t at = gs->g[i].hash & (n - 1);
		while (slots[at] != 0)
			at = (at + 1) & (n - 1);
		slots[at] = i + 1;
	}
	free(gs->slots);
	gs->slots = slots;
	gs->nslots = n;
}

/* The slot of the group with this key, or the free slot it would take. */
static size_t slot_of(const struct stack_groups *gs, uint64_t hash)
{
	const struct buf *key = &gs->scratch;
	size_t at = hash & (gs->nslots - 1);

	while (gs->slots[at] != 0) {
		const struct stack_group *g = &gs->g[gs->slots[at] - 1];
		if (g->hash == hash && g->key_len == key->len &&
		    memcmp(g->key, key->data, key->len) == 0)
			break;
		at = (at + 1) & (gs->nslots - 1);
	}
	return at;
}

static void group_copy_user(struct stack_group *g, const struct stack_sample *t)
{
	g->user_state = t->user_state;
	if (t->user_state != FIELD_OK && t->user_error != NULL)
		g->user_error = copy_text(t->user_error);
	if (t->user_state != FIELD_OK || t->nuser <= 0)
		return;
	g->user = oom_calloc((size_t)t->nuser, sizeof *g->user, "stack frames");
	for (int i = 0; i < t->nuser; i++) {
		g->user[i].text = copy_text(t->user[i].text);
		g->user[i].function = t->user[i].function != NULL ?
		    copy_text(t->user[i].function) : NULL;
		g->user[i].inlined = t->user[i].inlined;
	}
	g->nuser = t->nuser;
}

static void group_copy_kernel(struct stack_group *g,
    const struct stack_sample *t)
{
	g->kernel_state = t->kernel_state;
	g->kernel_truncated = t->kernel_truncated;
	if (nothing_read(t)) {
		g->basis = STACK_BASIS_NONE;
		return;
	}
	if (t->kernel_state != FIELD_OK) {
		g->basis = STACK_BASIS_WCHAN;
		g->wchan = t->wchan != NULL ? copy_text(t->wchan) : NULL;
		g->syscall = t->syscall != NULL ? copy_text(t->syscall) : NULL;
		return;
	}
	g->basis = STACK_BASIS_KERNEL;
	if (g->in_user || t->nkernel <= 0)
		return;
	g->kernel = oom_calloc((size_t)t->nkernel, sizeof *g->kernel,
	    "stack frames");
	for (int i = 0; i < t->nkernel; i++)
		g->kernel[i] = copy_text(t->kernel[i]);
	g->nkernel = t->nkernel;
}

static struct stack_group *group_new(struct stack_groups *gs,
    const struct stack_sample *t, uint64_t hash, bool in_user)
{
	struct stack_group *g;

	grow_array(&gs->g, &gs->cap, gs->n + 1, sizeof *gs->g);
	g = &gs->g[gs->n++];
	memset(g, 0, sizeof *g);
	g->hash = hash;
	g->key = copy_bytes(gs->scratch.data, gs->scratch.len);
	g->key_len = gs->scratch.len;
	g->in_user = in_user;
	group_copy_kernel(g, t);
	group_copy_user(g, t);
	return g;
}

static void group_count_state(struct stack_group *g, char state)
{
	size_t i;

	for (i = 0; i < g->nstates; i++)
		if (g->states[i].state == state)
			break;
	if (i == g->nstates) {
		if (g->nstates == STACK_STATES_MAX)
			i = g->nstates - 1;	/* the kernel has fewer letters */
		else
			g->states[g->nstates++] = (struct stack_state_count){ state, 0 };
	}
	g->states[i].n++;
}

static void group_count(struct stack_group *g, const struct stack_sample *t)
{
	g->weight++;
	grow_array(&g->tids, &g->tids_cap, g->ntids + 1, sizeof *g->tids);
	g->tids[g->ntids++] = t->tid;
	group_count_state(g, t->state > ' ' && t->state < 0x7f ? t->state : '?');
	if (t->cpu_valid) {
		g->cpu_percent += t->cpu_percent;
		g->cpu_valid = true;
	}
}

void stack_groups_add(struct stack_groups *gs, const struct stack_sample *t)
{
	bool in_user = build_key(gs, t);
	uint64_t hash;
	size_t at;

	hash = key_hash(gs->scratch.data, gs->scratch.len);
	if ((gs->n + 1) * 2 > gs->nslots)
		slots_grow(gs);
	at = slot_of(gs, hash);
	if (gs->slots[at] == 0) {
		group_new(gs, t, hash, in_user);
		gs->slots[at] = gs->n;
	}
	group_count(&gs->g[gs->slots[at] - 1], t);
	gs->total++;
}

static int compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Sampling adds a tid once a round: keep each once. */
static void group_finish_tids(struct stack_group *g)
{
	size_t n = 0;

	qsort(g->tids, g->ntids, sizeof *g->tids, compare_int);
	for (size_t i = 0; i < g->ntids; i++)
		if (n == 0 || g->tids[n - 1] != g->tids[i])
			g->tids[n++] = g->tids[i];
	g->ntids = n;
}

/* The most common state first: "38 S 2 R". */
static int compare_states(const void *a, const void *b)
{
	const struct stack_state_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->state > y->state) - (x->state < y->state);
}

static int compare_groups(const void *a, const void *b)
{
	const struct stack_group *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	if (x->ntids == 0 || y->ntids == 0)
		return (x->ntids == 0) - (y->ntids == 0);
	return compare_int(&x->tids[0], &y->tids[0]);
}

/* Sorting moved the groups: the table points at them again. */
static void slots_rebuild(struct stack_groups *gs)
{
	memset(gs->slots, 0, gs->nslots * sizeof *gs->slots);
	for (size_t i = 0; i < gs->n; i++) {
		size_t at = gs->g[i].hash & (gs->nslots - 1);
		while (gs->slots[at] != 0)
			at = (at + 1) & (gs->nslots - 1);
		gs->slots[at] = i + 1;
	}
}

void stack_groups_finish(struct stack_groups *gs)
{
	for (size_t i = 0; i < gs->n; i++) {
		struct stack_group *g = &gs->g[i];
		group_finish_tids(g);
		qsort(g->states, g->nstates, sizeof *g->states, compare_states);
	}
	if (gs->n > 1)
		qsort(gs->g, gs->n, sizeof *gs->g, compare_groups);
	if (gs->nslots > 0)
		slots_rebuild(gs);
}

const struct stack_group *stack_groups_find_tid(const struct stack_groups *gs,
    int tid)
{
	for (size_t i = 0; i < gs->n; i++) {
		const struct stack_group *g = &gs->g[i];
		if (bsearch(&tid, g->tids, g->ntids, sizeof *g->tids,
		    compare_int) != NULL)
			return g;
	}
	return NULL;
}
