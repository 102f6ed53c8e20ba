/*
 * bpf.c - the BPF source: one walk of the kernel's task lists
 * (task_iter.bpf.c, run through BPF_PROG_RUN a chunk at a time) returns
 * every task's ids, state, times, comm, rss and ten namespace inodes, at a
 * fraction of a microsecond a task, with no fd kept per task
 * (docs/ARCHITECTURE.md, "The BPF source").  Records go from the mapped
 * chunk into the model; nothing is skipped, so nothing goes stale.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>

#include "tasktop/grow.h"
#include "tasktop/intmap.h"
#include "tasktop/util.h"
#include "../procfs/procfs_priv.h"
#include "task_iter.h"
#include "task_iter.skel.h"

/* The group being put: its threads come one after another in the walk,
 * and its CPU time is that of those that exited plus theirs. */
struct bpf_group {
	unsigned	 tgid;		/* 0: none yet */
	uint64_t	 cpu_ns;
};

/* A kernel thread's full name as procfs gave it, with the run time it
 * had then: one that has not run since has not renamed itself. */
struct bpf_kname {
	unsigned	 walk;		/* the refresh that last saw it */
	uint64_t	 cpu_ns;
	unsigned long long starttime;
	size_t		 len;
	char		 comm[PROC_COMM_MAX];
};

struct bpf_source {
	struct task_iter *skel;
	const struct tt_task *chunk;	/* the walk's array, mapped */
	struct bpf_group group;
	struct intmap	 knames;	/* tid -> struct bpf_kname */
	unsigned	 walk;		/* refreshes so far */
	long		 hz;
	long		 page_size;
	struct pf_source *gaps;		/* groups the iterator does not show */
	int		*gap_tgids;	/* those found at the last listing */
	size_t		 ngaps;
	size_t		 gaps_cap;
	double		 listed_mono;	/* when /proc was last listed; <0 never */
	size_t		 listed_nonly;	/* the -p list's length then */
	double		 mono;
};

/* libbpf's last complaint, for the reason auto fell back. */
static char bpf_last_message[160];

static int bpf_print(enum libbpf_print_level level, const char *fmt,
    va_list ap)
{
	char line[sizeof bpf_last_message];
	size_t n;

	if (level == LIBBPF_DEBUG)
		return 0;
	vsnprintf(line, sizeof line, fmt, ap);
	n = strcspn(line, "\n");
	line[n] = '\0';
	if (n > 0)
		snprintf(bpf_last_message, sizeof bpf_last_message, "%s", line);
	return 0;
}

static unsigned fls32(unsigned v)
{
	unsigned n = 0;

	while (v != 0) {
		n++;
		v >>= 1;
	}
	return n;
}

/* The kernel's task_state_index(): the letter procfs would show. */
static char bpf_state_letter(__u32 state, __u32 exit_state)
{
	static const char letters[] = "RSDTtXZPI";
	unsigned report = (state | exit_state) & 0x7f;	/* TASK_REPORT */

	if ((state & 0x402) == 0x402)			/* TASK_IDLE */
		report = 0x80;				/* TASK_REPORT_IDLE */
	if (state & (0x1000 | 0x8000))	/* TASK_RTLOCK_WAIT, TASK_FROZEN */
		report = 0x2;				/* TASK_UNINTERRUPTIBLE */
	return letters[fls32(report)];
}

static unsigned long long ns_ticks(__u64 ns, long hz)
{
	unsigned long long h = hz > 0 ? (unsigned long long)hz : 100;

	return ns / 1000000000ull * h + ns % 1000000000ull * h / 1000000000ull;
}

/*
 * utime and stime as procfs shows them: their split of the precise run
 * time (cputime_adjust), so that they add up to it.
 */
static void bpf_split_time(const struct tt_task *k, long hz,
    struct proc_stat *st)
{
	__u64 total = k->sum_exec_runtime, raw = k->utime + k->stime;
	__u64 stime = raw == 0 ? 0 :
	    (__u64)((double)total * (double)k->stime / (double)raw);

	st->stime = ns_ticks(stime, hz);
	st->utime = ns_ticks(total - stime, hz);
}

static void bpf_fill_stat(const struct bpf_source *b, const struct tt_task *k,
    struct proc_stat *st)
{
	memset(st, 0, sizeof *st);
	st->comm_len = strnlen(k->comm, sizeof k->comm);
	memcpy(st->comm, k->comm, st->comm_len);
	st->state = bpf_state_letter(k->state, k->exit_state);
	st->ppid = (int)k->ppid;
	bpf_split_time(k, b->hz, st);
	st->priority = k->prio - 100;		/* MAX_RT_PRIO */
	st->nice = k->static_prio - 120;	/* DEFAULT_PRIO */
	st->num_threads = k->nr_threads;
	st->starttime = ns_ticks(k->start_boottime, b->hz);
	st->vsize = k->total_vm * (unsigned long long)b->page_size;
	st->rss_pages = (long)k->rss_pages;
	st->processor = (int)k->cpu;
}

