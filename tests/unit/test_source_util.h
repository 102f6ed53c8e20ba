/*
 * test_source_util.h - building proc trees task by task for the tests of
 * the procfs source and the model it feeds, and a snapshot over them.
 */
#ifndef TASKTOP_TEST_SOURCE_UTIL_H
#define TASKTOP_TEST_SOURCE_UTIL_H

#include <stddef.h>

#include "tasktop/model.h"
#include "tasktop/source.h"

struct mt_task {
	int		 tgid;
	int		 tid;
	const char	*comm;
	char		 state;
	int		 ppid;
	unsigned long long utime;
	unsigned long long stime;
	long		 rss_pages;
};

/* <tgid>/task/<tid>/stat (starttime: the tid, so it stays put). */
void mt_write_task(const char *root, const struct mt_task *t);
/* A single-threaded process: its task, <pid>/cmdline (len bytes; len 0
 * writes an empty file) and <pid>/status with a real uid. */
void mt_write_process(const char *root, int pid, int ppid, const char *comm,
    const char *cmdline, size_t len, unsigned uid);
/* Every ns link of a task: net -> net_ino, every other type -> base + type. */
void mt_write_ns(const char *root, int tgid, int tid,
    unsigned long long net_ino, unsigned long long base);
/* Process pid (comm, its cmdline too) with nthreads tasks: the leader and
 * threads pid + 1 ... named thread_comm, every task's ns links as
 * mt_write_ns writes them. */
void mt_write_group(const char *root, int pid, int nthreads, const char *comm,
    const char *thread_comm, unsigned long long net_ino,
    unsigned long long base);
/* rm -rf root/relpath. */
void mt_remove(const char *root, const char *relpath);

/* A fixture tree (name NULL: empty) with a procfs source and a snapshot
 * on it. */
struct mt_env {
	char		*root;
	struct source	*src;
	struct snapshot	 s;
};

void mt_env_open(struct mt_env *e, const char *fixture);
void mt_env_close(struct mt_env *e);
/* Refresh at mono seconds, then fill every task's wchan and syscall when
 * stale (as --json does); asserts success. */
void mt_refresh(struct mt_env *e, double mono);
/* The refresh alone, as the interactive view does it. */
void mt_refresh_bare(struct mt_env *e, double mono);
/* Wait channels and syscalls of every task, when stale. */
void mt_fill_extras(struct mt_env *e);

#endif
