/*
 * stack_look.c - looking at a thread for its stack group: its schedstat
 * first, and only when that moved (it ran) its stat and kernel stack, and
 * its wchan and syscall when the stack is unreadable (tasktop/stack_look.h).
 * A thread woken but not yet on a CPU still counts as waiting where it
 * was: its stack says so too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tasktop/procfs.h"
#include "tasktop/stack_look.h"
#include "tasktop/util.h"

#define STAT_BUF	1024

/* Most of the fd limit stays the source's and the reads'. */
static size_t looker_fd_room(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return 256;
	return (size_t)rl.rlim_cur / 4;
}

void stack_looker_init(struct stack_looker *lk, struct source *src)
{
	memset(lk, 0, sizeof *lk);
	lk->root = source_proc_root(src);
	lk->detail = source_detail(src);
	lk->scratch = oom_calloc(1, sizeof *lk->scratch, "stacks");
	intmap_init(&lk->threads);
	lk->max_kept_fds = looker_fd_room();
}

static void looked_free(struct stack_looker *lk, struct looked_thread *lt)
{
	if (lt->sched_fd >= 0) {
		close(lt->sched_fd);
		lk->kept_fds--;
	}
	free(lt->frames);
	free(lt);
}

void stack_looker_free(struct stack_looker *lk)
{
	size_t it = 0;
	int tid;
	void *v;

	while (intmap_next(&lk->threads, &it, &tid, &v))
		looked_free(lk, v);
	intmap_free(&lk->threads);
	free(lk->scratch);
	memset(lk, 0, sizeof *lk);
}

void stack_looker_begin(struct stack_looker *lk)
{
	lk->epoch++;
}

void stack_looker_end(struct stack_looker *lk)
{
	size_t it = 0;
	int tid;
	void *v;

	while (intmap_next(&lk->threads, &it, &tid, &v)) {
		struct looked_thread *lt = v;
		if (lt->epoch != lk->epoch) {
			intmap_del(&lk->threads, tid);
			looked_free(lk, lt);
		}
	}
}

/* Whether lt ran since the last look, or can't tell.  A kernel without
 * schedstats prints zeros, or has no such file: no gate. */
static bool looked_ran(struct stack_looker *lk, int tid,
    struct looked_thread *lt, bool *gone)
{
	char buf[STACK_LOOK_SCHED_MAX];
	size_t len = 0;
	enum field_state fs;
	bool same;

	if (lt->sched_fd < 0 && lk->kept_fds < lk->max_kept_fds) {
		lt->sched_fd = proc_open_task_file(lk->root, lt->tgid, tid,
		    "schedstat");
		if (lt->sched_fd >= 0)
			lk->kept_fds++;
		else
			lt->sched_fd = -1;
	}
	fs = lt->sched_fd >= 0 ?
	    proc_pread_file(lt->sched_fd, buf, sizeof buf, &len) :
	    proc_read_task_file(lk->root, lt->tgid, tid, "schedstat", buf,
	    sizeof buf, &len);
	/* no schedstat (a kernel without it, a fixture tree) is no gate; the
	 * stat read then tells whether the thread is gone */
	*gone = false;
	if (fs != FIELD_OK)
		return true;
	same = lt->known && len == lt->sched_len &&
	    memcmp(buf, lt->sched, len) == 0 &&
	    !(len >= 5 && memcmp(buf, "0 0 0", 5) == 0);
	memcpy(lt->sched, buf, len);
	lt->sched_len = len;
	return !same;
}

/* Only the frames are kept: a few hundred bytes, not the parser's 8 KiB. */
static void looked_take_stack(struct looked_thread *lt,
    const struct proc_stack *ps)
{
	size_t len = 0, at = 0;

	for (int i = 0; i < ps->n; i++)
		len += strlen(proc_stack_frame(ps, i)) + 1;
	free(lt->frames);
	lt->frames = oom_malloc(len + 1, "stacks");
	for (int i = 0; i < ps->n; i++) {
		const char *f = proc_stack_frame(ps, i);
		size_t n = strlen(f) + 1;
		memcpy(lt->frames + at, f, n);
		at += n;
	}
	lt->nframes = ps->n;
	lt->truncated = ps->truncated;
}

/* The stack through the detail reader; wchan and syscall with it when it
 * is unreadable, as what groups the thread then. */
