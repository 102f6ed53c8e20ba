/*
 * detail.c - the on-demand detail reader (tasktop/detail.h): the files
 * only procfs has, read for one id when ui/ or out/ ask.  Every source
 * offers this one, over the proc root.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tasktop/grow.h"
#include "tasktop/record.h"
#include "tasktop/util.h"
#include "../source_priv.h"
#include "denied.h"

#define STACK_BUF	16384
/* Past this a cmdline is cut: nobody reads a megabyte in one row. */
#define CMDLINE_MAX	(1u << 20)

void detail_reader_init(struct detail_reader *r, const struct proc_root *root)
{
	memset(r, 0, sizeof *r);
	r->root = root;
}

void detail_reader_free(struct detail_reader *r)
{
	detail_ns_free(r);
	free(r->scratch);
	memset(r, 0, sizeof *r);
}

static enum field_state read_status(struct detail_reader *r, int tgid,
    int tid, struct proc_status *st)
{
	char buf[PROC_STATUS_BUF];
	size_t len = 0;
	enum field_state state = proc_read_task_file(r->root, tgid, tid,
	    "status", buf, sizeof buf, &len);

	if (state == FIELD_OK && proc_parse_status(buf, len, st) != 0)
		state = FIELD_UNAVAILABLE;
	return state;
}

static enum field_state read_stack(struct detail_reader *r, int tgid,
    int tid, struct task_detail *d)
{
	char buf[STACK_BUF];
	size_t len = 0;
	enum field_state state;

	errno = 0;
	state = proc_read_task_file(r->root, tgid, tid, "stack", buf,
	    sizeof buf, &len);
	/* errno still says which check refused it (the read failed, the
	 * close after it succeeded) */
	if (state == FIELD_DENIED)
		denied_stack_words(privileges_get(), errno, tid, d->stack_why,
		    sizeof d->stack_why);
	if (state == FIELD_OK && proc_parse_stack(buf, len, &d->stack) != 0)
		state = FIELD_UNAVAILABLE;
	return state;
}

static enum field_state read_wchan(struct detail_reader *r, int tgid,
    int tid, char *wchan, size_t cap)
{
	size_t len = 0;
	enum field_state st = proc_read_task_file(r->root, tgid, tid, "wchan",
	    wchan, cap, &len);

	/* The kernel writes "0" both for a task on a CPU and for a reader
	 * not allowed to know: no wait channel to show, and not a value. */
	if (st == FIELD_OK && (len == 0 || strcmp(wchan, "0") == 0))
		st = FIELD_UNAVAILABLE;
	if (st != FIELD_OK)
		wchan[0] = '\0';
	return st;
}

static enum field_state read_syscall(struct detail_reader *r, int tgid,
    int tid, struct proc_syscall *out)
{
	char buf[256];
	size_t len = 0;
	enum field_state st = proc_read_task_file(r->root, tgid, tid,
	    "syscall", buf, sizeof buf, &len);

	if (st == FIELD_OK && proc_parse_syscall(buf, len, out) != 0)
		st = FIELD_UNAVAILABLE;
	return st;
}

/* Only the header and the states are cleared: the stack text alone is
 * 8 KiB, and rows ask for a wchan by the thousand. */
void detail_read(struct detail_reader *r, int tgid, int tid, unsigned parts,
    struct task_detail *d)
{
	int type;

	d->tid = tid;
	d->tgid = tgid;
	d->status_state = d->stack_state = FIELD_UNREAD;
	d->wchan_state = d->syscall_state = FIELD_UNREAD;
	d->wchan[0] = '\0';
	d->stack_why[0] = '\0';
	d->stack.n = 0;
	d->stack.truncated = false;
	for (type = 0; type < NS_COUNT; type++)
		d->ns_state[type] = FIELD_UNREAD;
	if (parts & DETAIL_STATUS)
		d->status_state = read_status(r, tgid, tid, &d->status);
	if (parts & DETAIL_STACK)
		d->stack_state = read_stack(r, tgid, tid, d);
	if (parts & DETAIL_WCHAN)
		d->wchan_state = read_wchan(r, tgid, tid, d->wchan,
		    sizeof d->wchan);
	if (parts & DETAIL_SYSCALL)
		d->syscall_state = read_syscall(r, tgid, tid, &d->syscall);
	if (parts & DETAIL_NS)
		proc_read_ns_all(r->root, tgid, tid, -1, d->ns_state, d->ns);
}

/*
 * The leader's own files when it lives (fixtures and old kernels may carry
 * only those); through a live thread otherwise, since a zombie leader's
 * cmdline and status have lost the process's memory and credentials.
 */
static int process_file_tid(int pid, int tid)
{
	return tid == pid ? 0 : tid;
}

static void scratch_grow(struct detail_reader *r, size_t want)
{
	char *grown;

	if (want <= r->scratch_cap)
		return;
	grown = realloc(r->scratch, want);
	if (grown == NULL)
		oom_abort("cmdline");
	r->scratch = grown;
	r->scratch_cap = want;
}

