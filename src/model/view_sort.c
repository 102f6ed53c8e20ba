#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "process.h"
#include "task.h"
#include "view_sort.h"

static const char *const sort_key_names[SORT_COUNT] = {
	[SORT_PID] = "PID",
	[SORT_USER] = "USER",
	[SORT_STATE] = "S",
	[SORT_CPU] = "CPU%",
	[SORT_MEM] = "RES",	/* the column's title */
	[SORT_THREADS] = "THR",
	[SORT_NAME] = "COMMAND",
	[SORT_TIME] = "TIME+",
};

const char *sort_key_name(enum sort_key k)
{
	return (unsigned)k < SORT_COUNT ? sort_key_names[k] : "?";
}

bool sort_key_descending(enum sort_key k)
{
	return k == SORT_CPU || k == SORT_MEM || k == SORT_THREADS ||
	    k == SORT_TIME;
}

/* The name shown, byte by byte, without building it: the cmdline with
 * NULs as spaces, or "[comm]". */
struct name_key {
	const char	*text;
	size_t		 len;
	bool		 bracketed;
};

static struct name_key name_key_of(const struct process *p)
{
	struct name_key k = { p->cmdline, process_cmdline_shown_len(p), false };

	if (k.len == 0) {
		k.len = process_comm(p, &k.text);
		k.bracketed = true;
	}
	return k;
}

static size_t name_key_len(const struct name_key *k)
{
	return k->bracketed ? k->len + 2 : k->len;
}

static unsigned char name_key_byte(const struct name_key *k, size_t i)
{
	unsigned char c;

	if (k->bracketed) {
		if (i == 0)
			return '[';
		if (i == k->len + 1)
			return ']';
		i--;
	}
	c = (unsigned char)k->text[i];
	if (c == '\0')
		return ' ';
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int name_cmp(const struct process *p, const struct process *q)
{
	struct name_key a = name_key_of(p), b = name_key_of(q);
	size_t na = name_key_len(&a), nb = name_key_len(&b), i;

	for (i = 0; i < na && i < nb; i++) {
		unsigned char x = name_key_byte(&a, i);
		unsigned char y = name_key_byte(&b, i);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return (na > nb) - (na < nb);
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

/* Unknown values sort below every known one. */
static int key_cmp(const struct process *p, const struct process *q,
    enum sort_key key)
{
	switch (key) {
	case SORT_USER:
		return strcmp(p->user ? p->user : "", q->user ? q->user : "");
	case SORT_STATE:
		return CMP(p->state, q->state);
	case SORT_CPU:
		return CMP(p->cpu_valid ? p->cpu_percent : -1.0,
		    q->cpu_valid ? q->cpu_percent : -1.0);
	case SORT_MEM:
		return CMP(p->rss_state == FIELD_OK ? (double)p->rss_kb : -1.0,
		    q->rss_state == FIELD_OK ? (double)q->rss_kb : -1.0);
	case SORT_THREADS:
		return CMP(p->nthreads, q->nthreads);
	case SORT_NAME:
		return name_cmp(p, q);
	case SORT_TIME:
		return CMP(p->time_valid ? (double)p->time_ticks : -1.0,
		    q->time_valid ? (double)q->time_ticks : -1.0);
	case SORT_PID:
	case SORT_COUNT:
		break;
	}
	return CMP(p->pid, q->pid);
}

struct sort_order {
	enum sort_key	 key;
	bool		 descending;
};

/* Ties go by ascending pid in either direction, so rows don't jump. */
static int process_cmp(const void *a, const void *b, void *arg)
{
	const struct process *p = *(struct process *const *)a;
	const struct process *q = *(struct process *const *)b;
	const struct sort_order *o = arg;
	int c = key_cmp(p, q, o->key);

	if (o->descending)
		c = -c;
	return c ? c : CMP(p->pid, q->pid);
}

void view_sort_processes(struct process **list, size_t n, enum sort_key key,
    bool descending)
{
	struct sort_order o = { key, descending };

	if (key == SORT_PID && !descending)
		return;		/* the snapshot's lists are ascending already */
	qsort_r(list, n, sizeof *list, process_cmp, &o);
}

static int comm_cmp(const struct task *t, const struct task *u)
{
	const char *a, *b;
	size_t na = task_comm(t, &a), nb = task_comm(u, &b), i;

	for (i = 0; i < na && i < nb; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		x = x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x;
		y = y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return (na > nb) - (na < nb);
}

/* Threads of one process share its user, memory and thread count: those
 * keys leave them by tid.  Across processes (the flat thread list) they
 * take the process's value. */
static int task_key_cmp(const struct task *t, const struct task *u,
    enum sort_key key)
{
	switch (key) {
	case SORT_STATE:
		return CMP(t->stat_state == FIELD_OK ? t->stat.state : 0,
		    u->stat_state == FIELD_OK ? u->stat.state : 0);
	case SORT_CPU:
		return CMP(t->cpu_valid ? t->cpu_percent : -1.0,
		    u->cpu_valid ? u->cpu_percent : -1.0);
	case SORT_NAME:
		return comm_cmp(t, u);
	case SORT_TIME:
		return CMP(t->stat_state == FIELD_OK ?
		    (double)(t->stat.utime + t->stat.stime) : -1.0,
		    u->stat_state == FIELD_OK ?
		    (double)(u->stat.utime + u->stat.stime) : -1.0);
	case SORT_USER:
	case SORT_MEM:
	case SORT_THREADS:
		if (t->proc && u->proc && t->proc != u->proc)
			return key_cmp(t->proc, u->proc, key);
		return 0;
	case SORT_PID:
	case SORT_COUNT:
		break;
	}
	return CMP(t->tid, u->tid);
}

static int task_cmp(const void *a, const void *b, void *arg)
{
	const struct task *t = *(struct task *const *)a;
	const struct task *u = *(struct task *const *)b;
	const struct sort_order *o = arg;
	int c = task_key_cmp(t, u, o->key);

	if (o->descending)
		c = -c;
	return c ? c : CMP(t->tid, u->tid);
}

void view_sort_tasks(struct task **list, size_t n, enum sort_key key,
    bool descending)
{
	struct sort_order o = { key, descending };

	qsort_r(list, n, sizeof *list, task_cmp, &o);
}
