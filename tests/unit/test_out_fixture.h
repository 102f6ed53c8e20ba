/*
 * test_out_fixture.h - proc trees for the out tests, written from code so a
 * test can say exactly which thread has a hostile name, another netns or an
 * unreadable file; and a snapshot refreshed from such a tree.
 */
#ifndef TASKTOP_TEST_OUT_FIXTURE_H
#define TASKTOP_TEST_OUT_FIXTURE_H

#include <stddef.h>

#include "tasktop/model.h"
#include "tasktop/out.h"
#include "tasktop/source.h"

/* Every ns link a thread gets unless a test moves it (ns_type order). */
extern const unsigned long long out_fixture_ns_default[NS_COUNT];

/* The wall clock of the first refresh of out_fixture_snapshot(). */
#define OUT_FIXTURE_WALL 1795342342.5

struct out_fixture_task {
	int		 tid;
	const char	*comm;		/* raw bytes, NUL-terminated */
	char		 state;
	unsigned long long utime;	/* ticks */
	const char	*wchan;		/* NULL: no wchan file (gone) */
	const char	*syscall;	/* NULL: no syscall file */
	const char	*stack;		/* NULL: no stack file */
};

/* <pid>/cmdline, <pid>/status (uid 0) and the leader's task files. */
void out_fixture_process(const char *root, int pid, int ppid,
    const char *cmdline, size_t cmdline_len,
    const struct out_fixture_task *leader);
/* <pid>/task/<tid>/: stat, status, wchan, syscall, stack and ns links. */
void out_fixture_thread(const char *root, int pid, int ppid,
    const struct out_fixture_task *t);
/* Point one ns link of a thread at another inode. */
void out_fixture_ns(const char *root, int pid, int tid, enum ns_type type,
    unsigned long long ino);
/* Remove root/relpath (a file a test wants unreadable); fails the test
 * when it was not there. */
void out_fixture_unlink(const char *root, const char *relpath);
/* A tree of one process 100 (threads 100, 101, 102) whose thread 102 is in
 * another network namespace, and its child 200; loadavg "0.50 0.25 0.10". */
char *out_fixture_netns_tree(void);

/* A procfs source on root and an empty snapshot (what out_fixture_free
 * frees: one at a time). */
void out_fixture_open(struct snapshot *s, const char *root);
/* A refresh and every task's wchan and syscall, as --json reads them. */
void out_fixture_refresh(struct snapshot *s, double mono, double wall);
/* out_fixture_open + one refresh at OUT_FIXTURE_WALL; fails the test on
 * error. */
void out_fixture_snapshot(struct snapshot *s, const char *root);
/* -p for the open source. */
void out_fixture_only(const int *tgids, size_t n);
struct detail_reader *out_fixture_detail(void);
void out_fixture_free(struct snapshot *s);

#endif
