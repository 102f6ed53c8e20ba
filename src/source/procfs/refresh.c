/*
 * refresh.c - one procfs refresh: list the thread groups, read each
 * group's threads (skipping what did not change: docs/ARCHITECTURE.md,
 * "Skip-work rules"), put a record a task, then the namespace links due.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "tasktop/grow.h"
#include "tasktop/util.h"
#include "procfs_priv.h"

/*
 * Listing a task directory costs a lookup a thread, a refresh's second
 * cost after stat.  procfs counts a group's threads for the price of a
 * stat, and the same count as last time is taken to mean the same threads:
 * a thread that exited shows anyway (reading it fails), but one that
 * started while another exited would not, so each group is listed again
 * after RELIST_AGE seconds at most (spread by pid up to twice that).
 */
#define RELIST_AGE	2.0

/* A listing needs an fd: when kept ones took them all (the limit lower
 * than it said), give some back and try again rather than fail. */
static bool listing_starved(struct pf_source *pf, int n)
{
	return (n == -EMFILE || n == -ENFILE) && fd_budget_shed(pf);
}

int pf_list_tgids(struct pf_source *pf)
{
	int n = proc_list_tgids(pf->root, &pf->tgids, &pf->tgids_cap);

	if (listing_starved(pf, n))
		n = proc_list_tgids(pf->root, &pf->tgids, &pf->tgids_cap);
	pf->ntgids = n;
	return n;
}

static int pf_list_tids(struct pf_source *pf, int tgid)
{
	int n = proc_list_tids(pf->root, tgid, &pf->tids, &pf->tids_cap);

	if (listing_starved(pf, n))
		n = proc_list_tids(pf->root, tgid, &pf->tids, &pf->tids_cap);
	return n;
}

static bool pf_same_threads(const struct pf_source *pf,
    const struct pf_proc *p)
{
	return p->ntids > 0 && p->ntids <= INT_MAX &&
	    pf->mono - p->listed_mono < age_spread(RELIST_AGE, p->pid) &&
	    proc_count_tids(pf->root, p->pid) == (int)p->ntids;
}

/* The tids of p's threads of the last refresh. */
static int pf_known_tids(struct pf_source *pf, const struct pf_proc *p)
{
	size_t i;

	grow_array(&pf->tids, &pf->tids_cap, p->ntids, sizeof *pf->tids);
	for (i = 0; i < p->ntids; i++)
		pf->tids[i] = p->tids[i];
	return (int)p->ntids;
}

/*
 * The group's CPU time, read before its threads: when it stood still since
 * the last refresh (read before that refresh's threads too), no thread ran
 * in between, and what was read of them then is what they would say now.
 */
static void pf_group_runtime(struct pf_source *pf, struct pf_proc *p,
    bool fresh)
{
	uint64_t ns;
	bool ok = proc_group_runtime(pf->root, p->pid, &ns) == 0;

	p->quiet = ok && !fresh && p->runtime_ok && ns == p->runtime_ns;
	p->runtime_ok = ok;
	p->runtime_ns = ns;
}

/* The source's entry for tid of group tgid; a tid that moved to another
 * group (reused, or an exec by a non-leader thread) starts over. */
static struct pf_task *pf_task_of(struct pf_source *pf, int tid, int tgid)
{
	struct pf_task *t = intmap_get(&pf->tasks, tid);

	if (t == NULL) {
		t = pf_task_new(tid, tgid);
		intmap_put(&pf->tasks, tid, t);
		t->fresh = true;
	} else if (t->tgid != tgid) {
		pf_task_forget(pf, t, tgid);
		t->fresh = true;
	} else {
		t->fresh = false;
	}
	return t;
}

/* Read one thread of p and put it; one that exited meanwhile is left out. */
static void pf_thread(struct pf_source *pf, struct snapshot *s,
    struct pf_proc *p, int tid)
{
	struct task_record r = { .tid = tid, .tgid = p->pid };
	struct pf_task *t = intmap_get(&pf->tasks, tid);

	if (t != NULL && t->seen == pf->generation)
		return;		/* listed by another group moments ago */
	t = pf_task_of(pf, tid, p->pid);
	pf_read_stat(pf, t, p->quiet, &r);
	if (r.stat_state == FIELD_GONE)
		return;
	t->seen = pf->generation;
	snapshot_put(s, &r);
	grow_array(&p->tids, &p->tids_cap, p->ntids + 1, sizeof *p->tids);
	p->tids[p->ntids++] = tid;
	grow_array(&pf->seen, &pf->seen_cap, pf->nseen + 1, sizeof *pf->seen);
	pf->seen[pf->nseen++] = t;
}

