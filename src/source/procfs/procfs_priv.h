/*
 * procfs_priv.h - the procfs source's state: what it keeps of each task
 * and process to skip work on the next refresh (docs/ARCHITECTURE.md,
 * "Skip-work rules").  None of it reaches the model: a record says what
 * was read, and "same" for what was skipped.
 */
#ifndef TASKTOP_PROCFS_PRIV_H
#define TASKTOP_PROCFS_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/intmap.h"
#include "tasktop/record.h"
#include "../source_priv.h"

struct pf_task {
	int		 tid;
	int		 tgid;
	unsigned	 seen;		/* generation last read */
	bool		 fresh;		/* this refresh: new, or another task behind the tid */
	bool		 stat_ok;	/* the last stat read and parsed */
	char		 state;		/* its state letter */
	bool		 net_ok;	/* the last netns read worked */
	unsigned long long starttime;
	int		 stat_fd;	/* kept open and pread; -1 none */
	int		 sched_fd;	/* schedstat, kept open; -1 none */
	int		 ns_dir_fd;	/* ns/ (O_PATH), kept open; -1 none */
	uint64_t	 sched_sig;	/* hash of the last schedstat bytes */
	uint64_t	 stat_sig;	/* hash of the last stat bytes */
	double		 stat_mono;	/* when stat was last read */
};

struct pf_proc {
	int		 pid;
	unsigned	 seen;
	int		*tids;		/* its threads read last time */
	size_t		 ntids;
	size_t		 tids_cap;
	double		 listed_mono;	/* when its task dir was last listed */
	uint64_t	 runtime_ns;	/* CPU time of the group, all threads */
	bool		 runtime_ok;
	bool		 quiet;		/* no thread ran since the last refresh */
};

struct pf_source {
	struct source	*src;
	const struct proc_root *root;
	struct intmap	 tasks;		/* tid -> struct pf_task * */
	struct intmap	 procs;		/* pid -> struct pf_proc * */
	unsigned	 generation;
	double		 mono;
	double		 interval;
	long		 hz;

	int		*tgids;		/* listing scratch */
	size_t		 tgids_cap;
	int		 ntgids;
	int		*tids;
	size_t		 tids_cap;

	struct pf_task	**seen;		/* the tasks of this refresh */
	size_t		 nseen;
	size_t		 seen_cap;

	/* Namespace rechecks of known tasks a refresh (new ones are always
	 * read); 0 means every task every refresh. */
	size_t		 ns_recheck_budget;
	/* The network namespace alone of every known task is rechecked
	 * within this many seconds; 0: no such rechecks. */
	double		 ns_net_recheck_period;
	size_t		 ns_cursor;	/* next namespace recheck */
	size_t		 ns_net_cursor;	/* next netns-only recheck */

	bool		 fds_exhausted;	/* EMFILE this refresh: keep no more */
	size_t		 kept_fds;	/* fds held by tasks */
	size_t		 max_kept_fds;	/* RLIMIT_NOFILE less a reserve */
	bool		 no_schedstat;	/* the kernel has none: always read stat */
};

/* The procfs source behind a source (tests set its knobs). */
struct pf_source *procfs_of(struct source *src);

/* source.c: the state of a procfs reader over src's root (the BPF source
 * keeps one too, for the groups its iterator does not show), freed by
 * pf_free. */
struct pf_source *pf_new(struct source *src);
void pf_free(struct pf_source *pf);
/* A refresh at mono seconds starts. */
void pf_begin(struct pf_source *pf, double mono);

/* refresh.c: list the thread groups (before the snapshot changes: -errno
 * when the root can't be listed) into pf->tgids, then read and put every
 * task of those groups (or of -p's), and their namespaces. */
int pf_list_tgids(struct pf_source *pf);
void pf_read(struct pf_source *pf, struct snapshot *s);
void pf_read_groups(struct pf_source *pf, struct snapshot *s,
    const int *tgids, int n);
/* What the header shows of the whole system: loadavg, the CPU and memory
 * meters, uptime (every source reads them below the proc root). */
void pf_read_system(struct pf_source *pf, struct snapshot *s);

/* task.c: a task's life in the source's table. */
struct pf_task *pf_task_new(int tid, int tgid);
void pf_task_free(struct pf_source *pf, struct pf_task *t);
/* Close its fds and forget it: the tid now names a task of group tgid. */
void pf_task_forget(struct pf_source *pf, struct pf_task *t, int tgid);
bool pf_task_is_dead(const struct pf_task *t);

/* task_stat.c: stat through its kept fd, skipped when the task did not
 * run (group_quiet: no thread of its group did); fills r's stat fields. */
void pf_read_stat(struct pf_source *pf, struct pf_task *t, bool group_quiet,
    struct task_record *r);
/* Past every gate's age: tid's stat is read on the next refresh. */
void pf_stat_stale(struct pf_source *pf, int tid);

/* fd_budget.c: fds kept open across refreshes within RLIMIT_NOFILE less a
 * reserve, so that a listing or a one-shot read always finds one free. */
size_t fd_budget_init(void);
bool fd_budget_room(const struct pf_source *pf);
/* Count fd (or the -errno of its open) as kept: fd, or -1 with *err set. */
int fd_budget_keep(struct pf_source *pf, int fd, int *err);
/* Open a task file to keep; -1 when over budget or it fails (*err: the
 * errno, 0 when over budget). */
int fd_budget_open(struct pf_source *pf, int tgid, int tid, const char *name,
    int *err);
void fd_budget_close(struct pf_source *pf, int *fd);
/* After EMFILE: give some kept fds back and keep fewer from now on.
 * False when no kept fd was left to give back. */
bool fd_budget_shed(struct pf_source *pf);

/* ns_scan.c: namespace links of new tasks and a budget of known ones,
 * put into the snapshot after their stat. */
void ns_scan(struct pf_source *pf, struct snapshot *s);
/* Netns rechecks a refresh so that ntasks are all rechecked within period
 * seconds of refreshes interval seconds apart (rounded up; at most
 * ntasks); 0 when either is 0. */
size_t ns_net_recheck_budget(size_t ntasks, double interval, double period);

#endif
