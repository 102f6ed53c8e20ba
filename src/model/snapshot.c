#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "internal.h"

/*
 * Rechecking every link of every task costs ten readlinks a task a
 * refresh, most of a refresh at 10,000 tasks; this many a refresh still
 * covers a few hundred tasks every time and ten thousand within seconds.
 */
#define NS_RECHECK_DEFAULT	512

/* Every task keeps its stat fd open, so allow as many as the hard limit. */
static size_t raise_fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 0;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	return rl.rlim_cur == RLIM_INFINITY ? (size_t)1 << 20 :
	    (size_t)rl.rlim_cur;
}

/* Leave room for the ui, listings and one-shot reads beside the kept fds. */
static size_t kept_fd_budget(size_t limit)
{
	size_t reserve = 128 + limit / 16;

	return limit > reserve ? limit - reserve : 0;
}

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
	s->hz = sysconf(_SC_CLK_TCK);
	page = sysconf(_SC_PAGESIZE);
	s->page_kb = page > 0 ? page / 1024 : 4;
	priv->max_kept_fds = kept_fd_budget(raise_fd_limit());
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