/* The namespaces a record carries, as procfs would give them: those of
 * the nsproxy are gone once the task exits. */
static void bpf_fill_ns(const struct tt_task *k, struct task_record *r)
{
	int type;

	for (type = 0; type < NS_COUNT; type++) {
		bool ok;

		if (type == NS_PID)
			ok = k->flags & TT_HAS_PIDNS;
		else if (type == NS_USER)
			ok = k->flags & TT_HAS_USERNS;
		else
			ok = k->flags & TT_HAS_NSPROXY;
		r->ns_state[type] = ok ? FIELD_OK : FIELD_GONE;
		r->ns[type] = ok ? k->ns[type] : 0;
	}
}

/*
 * A kernel thread's name is longer than its comm: procfs shows the full
 * name it was created with, a workqueue worker's with what it works for
 * ("kworker/u8:0-events_unbound"), made in the kernel from data no field
 * holds.  There are a few hundred of them: the stat of those that ran
 * since it was last read is read.
 */
static void bpf_kthread_comm(struct source *src, struct task_record *r)
{
	struct bpf_source *b = src->impl;
	struct bpf_kname *kn = intmap_get(&b->knames, r->tid);
	char buf[1024];
	size_t len = 0;
	struct proc_stat st;

	if (kn == NULL) {
		kn = oom_calloc(1, sizeof *kn, "bpf kernel thread");
		intmap_put(&b->knames, r->tid, kn);
	} else if (kn->cpu_ns == r->cpu_ns &&
	    kn->starttime == r->stat.starttime && kn->len > 0) {
		kn->walk = b->walk;
		memcpy(r->stat.comm, kn->comm, kn->len);
		r->stat.comm_len = kn->len;
		return;
	}
	kn->walk = b->walk;
	kn->len = 0;
	if (proc_read_task_file(&src->root, r->tgid, r->tid, "stat", buf,
	    sizeof buf, &len) != FIELD_OK ||
	    proc_parse_stat(buf, len, &st) != 0)
		return;
	memcpy(r->stat.comm, st.comm, st.comm_len);
	r->stat.comm_len = st.comm_len;
	kn->cpu_ns = r->cpu_ns;
	kn->starttime = r->stat.starttime;
	kn->len = st.comm_len;
	memcpy(kn->comm, st.comm, st.comm_len);
}

/* The names of kernel threads this refresh did not see go. */
static void bpf_knames_sweep(struct bpf_source *b, bool all)
{
	size_t it = 0;
	int tid;
	void *v;

	while (intmap_next(&b->knames, &it, &tid, &v))
		if (all || ((struct bpf_kname *)v)->walk != b->walk) {
			intmap_del(&b->knames, tid);
			free(v);
		}
}

/*
 * A group's CPU time with its exited threads' (the walk's tasks are the
 * live ones), as its CPU clock counts it: what the kernel keeps of those
 * that exited plus the live threads' run time, summed as the walk goes
 * and put once the group's last thread is.
 */
static void bpf_group_end(struct bpf_source *b, struct snapshot *s)
{
	if (b->group.tgid != 0)
		snapshot_put_group_cpu(s, (int)b->group.tgid, b->group.cpu_ns);
	b->group.tgid = 0;
}

static void bpf_group_add(struct bpf_source *b, struct snapshot *s,
    const struct tt_task *k)
{
	if (k->tgid != b->group.tgid) {
		bpf_group_end(b, s);
		b->group.tgid = k->tgid;
		b->group.cpu_ns = k->group_exited_runtime;
	}
	b->group.cpu_ns += k->sum_exec_runtime;
}

static void bpf_put(struct source *src, struct snapshot *s,
    const struct tt_task *k)
{
	struct bpf_source *b = src->impl;
	struct task_record r;

	if (k->tid == 0 || !source_shows(src, (int)k->tgid))
		return;		/* the idle tasks are no tasks procfs shows */
	r.tid = (int)k->tid;
	r.tgid = (int)k->tgid;
	r.stat_state = FIELD_OK;
	r.stat_same = false;
	bpf_fill_stat(b, k, &r.stat);
	r.cpu_ns = k->sum_exec_runtime;
	if (k->flags & TT_KTHREAD)
		bpf_kthread_comm(src, &r);
	bpf_fill_ns(k, &r);
	snapshot_put(s, &r);
	bpf_group_add(b, s, k);
}