/* A whole file of the task, growing the scratch up to CMDLINE_MAX. */
static enum field_state read_whole(struct detail_reader *r, int tgid, int tid,
    const char *name, struct buf *out)
{
	enum field_state st;
	size_t len = 0;

	scratch_grow(r, 4096);
	for (;;) {
		st = proc_read_task_file(r->root, tgid, tid, name, r->scratch,
		    r->scratch_cap, &len);
		if (st != FIELD_OK || len + 1 < r->scratch_cap ||
		    r->scratch_cap >= CMDLINE_MAX)
			break;
		scratch_grow(r, r->scratch_cap * 2);
	}
	buf_reset(out);
	if (st == FIELD_OK)
		buf_add(out, r->scratch, len);
	return st;
}

enum field_state detail_read_cmdline(struct detail_reader *r, int pid,
    int tid, struct buf *out)
{
	return read_whole(r, pid, process_file_tid(pid, tid), "cmdline", out);
}

enum field_state detail_read_environ(struct detail_reader *r, int pid,
    int tid, struct buf *out)
{
	return read_whole(r, pid, process_file_tid(pid, tid), "environ", out);
}

enum field_state detail_read_net_file(struct detail_reader *r, int tgid,
    int tid, const char *name, struct buf *out)
{
	char path[32];

	snprintf(path, sizeof path, "net/%s", name);
	return read_whole(r, tgid, tid, path, out);
}

static int fd_entry_cmp(const void *a, const void *b)
{
	const struct fd_entry *x = a, *y = b;

	return (x->fd > y->fd) - (x->fd < y->fd);
}

/* Each fd of <pid>/fd and what its link names, by fd number. */
enum field_state detail_read_fds(struct detail_reader *r, int pid,
    struct fd_entry **out, size_t *n, size_t *cap)
{
	int dfd = proc_open_task_file(r->root, pid, 0, "fd");
	struct dirent *de;
	DIR *dir;

	*n = 0;
	if (dfd < 0)
		return field_state_from_errno(-dfd);
	dir = fdopendir(dfd);
	if (!dir) {
		close(dfd);
		return field_state_from_errno(errno);
	}
	while ((de = readdir(dir)) != NULL) {
		struct fd_entry *e;
		char *end;
		long fd = strtol(de->d_name, &end, 10);
		ssize_t len;

		if (de->d_name[0] < '0' || de->d_name[0] > '9' || *end)
			continue;
		grow_array(out, cap, *n + 1, sizeof **out);
		e = &(*out)[*n];
		len = readlinkat(dirfd(dir), de->d_name, e->target,
		    sizeof e->target - 1);
		if (len < 0)
			continue;	/* closed meanwhile */
		e->target[len] = '\0';
		e->fd = (int)fd;
		(*n)++;
	}
	closedir(dir);
	if (*n > 1)	/* no fd at all: *out may be NULL, which qsort may not take */
		qsort(*out, *n, sizeof **out, fd_entry_cmp);
	return FIELD_OK;
}

enum field_state detail_read_uid(struct detail_reader *r, int pid, int tid,
    uid_t *uid)
{
	struct proc_status status;
	enum field_state st = read_status(r, pid, process_file_tid(pid, tid),
	    &status);

	if (st == FIELD_OK && !(status.has & STATUS_HAS_UID))
		st = FIELD_UNAVAILABLE;
	*uid = st == FIELD_OK ? status.uid[0] : 0;
	return st;
}

int detail_resolve_tgid(struct detail_reader *r, int id, int *tgid)
{
	return proc_resolve_tgid(r->root, id, tgid);
}

/* tid 0: the process's own files (its io counts every thread, dead ones
 * too; its status, the leader's switches); else the thread's. */
void detail_read_counters(struct detail_reader *r, int tgid, int tid,
    struct counters_record *out)
{
	struct proc_status status;
	unsigned long long pages;
	char buf[512];
	size_t len = 0;

	memset(out, 0, sizeof *out);
	out->ctxt_state = read_status(r, tgid, tid, &status);
	if (out->ctxt_state == FIELD_OK && !(status.has & STATUS_HAS_CTXT))
		out->ctxt_state = FIELD_UNAVAILABLE;
	if (out->ctxt_state == FIELD_OK)
		out->ctxt = status.voluntary_ctxt_switches +
		    status.nonvoluntary_ctxt_switches;
	out->io_state = proc_read_task_file(r->root, tgid, tid, "io", buf,
	    sizeof buf, &len);
	if (out->io_state == FIELD_OK && proc_parse_io(buf, len, &out->io) < 0)
		out->io_state = FIELD_UNAVAILABLE;
	out->shr_state = FIELD_UNREAD;
	if (tid != 0)
		return;		/* memory is the process's */
	out->shr_state = proc_read_task_file(r->root, tgid, 0, "statm", buf,
	    sizeof buf, &len);
	if (out->shr_state == FIELD_OK && proc_parse_statm(buf, len, &pages) < 0)
		out->shr_state = FIELD_UNAVAILABLE;
	if (out->shr_state == FIELD_OK)
		out->shr_kb = pages * (unsigned long long)(sysconf(_SC_PAGESIZE) /
		    1024);
}
