/*
 * source_priv.h - what every source shares: the operations one provides,
 * the proc root its detail reader goes through, the -p restriction.
 */
#ifndef TASKTOP_SOURCE_PRIV_H
#define TASKTOP_SOURCE_PRIV_H

#include "tasktop/procfs.h"
#include "tasktop/source.h"

struct source;

struct source_ops {
	const char	*name;
	/* Read what the refresh needs before the snapshot changes; -errno
	 * when the task list can't be had (the snapshot stays as it was). */
	int		(*prepare)(struct source *src, double mono);
	/* Put every task (between snapshot_begin and snapshot_end). */
	void		(*read)(struct source *src, struct snapshot *s);
	/* Read tid's stat next time whatever it would skip; NULL: a source
	 * that skips nothing. */
	void		(*stat_stale)(struct source *src, int tid);
	void		(*close)(struct source *src);
};

/* What only procfs has, by id (detail.c). */
struct detail_reader {
	const struct proc_root *root;
	char		*scratch;	/* cmdline, as long as the longest */
	size_t		 scratch_cap;
	struct ns_cache	*ns;		/* namespaces, from the first asked; NULL */
};

struct source {
	const struct source_ops *ops;
	void		*impl;			/* the source's own state */
	struct proc_root root;
	struct detail_reader detail;
	int		*only;			/* -p: thread groups; NULL: all */
	size_t		 nonly;
	char		 fallback[256];		/* why auto did not take bpf */
	struct buf	 identity;		/* a cmdline being read */
	bool		 want_system;		/* read the meters' files (source.h) */
};

/* Whether tgid passes the -p restriction. */
bool source_shows(const struct source *src, int tgid);

void detail_reader_init(struct detail_reader *r, const struct proc_root *root);
void detail_reader_free(struct detail_reader *r);
/* After each refresh: what is kept on demand catches up (mountinfo reread
 * when it changed; procfs/detail_nsinfo.c). */
void detail_reader_refresh(struct detail_reader *r);
/* The namespace cache's end (procfs/detail_nsinfo.c). */
void detail_ns_free(struct detail_reader *r);

/* procfs/source.c */
int procfs_source_open(struct source *src);
/* bpf/bpf.c: 0, or -errno with the reason in why. */
int bpf_source_open(struct source *src, char *why, size_t len);

#endif