static void looked_read_stack(struct stack_looker *lk, int tid,
    struct looked_thread *lt)
{
	struct task_detail *d = lk->scratch;

	detail_read(lk->detail, lt->tgid, tid, DETAIL_STACK, d);
	lk->stack_reads++;
	lt->stack_state = d->stack_state;
	lt->nframes = 0;
	lt->truncated = false;
	if (d->stack_state == FIELD_OK) {
		looked_take_stack(lt, &d->stack);
		return;
	}
	if (d->stack_state == FIELD_GONE)
		return;
	detail_read(lk->detail, lt->tgid, tid, DETAIL_WCHAN | DETAIL_SYSCALL, d);
	lt->wchan_state = d->wchan_state;
	memcpy(lt->wchan, d->wchan, sizeof lt->wchan);
	lt->wchan[sizeof lt->wchan - 1] = '\0';
	lt->syscall_state = d->syscall_state;
	lt->syscall = d->syscall;
}

/* It ran: its state and its stack.  False when it exited. */
static bool looked_read(struct stack_looker *lk, int tid,
    struct looked_thread *lt)
{
	char buf[STAT_BUF];
	struct proc_stat st;
	size_t len = 0;
	enum field_state fs = proc_read_task_file(lk->root, lt->tgid, tid,
	    "stat", buf, sizeof buf, &len);

	if (fs == FIELD_GONE)
		return false;
	lt->state = fs == FIELD_OK && proc_parse_stat(buf, len, &st) == 0 ?
	    st.state : '?';
	looked_read_stack(lk, tid, lt);
	if (lt->stack_state == FIELD_GONE)
		return false;
	lt->known = true;
	return true;
}

static struct looked_thread *looked_get(struct stack_looker *lk, int tgid,
    int tid)
{
	struct looked_thread *lt = intmap_get(&lk->threads, tid);

	if (lt != NULL && lt->tgid != tgid) {
		/* the tid now names a thread of another group */
		intmap_del(&lk->threads, tid);
		looked_free(lk, lt);
		lt = NULL;
	}
	if (lt == NULL) {
		lt = oom_calloc(1, sizeof *lt, "stacks");
		lt->tgid = tgid;
		lt->sched_fd = -1;
		intmap_put(&lk->threads, tid, lt);
	}
	return lt;
}
const struct looked_thread *stack_look(struct stack_looker *lk, int tgid,
    int tid)
{
	struct looked_thread *lt = looked_get(lk, tgid, tid);
	bool gone = false;

	lt->epoch = lk->epoch;
	if (looked_ran(lk, tid, lt, &gone) && !gone &&
	    !looked_read(lk, tid, lt))
		gone = true;
	if (gone) {
		/* an fd kept names the task it was opened on: let a reused
		 * tid start afresh */
		intmap_del(&lk->threads, tid);
		looked_free(lk, lt);
		return NULL;
	}
	return lt;
}

static const char *syscall_word(const struct looked_thread *lt, char *buf,
    size_t cap)
{
	const char *name;

	if (lt->syscall_state != FIELD_OK)
		return NULL;
	if (lt->syscall.kind == SYSCALL_RUNNING)
		return "running";
	if (lt->syscall.kind == SYSCALL_NONE)
		return "none";
	name = syscall_name(lt->syscall.nr);
	if (name != NULL)
		return name;
	snprintf(buf, cap, "syscall_%ld", lt->syscall.nr);
	return buf;
}

void looked_thread_sample(const struct looked_thread *lt,
    struct stack_sample *smp, const char **frames, char *sysbuf,
    size_t syscap)
{
	size_t off = 0;

	smp->kernel_state = lt->stack_state;
	smp->kernel = frames;
	smp->nkernel = 0;
	smp->kernel_truncated = lt->truncated;
	for (int i = 0; i < lt->nframes && i < PROC_STACK_MAX_FRAMES; i++) {
		frames[i] = lt->frames + off;
		off += strlen(frames[i]) + 1;
		smp->nkernel = i + 1;
	}
	smp->wchan = NULL;
	smp->syscall = NULL;
	if (lt->stack_state == FIELD_OK)
		return;
	if (lt->wchan_state == FIELD_OK && lt->wchan[0] &&
	    strcmp(lt->wchan, "0") != 0)
		smp->wchan = lt->wchan;
	smp->syscall = syscall_word(lt, sysbuf, syscap);
}
