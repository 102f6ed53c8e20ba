/* test_out_fixture.c - see test_out_fixture.h */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_out_fixture.h"

const unsigned long long out_fixture_ns_default[NS_COUNT] = {
	4026531835, 4026531839, 4026531841, 4026531840, 4026531836,
	4026531836, 4026531834, 4026531834, 4026531837, 4026531838,
};

/* Link names of /proc/<tid>/ns/ and the type their target names. */
static const char *const ns_link_name[NS_COUNT] = {
	"cgroup", "ipc", "mnt", "net", "pid", "pid_for_children", "time",
	"time_for_children", "user", "uts",
};
static const char *const ns_target_type[NS_COUNT] = {
	"cgroup", "ipc", "mnt", "net", "pid", "pid", "time", "time", "user",
	"uts",
};

static void write_fmt(const char *root, const char *fmt_path, int pid,
    int tid, const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, fmt_path, pid, tid, name);
	fixture_writes(root, path, text);
}

void out_fixture_ns(const char *root, int pid, int tid, enum ns_type type,
    unsigned long long ino)
{
	char path[256], target[64];
	snprintf(path, sizeof path, "%d/task/%d/ns/%s", pid, tid,
	    ns_link_name[type]);
	snprintf(target, sizeof target, "%s:[%llu]", ns_target_type[type], ino);
	fixture_link(root, path, target);
}

static void write_stat(const char *root, int pid, int ppid,
    const struct out_fixture_task *t)
{
	char text[512];
	snprintf(text, sizeof text, "%d (%s) %c %d %d %d 0 -1 4194560 100 0 0 0 "
	    "%llu 0 0 0 20 0 3 0 1000 10000000 3000 18446744073709551615 1 1 0 "
	    "0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", t->tid,
	    t->comm, t->state, ppid, pid, pid, t->utime);
	write_fmt(root, "%d/task/%d/%s", pid, t->tid, "stat", text);
}

static void write_status(const char *root, const char *relpath, int pid,
    int tid, int ppid)
{
	char text[512];
	snprintf(text, sizeof text, "Name:\tx\nState:\tS (sleeping)\nTgid:\t%d\n"
	    "Pid:\t%d\nPPid:\t%d\nTracerPid:\t0\nUid:\t0\t0\t0\t0\n"
	    "Gid:\t0\t0\t0\t0\nVmRSS:\t12000 kB\nThreads:\t3\n", pid, tid, ppid);
	fixture_writes(root, relpath, text);
}

void out_fixture_thread(const char *root, int pid, int ppid,
    const struct out_fixture_task *t)
{
	const char *dir = "%d/task/%d/%s";

	char status[64];

	snprintf(status, sizeof status, "%d/task/%d/status", pid, t->tid);
	write_stat(root, pid, ppid, t);
	write_status(root, status, pid, t->tid, ppid);
	if (t->wchan != NULL)
		write_fmt(root, dir, pid, t->tid, "wchan", t->wchan);
	if (t->syscall != NULL)
		write_fmt(root, dir, pid, t->tid, "syscall", t->syscall);
	if (t->stack != NULL)
		write_fmt(root, dir, pid, t->tid, "stack", t->stack);
	for (int type = 0; type < NS_COUNT; type++)
		out_fixture_ns(root, pid, t->tid, type,
		    out_fixture_ns_default[type]);
}

void out_fixture_process(const char *root, int pid, int ppid,
    const char *cmdline, size_t cmdline_len,
    const struct out_fixture_task *leader)
{
	char path[64];

	snprintf(path, sizeof path, "%d/cmdline", pid);
	fixture_write(root, path, cmdline, cmdline_len);
	snprintf(path, sizeof path, "%d/status", pid);
	write_status(root, path, pid, pid, ppid);
	out_fixture_thread(root, pid, ppid, leader);
}

void out_fixture_unlink(const char *root, const char *relpath)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, relpath);
	assert_int_equal(unlink(path), 0);
}

char *out_fixture_netns_tree(void)
{
	static const char cmd[] = "/usr/bin/nsdemo\0--serve\0";
	static const struct out_fixture_task tasks[] = {
		{ 100, "nsdemo", 'S', 10, "do_sys_poll",
		  "7 0x1 0x2 0x0 0x0 0x0 0x0 0x7ff 0x7ff\n",
		  "[<0>] do_sys_poll+0x1/0x2\n[<0>] __x64_sys_poll+0x3/0x4\n" },
		{ 101, "worker", 'R', 20, "0", "running\n", "" },
		{ 102, "netns", 'S', 30, "inet_csk_accept",
		  "43 0x3 0x0 0x0 0x0 0x0 0x0 0x7ff 0x7ff\n",
		  "[<0>] inet_csk_accept+0x1f2/0x3b0\n" },
		{ 200, "child", 'S', 5, "do_wait", "-1 0x7ff 0x7ff\n", "" },
	};
	char *root = fixture_tree(NULL);

	out_fixture_process(root, 100, 1, cmd, sizeof cmd - 1, &tasks[0]);
	out_fixture_thread(root, 100, 1, &tasks[1]);
	out_fixture_thread(root, 100, 1, &tasks[2]);
	out_fixture_ns(root, 100, 102, NS_NET, 4026532176ULL);
	out_fixture_process(root, 200, 100, "child\0", 6, &tasks[3]);
	fixture_writes(root, "loadavg", "0.50 0.25 0.10 1/123 4567\n");
	return root;
}

/* The source the fixture snapshots are refreshed from. */
static struct source *fixture_src;

void out_fixture_open(struct snapshot *s, const char *root)
{
	char err[256];

	out_fixture_free(s);
	fixture_src = source_open(SOURCE_PROCFS, root, err, sizeof err);
	assert_non_null(fixture_src);
	snapshot_init(s);
}

void out_fixture_refresh(struct snapshot *s, double mono, double wall)
{
	assert_int_equal(source_refresh(fixture_src, s, mono, wall), 0);
	out_fill_extras(fixture_src, s, true, true);
}

void out_fixture_snapshot(struct snapshot *s, const char *root)
{
	out_fixture_open(s, root);
	out_fixture_refresh(s, 1.0, OUT_FIXTURE_WALL);
}

void out_fixture_only(const int *tgids, size_t n)
{
	source_set_only(fixture_src, tgids, n);
}

struct detail_reader *out_fixture_detail(void)
{
	return source_detail(fixture_src);
}

void out_fixture_free(struct snapshot *s)
{
	if (fixture_src != NULL)
		snapshot_free(s);
	source_close(fixture_src);
	fixture_src = NULL;
}
