/*
 * source.h - where the tasks come from: procfs (files under a proc root)
 * or bpf (a task iterator: every task in one read).  A source fills the
 * snapshot with records each refresh (tasktop/record.h) and offers the
 * on-demand detail reader (tasktop/detail.h).  docs/ARCHITECTURE.md,
 * "Sources".
 */
#ifndef TASKTOP_SOURCE_H
#define TASKTOP_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/detail.h"
#include "tasktop/model.h"

struct proc_root;

enum source_kind {
	SOURCE_AUTO,		/* bpf when it loads, else procfs */
	SOURCE_PROCFS,
	SOURCE_BPF,
};

struct source;

/*
 * Open a source on proc_root ("/proc" or a fixture tree; bpf needs the
 * live /proc).  NULL with err set when it can't be had (procfs: the root
 * can't be opened; bpf asked for explicitly and does not load).
 */
struct source *source_open(enum source_kind kind, const char *proc_root,
    char *err, size_t errlen);
void source_close(struct source *src);

/* "procfs" or "bpf". */
const char *source_name(const struct source *src);
/* Why auto did not take bpf ("" when it did or was not asked to). */
const char *source_fallback_reason(const struct source *src);
struct detail_reader *source_detail(struct source *src);
/* The proc root tasks are read below: for src/act alone, which pins a
 * task through its directory to act on exactly it. */
const struct proc_root *source_proc_root(const struct source *src);

/* Restrict to these thread groups (copied); n = 0: all. */
void source_set_only(struct source *src, const int *tgids, size_t n);
/* Add tgid to a restriction in force; nothing when all are shown. */
void source_add_only(struct source *src, int tgid);
bool source_is_restricted(const struct source *src);

/*
 * One refresh of s at these monotonic and wall-clock seconds: records of
 * every task, then the identity of the processes that need it.  Never
 * fails for a task that vanished or is denied (its field states say so);
 * 0, or -errno when the task list itself can't be read.
 */
int source_refresh(struct source *src, struct snapshot *s, double mono,
    double wall);

/* Whether a refresh reads the machine's files for the header's meters and
 * MEM% (/proc/stat, meminfo, uptime): /proc/stat is costly to make, so
 * only when something shows them (default: no). */
void source_want_system(struct source *src, bool want);

/* Something changed tid's stat behind the source's back (tasktop reniced
 * it): the next refresh rereads it even if the task did not run. */
void source_stat_stale(struct source *src, int tid);

/* Bring t's wait channel (syscall) up to date when the model says it is
 * stale: cheap to call for every row shown. */
void source_fill_wchan(struct source *src, struct snapshot *s,
    struct task *t);
void source_fill_syscall(struct source *src, struct snapshot *s,
    struct task *t);
/* The counters of a row shown (t NULL: process p's), once a refresh. */
void source_fill_counters(struct source *src, struct snapshot *s,
    struct process *p, struct task *t);

#endif