static int bpf_prepare(struct source *src, double mono)
{
	struct bpf_source *b = src->impl;

	pf_begin(b->gaps, mono);
	b->mono = mono;
	return 0;
}

/*
 * A group can be missing from the iterator while /proc lists it: the
 * iterator walks the pid namespace's tasks, and an init the VM started
 * outside it (this machine's pid 1) is not among them.  Such groups are
 * read through procfs, so both sources show the same tasks.  A listing of
 * /proc's top level (processes, not threads) finds them, every
 * GAPS_RELIST_AGE seconds: such a group is rare and long-lived, and the
 * listing walks the kernel's whole pid table.  Their namespace links are
 * reread as the procfs source does, GAPS_NS_BUDGET tasks' a refresh (and
 * each network namespace within its recheck period), not all of them:
 * this VM's pid 1 denies them, and was 280 failed reads a refresh.
 */
#define GAPS_RELIST_AGE	10.0
#define GAPS_NS_BUDGET	2

static bool bpf_group_missing(struct source *src, const struct snapshot *s,
    int tgid)
{
	const struct process *p = snapshot_process(s, tgid);

	return (p == NULL || p->seen != s->generation) &&
	    source_shows(src, tgid);
}

static void bpf_fill_gaps(struct source *src, struct snapshot *s)
{
	struct bpf_source *b = src->impl;
	struct pf_source *pf = b->gaps;
	size_t i, kept = 0;
	int n;

	/* a group added to -p (p attaches to it) may be one: list now */
	if (b->listed_mono < 0 || b->mono - b->listed_mono >= GAPS_RELIST_AGE ||
	    src->nonly != b->listed_nonly) {
		n = pf_list_tgids(pf);
		b->listed_mono = b->mono;
		b->listed_nonly = src->nonly;
		b->ngaps = 0;
		for (i = 0; n > 0 && i < (size_t)n; i++) {
			if (!bpf_group_missing(src, s, pf->tgids[i]))
				continue;
			grow_array(&b->gap_tgids, &b->gaps_cap, b->ngaps + 1,
			    sizeof *b->gap_tgids);
			b->gap_tgids[b->ngaps++] = pf->tgids[i];
		}
	}
	for (i = 0; i < b->ngaps; i++)
		if (bpf_group_missing(src, s, b->gap_tgids[i]))
			b->gap_tgids[kept++] = b->gap_tgids[i];
	b->ngaps = kept;
	pf_read_groups(pf, s, b->gap_tgids, (int)b->ngaps);
}

/* One run of the walk: the next chunk, at b->chunk; 0 or -errno. */
static int bpf_walk_chunk(struct bpf_source *b)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	int err = bpf_prog_test_run_opts(bpf_program__fd(b->skel->progs.tt_walk),
	    &opts);

	return err < 0 ? (errno ? -errno : err) : 0;
}

/* Walks started over a refresh when a chunk lost its place, before the
 * walk goes on from the position instead (it may skip a process then). */
#define BPF_WALK_RESTARTS	2

typedef bool bpf_chunk_fn(void *ctx, const struct tt_task *k, size_t n);

/*
 * The walk, chunk after chunk, each handed to fn before the next is walked
 * (fn returns false to stop).  A walk that lost its place starts over: the
 * records handed twice count once (the model drops a tid put twice).  A
 * run that fails ends it: -errno; what was not put then counts as exited,
 * and the next refresh puts it back.
 */
static int bpf_walk(struct bpf_source *b, bpf_chunk_fn *fn, void *ctx)
{
	struct tt_walk *w = &b->skel->bss->tt_walk_state;
	unsigned restarts = 0;
	int err;

	memset(w, 0, sizeof *w);
	for (;;) {
		err = bpf_walk_chunk(b);
		if (err != 0)
			return err;
		if (w->lost) {
			memset(w, 0, sizeof *w);
			w->resume_any = ++restarts >= BPF_WALK_RESTARTS;
			continue;
		}
		if (!fn(ctx, b->chunk, w->count < TT_CHUNK ? w->count : TT_CHUNK))
			return 0;
		if (w->done || w->count == 0)
			return 0;
	}
}

struct bpf_put_ctx {
	struct source	*src;
	struct snapshot	*s;
};

static bool bpf_put_chunk(void *ctx, const struct tt_task *k, size_t n)
{
	struct bpf_put_ctx *c = ctx;

	for (size_t i = 0; i < n; i++)
		bpf_put(c->src, c->s, &k[i]);
	return true;
}

