#include "config.h"

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_source_util.h"

void mt_write_task(const char *root, const struct mt_task *t)
{
	char path[128], text[512];

	snprintf(path, sizeof(path), "%d/task/%d/stat", t->tgid, t->tid);
	snprintf(text, sizeof(text),
	    "%d (%s) %c %d %d %d 0 -1 4194560 100 0 0 0 %llu %llu 0 0 20 0 1 0 "
	    "%d 1000000 %ld 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 "
	    "0 0 0 0 0\n", t->tid, t->comm, t->state, t->ppid, t->tgid,
	    t->tgid, t->utime, t->stime, t->tid, t->rss_pages);
	fixture_writes(root, path, text);
}

void mt_write_process(const char *root, int pid, int ppid, const char *comm,
    const char *cmdline, size_t len, unsigned uid)
{
	struct mt_task t = { pid, pid, comm, 'S', ppid, 0, 0, 10 };
	char path[64], text[256];

	mt_write_task(root, &t);
	snprintf(path, sizeof(path), "%d/cmdline", pid);
	fixture_write(root, path, cmdline, len);
	snprintf(path, sizeof(path), "%d/status", pid);
	snprintf(text, sizeof(text), "Name:\t%s\nState:\tS (sleeping)\n"
	    "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\nUid:\t%u\t%u\t%u\t%u\n", comm,
	    pid, pid, ppid, uid, uid + 1, uid, uid);
	fixture_writes(root, path, text);
}

void mt_write_ns(const char *root, int tgid, int tid,
    unsigned long long net_ino, unsigned long long base)
{
	char path[128], target[64];
	int type;

	for (type = 0; type < NS_COUNT; type++) {
		const char *name = ns_type_name(type);
		const char *kind = type == NS_PID_FOR_CHILDREN ? "pid" :
		    type == NS_TIME_FOR_CHILDREN ? "time" : name;

		snprintf(path, sizeof(path), "%d/task/%d/ns/%s", tgid, tid,
		    name);
		snprintf(target, sizeof(target), "%s:[%llu]", kind,
		    type == NS_NET ? net_ino : base + (unsigned)type);
		fixture_link(root, path, target);
	}
}

void mt_write_group(const char *root, int pid, int nthreads, const char *comm,
    const char *thread_comm, unsigned long long net_ino,
    unsigned long long base)
{
	mt_write_process(root, pid, 1, comm, comm, strlen(comm), 0);
	mt_write_ns(root, pid, pid, net_ino, base);
	for (int tid = pid + 1; tid < pid + nthreads; tid++) {
		struct mt_task t = { pid, tid, thread_comm, 'S', 1, 0, 0, 0 };

		mt_write_task(root, &t);
		mt_write_ns(root, pid, tid, net_ino, base);
	}
}

static int remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void mt_remove(const char *root, const char *relpath)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", root, relpath);
	assert_int_equal(nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
}

void mt_env_open(struct mt_env *e, const char *fixture)
{
	char err[256];

	e->root = fixture_tree(fixture);
	fixture_writes(e->root, "loadavg", "0.50 0.25 0.10 1/80 999\n");
	e->src = source_open(SOURCE_PROCFS, e->root, err, sizeof(err));
	assert_non_null(e->src);
	snapshot_init(&e->s);
}

void mt_env_close(struct mt_env *e)
{
	snapshot_free(&e->s);
	source_close(e->src);
	fixture_remove(e->root);
}

void mt_fill_extras(struct mt_env *e)
{
	for (size_t i = 0; i < e->s.nlist; i++)
		for (size_t j = 0; j < e->s.list[i]->nthreads; j++) {
			struct task *t = e->s.list[i]->threads[j];

			source_fill_wchan(e->src, &e->s, t);
			source_fill_syscall(e->src, &e->s, t);
		}
}

void mt_refresh_bare(struct mt_env *e, double mono)
{
	assert_int_equal(source_refresh(e->src, &e->s, mono, 1000.0 + mono),
	    0);
}

void mt_refresh(struct mt_env *e, double mono)
{
	mt_refresh_bare(e, mono);
	mt_fill_extras(e);
}
