#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/*
 * Rechecking all ten links of a task costs ten readlinks: this many tasks
 * a refresh keep the quieter marks current within a minute or two at
 * 10,000 tasks.  The network namespace has its own, faster round-robin.
 */
#define NS_RECHECK_DEFAULT	64
/* Seconds.  A round of rechecks takes whole refreshes, up to one more
 * than the period asks for: with refreshes 0.5-0.7 s apart a thread that
 * calls setns(2) is still marked within 2 s. */
#define NS_NET_RECHECK_PERIOD	1.2

int snapshot_init(struct snapshot *s, const char *proc_root)
{
	struct snapshot_priv *priv;
	long page;
	int err;

	memset(s, 0, sizeof(*s));
	err = proc_root_open(&s->root, proc_root);
	if (err < 0)
		return err;
	priv = calloc(1, sizeof(*priv));
	if (priv == NULL) {
		proc_root_close(&s->root);
		return -ENOMEM;
	}
	user_cache_init(&priv->users);
	s->priv = priv;
	intmap_init(&s->tasks);
	intmap_init(&s->procs);
	s->ns_recheck_budget = NS_RECHECK_DEFAULT;
	s->ns_net_recheck_period = NS_NET_RECHECK_PERIOD;
	s->hz = sysconf(_SC_CLK_TCK);
	page = sysconf(_SC_PAGESIZE);
	s->page_kb = page > 0 ? page / 1024 : 4;
	priv->max_kept_fds = fd_budget_init();
	return 0;
}

void snapshot_free(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t it = 0;
	void *v;

	while (intmap_next(&s->tasks, &it, NULL, &v))
		task_free(s, v);
	it = 0;
	while (intmap_next(&s->procs, &it, NULL, &v))
		process_free(v);
	intmap_free(&s->tasks);
	intmap_free(&s->procs);
	free(s->list);
	free(s->roots);
	free(s->only);
	if (priv) {
		free(priv->tgids);
		free(priv->tids);
		free(priv->seen);
		free(priv->tree_mark);
		free(priv->cmdline_buf);
		user_cache_free(&priv->users);
		free(priv);
	}
	proc_root_close(&s->root);
	memset(s, 0, sizeof(*s));
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

void snapshot_set_only(struct snapshot *s, const int *tgids, size_t n)
{
	size_t i, kept = 0;

	free(s->only);
	s->only = NULL;
	s->nonly = 0;
	if (n == 0)
		return;
	s->only = malloc(n * sizeof(*s->only));
	if (s->only == NULL) {
		fprintf(stderr, "tasktop: out of memory (-p list)\n");
		abort();
	}
	memcpy(s->only, tgids, n * sizeof(*s->only));
	qsort(s->only, n, sizeof(*s->only), int_cmp);
	for (i = 0; i < n; i++)
		if (kept == 0 || s->only[kept - 1] != s->only[i])
			s->only[kept++] = s->only[i];
	s->nonly = kept;
}

struct process *snapshot_process(const struct snapshot *s, int pid)
{
	return intmap_get(&s->procs, pid);
}

struct task *snapshot_task(const struct snapshot *s, int tid)
{
	return intmap_get(&s->tasks, tid);
}
