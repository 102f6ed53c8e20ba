/*
 * source.c - the procfs source: the state that makes its reads cheap, and
 * its operations (refresh.c reads).
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "tasktop/util.h"
#include "procfs_priv.h"

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

struct pf_source *procfs_of(struct source *src)
{
	return src->impl;
}

void pf_begin(struct pf_source *pf, double mono)
{
	pf->generation++;
	pf->interval = pf->generation > 1 ? mono - pf->mono : 0;
	pf->mono = mono;
}

static int procfs_prepare(struct source *src, double mono)
{
	struct pf_source *pf = src->impl;
	int n = src->only ? 0 : pf_list_tgids(pf);

	if (n < 0)
		return n;
	pf_begin(pf, mono);
	return 0;
}

static void procfs_read(struct source *src, struct snapshot *s)
{
	pf_read(src->impl, s);
}

static void procfs_stat_stale(struct source *src, int tid)
{
	pf_stat_stale(src->impl, tid);
}

void pf_free(struct pf_source *pf)
{
	size_t it = 0;
	void *v;

	while (intmap_next(&pf->tasks, &it, NULL, &v))
		pf_task_free(pf, v);
	it = 0;
	while (intmap_next(&pf->procs, &it, NULL, &v)) {
		free(((struct pf_proc *)v)->tids);
		free(v);
	}
	intmap_free(&pf->tasks);
	intmap_free(&pf->procs);
	free(pf->tgids);
	free(pf->tids);
	free(pf->seen);
	free(pf);
}

static void procfs_close(struct source *src)
{
	pf_free(src->impl);
	src->impl = NULL;
}

static const struct source_ops procfs_ops = {
	.name = "procfs",
	.prepare = procfs_prepare,
	.read = procfs_read,
	.stat_stale = procfs_stat_stale,
	.close = procfs_close,
};

struct pf_source *pf_new(struct source *src)
{
	struct pf_source *pf = oom_calloc(1, sizeof *pf, "procfs source");

	pf->src = src;
	pf->root = &src->root;
	intmap_init(&pf->tasks);
	intmap_init(&pf->procs);
	pf->hz = sysconf(_SC_CLK_TCK);
	pf->ns_recheck_budget = NS_RECHECK_DEFAULT;
	pf->ns_net_recheck_period = NS_NET_RECHECK_PERIOD;
	pf->max_kept_fds = fd_budget_init();
	return pf;
}

int procfs_source_open(struct source *src)
{
	src->impl = pf_new(src);
	src->ops = &procfs_ops;
	return 0;
}