static void bpf_read(struct source *src, struct snapshot *s)
{
	struct bpf_source *b = src->impl;
	struct bpf_put_ctx c = { src, s };

	pf_read_system(b->gaps, s);
	b->walk++;
	(void)bpf_walk(b, bpf_put_chunk, &c);
	bpf_group_end(b, s);
	bpf_knames_sweep(b, false);
	bpf_fill_gaps(src, s);
}

/* The chunk's mapping: TT_CHUNK records, each as long as the array's
 * values (a multiple of 8 bytes, as the record is). */
#define BPF_CHUNK_BYTES	((size_t)TT_CHUNK * sizeof(struct tt_task))

static void bpf_free(struct bpf_source *b)
{
	if (b->chunk != NULL)
		munmap((void *)b->chunk, BPF_CHUNK_BYTES);
	task_iter__destroy(b->skel);
	bpf_knames_sweep(b, true);
	intmap_free(&b->knames);
	if (b->gaps != NULL)
		pf_free(b->gaps);
	free(b->gap_tgids);
	free(b);
}

static void bpf_close(struct source *src)
{
	if (src->impl == NULL)
		return;
	bpf_free(src->impl);
	src->impl = NULL;
}

static const struct source_ops bpf_ops = {
	.name = "bpf",
	.prepare = bpf_prepare,
	.read = bpf_read,
	.close = bpf_close,
};

/* Reasons are told in one line: libbpf's last word when it has one. */
static int bpf_fail(struct bpf_source *b, int err, const char *what,
    char *why, size_t len)
{
	if (bpf_last_message[0])
		snprintf(why, len, "%s: %s (%s)", what, strerror(err),
		    bpf_last_message);
	else
		snprintf(why, len, "%s: %s", what, strerror(err));
	if (err == EPERM || err == EACCES)
		snprintf(why + strlen(why), len - strlen(why),
		    "; needs root or CAP_BPF and CAP_PERFMON");
	bpf_free(b);
	return -err;
}

/*
 * The walk's ids are the initial pid namespace's: they name what the
 * detail reader finds below /proc only when tasktop lives there too,
 * i.e. when its own tid comes back as itself.
 */
struct bpf_self_ctx {
	unsigned	 tid;
	bool		 found;
};

static bool bpf_find_self(void *ctx, const struct tt_task *k, size_t n)
{
	struct bpf_self_ctx *c = ctx;

	for (size_t i = 0; i < n && !c->found; i++)
		c->found = k[i].tid == c->tid;
	return !c->found;
}

static bool bpf_sees_self(struct bpf_source *b)
{
	struct bpf_self_ctx c = { (unsigned)syscall(SYS_gettid), false };

	return bpf_walk(b, bpf_find_self, &c) == 0 && c.found;
}

/* Loaded, verified and its chunk mapped; -errno and why otherwise. */
static int bpf_load(struct bpf_source *b, char *why, size_t len)
{
	void *map;

	b->skel = task_iter__open_and_load();
	if (b->skel == NULL)
		return bpf_fail(b, errno ? errno : EINVAL, "loading the task "
		    "walk", why, len);
	map = mmap(NULL, BPF_CHUNK_BYTES, PROT_READ, MAP_SHARED,
	    bpf_map__fd(b->skel->maps.tt_tasks), 0);
	if (map == MAP_FAILED)
		return bpf_fail(b, errno, "mapping the task walk's records",
		    why, len);
	b->chunk = map;
	return 0;
}

int bpf_source_open(struct source *src, char *why, size_t len)
{
	struct bpf_source *b = oom_calloc(1, sizeof *b, "bpf source");
	int err;

	bpf_last_message[0] = '\0';
	libbpf_set_print(bpf_print);
	b->listed_mono = -1;
	intmap_init(&b->knames);
	b->hz = sysconf(_SC_CLK_TCK);
	b->page_size = sysconf(_SC_PAGESIZE);
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
		return bpf_fail(b, errno, "no kernel BTF (/sys/kernel/btf/vmlinux)",
		    why, len);
	err = bpf_load(b, why, len);
	if (err != 0)
		return err;
	if (!bpf_sees_self(b)) {
		bpf_last_message[0] = '\0';
		return bpf_fail(b, EXDEV, "the task walk's ids are not "
		    "tasktop's (another pid namespace)", why, len);
	}
	b->gaps = pf_new(src);
	b->gaps->ns_recheck_budget = GAPS_NS_BUDGET;
	src->impl = b;
	src->ops = &bpf_ops;
	return 0;
}
