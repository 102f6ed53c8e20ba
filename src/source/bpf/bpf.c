/*
 * bpf.c - the BPF source: one read of a task iterator (task_iter.bpf.c)
 * returns every task's ids, state, times, comm, rss and ten namespace
 * inodes, at well under a microsecond a task, with no fd kept per task
 * (docs/ARCHITECTURE.md, "The BPF source").  Records stream from the
 * iterator into the model; nothing is skipped, so nothing goes stale.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>

#include "tasktop/grow.h"
#include "tasktop/util.h"
#include "../procfs/procfs_priv.h"
#include "task_iter.h"
#include "task_iter.skel.h"

/* Records read a system call: the seq file hands out a page or more at a
 * time, and a bigger buffer means fewer calls. */
#define BPF_READ_CHUNK	(64 * 1024)

struct bpf_source {
	struct task_iter *skel;
	struct bpf_link	*link;
	int		 iter_fd;	/* this refresh's; -1 between */
	long		 hz;
	long		 page_size;
	char		*chunk;		/* BPF_READ_CHUNK + one record */
	struct pf_source *gaps;		/* groups the iterator does not show */
	int		*gap_tgids;	/* those found at the last listing */
	size_t		 ngaps;
	size_t		 gaps_cap;
	double		 listed_mono;	/* when /proc was last listed; <0 never */
	double		 mono;
};

/* libbpf's last complaint, for the reason auto fell back. */
static char bpf_last_message[160];