static void pf_process(struct pf_source *pf, struct snapshot *s, int tgid)
{
	struct pf_proc *p = intmap_get(&pf->procs, tgid);
	bool fresh = p == NULL, listed = fresh || !pf_same_threads(pf, p);
	int n, i;

	n = listed ? pf_list_tids(pf, tgid) : pf_known_tids(pf, p);
	if (n <= 0)
		return;		/* exited since the listing */
	if (fresh) {
		p = oom_calloc(1, sizeof *p, "process");
		p->pid = tgid;
		intmap_put(&pf->procs, tgid, p);
	}
	if (listed)
		p->listed_mono = pf->mono;
	pf_group_runtime(pf, p, fresh);
	p->ntids = 0;
	for (i = 0; i < n; i++)
		pf_thread(pf, s, p, pf->tids[i]);
	if (p->ntids > 0)
		p->seen = pf->generation;
	if (p->ntids > 0 && p->runtime_ok)
		snapshot_put_group_cpu(s, tgid, p->runtime_ns);
}

/* Whatever this refresh did not read has exited. */
static void pf_sweep(struct pf_source *pf)
{
	size_t it = 0;
	int key;
	void *v;

	while (intmap_next(&pf->tasks, &it, &key, &v))
		if (((struct pf_task *)v)->seen != pf->generation) {
			intmap_del(&pf->tasks, key);
			pf_task_free(pf, v);
		}
	it = 0;
	while (intmap_next(&pf->procs, &it, &key, &v))
		if (((struct pf_proc *)v)->seen != pf->generation) {
			struct pf_proc *p = v;

			intmap_del(&pf->procs, key);
			free(p->tids);
			free(p);
		}
}

static void pf_loadavg(struct pf_source *pf, struct snapshot *s)
{
	char buf[256];
	size_t len = 0;
	double load[3];

	if (proc_read_root_file(pf->root, "loadavg", buf, sizeof buf,
	    &len) == FIELD_OK && proc_parse_loadavg(buf, len, load) == 0)
		snapshot_put_load(s, load);
}

/* /proc/stat, /proc/meminfo, /proc/uptime for the header's meters. */
static void pf_system(struct pf_source *pf, struct snapshot *s)
{
	static char buf[64 * 1024];
	static struct system_record r;
	size_t len = 0;

	r.cpu_state = proc_read_root_file(pf->root, "stat", buf, sizeof buf,
	    &len);
	if (r.cpu_state == FIELD_OK && proc_parse_cpustat(buf, len, &r.cpu) < 0)
		r.cpu_state = FIELD_UNAVAILABLE;
	r.mem_state = proc_read_root_file(pf->root, "meminfo", buf, sizeof buf,
	    &len);
	if (r.mem_state == FIELD_OK && proc_parse_meminfo(buf, len, &r.mem) < 0)
		r.mem_state = FIELD_UNAVAILABLE;
	r.uptime_state = proc_read_root_file(pf->root, "uptime", buf,
	    sizeof buf, &len);
	if (r.uptime_state == FIELD_OK &&
	    proc_parse_uptime(buf, len, &r.uptime) < 0)
		r.uptime_state = FIELD_UNAVAILABLE;
	snapshot_put_system(s, &r);
}

void pf_read_system(struct pf_source *pf, struct snapshot *s)
{
	pf_loadavg(pf, s);
	if (pf->src->want_system)
		pf_system(pf, s);
}

/* Whatever this refresh did not read of the source's own is forgotten. */
void pf_read_groups(struct pf_source *pf, struct snapshot *s,
    const int *tgids, int n)
{
	int i;

	pf->nseen = 0;
	pf->fds_exhausted = false;
	for (i = 0; i < n; i++)
		pf_process(pf, s, tgids[i]);
	pf_sweep(pf);
	ns_scan(pf, s);
}

/* The thread groups to visit: every one listed, or only those of -p. */
void pf_read(struct pf_source *pf, struct snapshot *s)
{
	const struct source *src = pf->src;

	pf_read_system(pf, s);
	if (src->only)
		pf_read_groups(pf, s, src->only, (int)src->nonly);
	else
		pf_read_groups(pf, s, pf->tgids, pf->ntgids);
}
