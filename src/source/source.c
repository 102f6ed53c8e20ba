/*
 * source.c - a source opened and driven: one refresh is prepare (nothing
 * changes yet), begin, the source's records, end, then the identity of
 * the processes the model says are due.  docs/ARCHITECTURE.md, "Sources".
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/record.h"
#include "tasktop/util.h"
#include "source_priv.h"

/*
 * bpf when asked for or when auto finds it loads; why says why not.  The
 * iterator reads the live system, so it serves only tasktop's own procfs
 * (not a fixture tree, nor another pid namespace's proc root).
 */
static int source_try_bpf(struct source *src, char *why, size_t len)
{
#ifdef HAVE_BPF
	if (!src->root.procfs) {
		snprintf(why, len, "the proc root is not tasktop's own /proc");
		return -EXDEV;
	}
	return bpf_source_open(src, why, len);
#else
	(void)src;
	snprintf(why, len, "built without BPF (configure --disable-bpf)");
	return -ENOTSUP;
#endif
}

struct source *source_open(enum source_kind kind, const char *proc_root,
    char *err, size_t errlen)
{
	struct source *src = oom_calloc(1, sizeof *src, "source");
	int rc = proc_root_open(&src->root, proc_root);

	if (rc == 0 && (rc = proc_root_check(&src->root)) < 0)
		proc_root_close(&src->root);
	if (rc == -ENOMEDIUM) {
		snprintf(err, errlen, "%s: not a proc tree (no loadavg, no <pid> directory in it)",
		    proc_root);
		free(src);
		return NULL;
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", proc_root, strerror(-rc));
		free(src);
		return NULL;
	}
	detail_reader_init(&src->detail, &src->root);
	buf_init(&src->identity);
	if (kind != SOURCE_PROCFS &&
	    source_try_bpf(src, src->fallback, sizeof src->fallback) == 0)
		return src;
	if (kind == SOURCE_BPF) {
		snprintf(err, errlen, "--source bpf: %s", src->fallback);
		source_close(src);
		return NULL;
	}
	procfs_source_open(src);
	return src;
}

void source_close(struct source *src)
{
	if (src == NULL)
		return;
	if (src->ops != NULL)
		src->ops->close(src);
	detail_reader_free(&src->detail);
	buf_free(&src->identity);
	proc_root_close(&src->root);
	free(src->only);
	free(src);
}

const char *source_name(const struct source *src)
{
	return src->ops->name;
}

const char *source_fallback_reason(const struct source *src)
{
	return src->fallback;
}

struct detail_reader *source_detail(struct source *src)
{
	return &src->detail;
}

const struct proc_root *source_proc_root(const struct source *src)
{
	return &src->root;
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

void source_set_only(struct source *src, const int *tgids, size_t n)
{
	size_t i, kept = 0;

	free(src->only);
	src->only = NULL;
	src->nonly = 0;
	if (n == 0)
		return;
	src->only = oom_malloc(n * sizeof *src->only, "-p list");
	memcpy(src->only, tgids, n * sizeof *src->only);
	qsort(src->only, n, sizeof *src->only, int_cmp);
	for (i = 0; i < n; i++)
		if (kept == 0 || src->only[kept - 1] != src->only[i])
			src->only[kept++] = src->only[i];
	src->nonly = kept;
}

void source_add_only(struct source *src, int tgid)
{
	int *ids;

	if (src->only == NULL || source_shows(src, tgid))
		return;
	ids = oom_malloc((src->nonly + 1) * sizeof *ids, "-p list");
	memcpy(ids, src->only, src->nonly * sizeof *ids);
	ids[src->nonly] = tgid;
	source_set_only(src, ids, src->nonly + 1);
	free(ids);
}

bool source_is_restricted(const struct source *src)
{
	return src->only != NULL;
}

bool source_shows(const struct source *src, int tgid)
{
	return src->only == NULL || bsearch(&tgid, src->only, src->nonly,
	    sizeof *src->only, int_cmp) != NULL;
}

void source_want_system(struct source *src, bool want)
{
	src->want_system = want;
}

void source_stat_stale(struct source *src, int tid)
{
	if (src->ops->stat_stale != NULL)
		src->ops->stat_stale(src, tid);
}

/* cmdline and user of the processes that are new or exec'd. */
static void source_fill_identity(struct source *src, struct snapshot *s)
{
	struct identity_record r;
	size_t it = 0;
	int pid, tid;

	while (snapshot_next_identity(s, &it, &pid, &tid)) {
		r.cmdline_state = detail_read_cmdline(&src->detail, pid, tid,
		    &src->identity);
		r.cmdline = src->identity.data;
		r.cmdline_len = src->identity.len;
		r.uid_state = detail_read_uid(&src->detail, pid, tid, &r.uid);
		snapshot_put_identity(s, pid, &r);
	}
}

int source_refresh(struct source *src, struct snapshot *s, double mono,
    double wall)
{
	int rc = src->ops->prepare(src, mono);

	if (rc < 0)
		return rc;
	snapshot_begin(s, mono, wall);
	src->ops->read(src, s);
	snapshot_end(s);
	source_fill_identity(src, s);
	detail_reader_refresh(&src->detail);
	return 0;
}

void source_fill_wchan(struct source *src, struct snapshot *s,
    struct task *t)
{
	struct task_detail d;

	if (!snapshot_wchan_stale(s, t))
		return;
	detail_read(&src->detail, t->tgid, t->tid, DETAIL_WCHAN, &d);
	snapshot_put_wchan(s, t, d.wchan_state, d.wchan);
}

void source_fill_syscall(struct source *src, struct snapshot *s,
    struct task *t)
{
	struct task_detail d;

	if (!snapshot_syscall_stale(s, t))
		return;
	detail_read(&src->detail, t->tgid, t->tid, DETAIL_SYSCALL, &d);
	snapshot_put_syscall(s, t, d.syscall_state, &d.syscall);
}

void source_fill_counters(struct source *src, struct snapshot *s,
    struct process *p, struct task *t)
{
	struct counters *c = t ? &task_shown_mut(t)->counters : &p->counters;
	struct counters_record r;

	if (!snapshot_counters_stale(s, c))
		return;
	detail_read_counters(&src->detail, p->pid, t ? t->tid : 0, &r);
	snapshot_put_counters(s, c, &r);
}