static int bpf_print(enum libbpf_print_level level, const char *fmt,
    va_list ap)
{
	char line[sizeof(bpf_last_message)];
	size_t n;

	if (level == LIBBPF_DEBUG)
		return 0;
	vsnprintf(line, sizeof(line), fmt, ap);
	n = strcspn(line, "\n");
	line[n] = '\0';
	if (n > 0)
		snprintf(bpf_last_message, sizeof(bpf_last_message), "%s", line);
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
	memset(st, 0, sizeof(*st));
	st->comm_len = strnlen(k->comm, sizeof(k->comm));
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
 * holds.  There are a few hundred of them: their stat is read.
 */
static void bpf_kthread_comm(struct source *src, struct task_record *r)
{
	char buf[1024];
	size_t len = 0;
	struct proc_stat st;

	if (proc_read_task_file(&src->root, r->tgid, r->tid, "stat", buf,
	    sizeof(buf), &len) != FIELD_OK ||
	    proc_parse_stat(buf, len, &st) != 0)
		return;
	memcpy(r->stat.comm, st.comm, st.comm_len);
	r->stat.comm_len = st.comm_len;
}

/* A group's CPU time with its exited threads' (the iterator's tasks are the
 * live ones): the group's CPU clock, once a group, at its leader. */
static void bpf_group_cpu(struct source *src, struct snapshot *s, int tgid,
    int tid)
{
	uint64_t ns;

	if (tid == tgid && proc_group_runtime(&src->root, tgid, &ns) == 0)
		snapshot_put_group_cpu(s, tgid, ns);
}

static void bpf_put(struct source *src, struct snapshot *s,
    const struct tt_task *k)
{
	const struct bpf_source *b = src->impl;
	struct task_record r;

	if (k->tid == 0 || !source_shows(src, (int)k->tgid))
		return;		/* the idle tasks are no tasks procfs shows */
	r.tid = (int)k->tid;
	r.tgid = (int)k->tgid;
	r.stat_state = FIELD_OK;
	r.stat_same = false;
	bpf_fill_stat(b, k, &r.stat);
	if (k->flags & TT_KTHREAD)
		bpf_kthread_comm(src, &r);
	r.cpu_ns = k->sum_exec_runtime;
	bpf_fill_ns(k, &r);
	snapshot_put(s, &r);
	bpf_group_cpu(src, s, r.tgid, r.tid);
}

static int bpf_prepare(struct source *src, double mono)
{
	struct bpf_source *b = src->impl;

	(void)mono;
	b->iter_fd = bpf_iter_create(bpf_link__fd(b->link));
	if (b->iter_fd < 0)
		return -errno;
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
 * GAPS_RELIST_AGE seconds: such a group is rare and long-lived.
 */
#define GAPS_RELIST_AGE	2.0

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

	if (b->listed_mono < 0 || b->mono - b->listed_mono >= GAPS_RELIST_AGE) {
		n = pf_list_tgids(pf);
		b->listed_mono = b->mono;
		b->ngaps = 0;
		for (i = 0; n > 0 && i < (size_t)n; i++) {
			if (!bpf_group_missing(src, s, pf->tgids[i]))
				continue;
			grow_array(&b->gap_tgids, &b->gaps_cap, b->ngaps + 1,
			    sizeof(*b->gap_tgids));
			b->gap_tgids[b->ngaps++] = pf->tgids[i];
		}
	}
	for (i = 0; i < b->ngaps; i++)
		if (bpf_group_missing(src, s, b->gap_tgids[i]))
			b->gap_tgids[kept++] = b->gap_tgids[i];
	b->ngaps = kept;
	pf_read_groups(pf, s, b->gap_tgids, (int)b->ngaps);
}

/* Whole records out of the stream; a read may end inside one. */
static void bpf_read(struct source *src, struct snapshot *s)
{
	struct bpf_source *b = src->impl;
	size_t have = 0, off;
	ssize_t n;

	pf_read_system(b->gaps, s);
	for (;;) {
		n = read(b->iter_fd, b->chunk + have, BPF_READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;	/* an error ends the stream: the rest is swept */
		have += (size_t)n;
		for (off = 0; have - off >= sizeof(struct tt_task);
		    off += sizeof(struct tt_task)) {
			struct tt_task k;

			memcpy(&k, b->chunk + off, sizeof(k));
			bpf_put(src, s, &k);
		}
		memmove(b->chunk, b->chunk + off, have - off);
		have -= off;
	}
	close(b->iter_fd);
	b->iter_fd = -1;
	bpf_fill_gaps(src, s);
}

static void bpf_close(struct source *src)
{
	struct bpf_source *b = src->impl;

	if (b == NULL)
		return;
	if (b->iter_fd >= 0)
		close(b->iter_fd);
	bpf_link__destroy(b->link);
	task_iter__destroy(b->skel);
	if (b->gaps != NULL)
		pf_free(b->gaps);
	free(b->gap_tgids);
	free(b->chunk);
	free(b);
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
	bpf_link__destroy(b->link);
	task_iter__destroy(b->skel);
	free(b->chunk);
	free(b);
	return -err;
}

/*
 * The iterator's ids are the initial pid namespace's: they name what
 * the detail reader finds below /proc only when tasktop lives there too,
 * i.e. when its own tid comes back as itself.
 */
static bool bpf_sees_self(struct source *src)
{
	struct bpf_source *b = src->impl;
	struct tt_task k;
	int self = (int)syscall(SYS_gettid);
	bool found = false;

	b->iter_fd = bpf_iter_create(bpf_link__fd(b->link));
	if (b->iter_fd < 0)
		return false;
	while (!found && read(b->iter_fd, &k, sizeof(k)) == sizeof(k))
		found = (int)k.tid == self;
	close(b->iter_fd);
	b->iter_fd = -1;
	return found;
}

int bpf_source_open(struct source *src, char *why, size_t len)
{
	struct bpf_source *b = oom_calloc(1, sizeof(*b), "bpf source");
	int err;

	bpf_last_message[0] = '\0';
	libbpf_set_print(bpf_print);
	b->iter_fd = -1;
	b->listed_mono = -1;
	b->hz = sysconf(_SC_CLK_TCK);
	b->page_size = sysconf(_SC_PAGESIZE);
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
		return bpf_fail(b, errno, "no kernel BTF (/sys/kernel/btf/vmlinux)",
		    why, len);
	b->skel = task_iter__open_and_load();
	if (b->skel == NULL)
		return bpf_fail(b, errno ? errno : EINVAL, "loading the task "
		    "iterator", why, len);
	b->link = bpf_program__attach_iter(b->skel->progs.tt_dump, NULL);
	err = libbpf_get_error(b->link);
	if (err) {
		b->link = NULL;
		return bpf_fail(b, -err, "attaching the task iterator", why,
		    len);
	}
	b->chunk = oom_malloc(BPF_READ_CHUNK + sizeof(struct tt_task), "bpf");
	b->gaps = pf_new(src);
	src->impl = b;
	src->ops = &bpf_ops;
	if (!bpf_sees_self(src)) {
		src->impl = NULL;
		src->ops = NULL;
		pf_free(b->gaps);
		bpf_last_message[0] = '\0';
		return bpf_fail(b, EXDEV, "the task iterator's ids are not "
		    "tasktop's (another pid namespace)", why, len);
	}
	return 0;
}
