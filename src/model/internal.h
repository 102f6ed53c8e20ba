/*
 * internal.h - what the model's files share and nobody above the model needs:
 * the private state behind struct snapshot's priv, the user name cache and
 * the steps of one refresh.
 */
#ifndef TASKTOP_MODEL_INTERNAL_H
#define TASKTOP_MODEL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "tasktop/intmap.h"
#include "tasktop/model.h"

/* uid -> user name, looked up once per uid for the snapshot's lifetime. */
struct user_cache {
	struct intmap	 names;		/* (int)uid -> char * */
};

void user_cache_init(struct user_cache *c);
void user_cache_free(struct user_cache *c);
/* The login name of uid, or its decimal form; lives as long as the cache. */
const char *user_cache_name(struct user_cache *c, uid_t uid);

/* What one refresh learned about a task, beside the task itself. */
struct task_sighting {
	struct task	*task;
	bool		 fresh;		/* first seen, or its tid reused */
	bool		 comm_changed;	/* comm differs from the last refresh */
	bool		 had_sample;	/* stat read OK at the last refresh */
	bool		 group_quiet;	/* no thread of its group ran since */
};

struct snapshot_priv {
	int		*tgids;		/* listing scratch */
	size_t		 tgids_cap;
	int		*tids;
	size_t		 tids_cap;

	struct task_sighting *seen;	/* the tasks of this refresh */
	size_t		 nseen;
	size_t		 seen_cap;

	size_t		 ns_cursor;	/* next namespace recheck */
	size_t		 ns_net_cursor;	/* next netns-only recheck */
	bool		 fds_exhausted;	/* EMFILE this refresh: keep no more */
	size_t		 kept_fds;	/* stat and schedstat fds held by tasks */
	size_t		 max_kept_fds;	/* RLIMIT_NOFILE less a reserve */
	bool		 no_schedstat;	/* the kernel has none: always read stat */

	unsigned char	*tree_mark;	/* per s->list entry: cycle checks */
	size_t		 tree_mark_cap;

	char		*cmdline_buf;	/* as long as the longest cmdline */
	size_t		 cmdline_cap;

	struct user_cache users;
};

static inline struct snapshot_priv *snapshot_priv(const struct snapshot *s)
{
	return s->priv;
}

/* Grow *arr (of elem-sized items, capacity *cap) to hold at least want. */
void model_grow(void *arr, size_t *cap, size_t want, size_t elem);

/* task.c: a thread's life in the snapshot. */
struct task *task_new(int tid, int tgid);
void task_free(struct snapshot *s, struct task *t);
/* Forget what was known but keep the stat fd (it still names the task). */
void task_reset(struct task *t, int tgid);
/* Forget everything, fd too: the tid now names a task of group tgid. */
void task_forget(struct snapshot *s, struct task *t, int tgid);
/* Read stat (kept fd), wchan and syscall; fills the sighting's flags. */
void task_read(struct snapshot *s, struct task_sighting *ts);
/* A task whose stat says it has exited (zombie or dead). */
bool task_is_dead(const struct task *t);
/* Its comm as a string view; "" when stat is unread. */
size_t task_comm(const struct task *t, const char **comm);

/* task_stat.c: stat through its kept fd, skipped when the task did not
 * run; fills the sighting's flags. */
void task_read_stat(struct snapshot *s, struct task_sighting *ts);
/* A 64-bit hash of bytes, to tell a file changed without keeping it. */
uint64_t bytes_hash(const char *buf, size_t len);

/* task_files.c: per-thread files read the same way by refresh and detail.
 * wchan stays NUL-terminated (empty when unread). */
enum field_state task_file_wchan(const struct proc_root *root, int tgid,
    int tid, char *wchan, size_t cap);
enum field_state task_file_syscall(const struct proc_root *root, int tgid,
    int tid, struct proc_syscall *out);
/* The refresh's share: the extras in scope, when stale. */
void task_read_extras(struct snapshot *s, struct task *t);

/* fd_budget.c: fds kept open across refreshes (stat, schedstat), within
 * RLIMIT_NOFILE less a reserve, so that listing a directory or reading a
 * file always finds an fd free. */
size_t fd_budget_init(void);
/* Whether another fd may be kept. */
bool fd_budget_room(const struct snapshot *s);
/* Count fd (or the -errno of its open) as kept: fd, or -1 with *err set. */
int fd_budget_keep(struct snapshot *s, int fd, int *err);
/* Open a task file to keep; -1 when over budget or it fails (*err: the
 * errno, 0 when over budget). */
int fd_budget_open(struct snapshot *s, int tgid, int tid, const char *name,
    int *err);
void fd_budget_close(struct snapshot *s, int *fd);
/* After EMFILE: the limit is lower than we thought (fds held elsewhere),
 * so give some kept fds back and keep fewer from now on.  False when no
 * kept fd was left to give back. */
bool fd_budget_shed(struct snapshot *s);

/* process.c: a thread group's life in the snapshot. */
struct process *process_new(int pid);
void process_free(struct process *p);
void process_add_thread(struct process *p, struct task *t);
/* Put the leader first and set p->leader. */
void process_order_threads(struct process *p);
/* The thread whose files speak for the process: the live leader, else the
 * first live thread, else any; NULL when it has none. */
struct task *process_info_thread(const struct process *p);
/* Per-refresh process fields: state, ppid, rss, cmdline, uid, kernel_thread.
 * sightings are p's threads' entries of this refresh. */
void process_update(struct snapshot *s, struct process *p, bool fresh,
    const struct task_sighting *sightings, size_t n);
/* The comm shown for the process (its info thread's). */
size_t process_comm(const struct process *p, const char **comm);

/* display.c: the length of p's cmdline without its trailing NULs; 0 when
 * the name shown is "[comm]". */
size_t process_cmdline_shown_len(const struct process *p);

/* cpu.c */
void task_update_cpu(struct task *t, bool had_sample, double interval,
    long hz);
void process_sum_cpu(struct process *p);

/* ns_scan.c: read namespace links of new tasks and a budget of known ones. */
void ns_scan(struct snapshot *s);
/* Netns rechecks a refresh so that ntasks are all rechecked within period
 * seconds of refreshes interval seconds apart (rounded up; at most
 * ntasks); 0 when either is 0. */
size_t ns_net_recheck_budget(size_t ntasks, double interval, double period);

/* view_sort.c: order siblings (or the flat list) for the view. */
void view_sort_tasks(struct task **list, size_t n, enum sort_key key,
    bool descending);
void view_sort_processes(struct process **list, size_t n, enum sort_key key,
    bool descending);

/* tree.c: parent/children/roots from ppid. */
void tree_build(struct snapshot *s);

#endif
