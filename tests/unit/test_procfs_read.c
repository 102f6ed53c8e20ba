/* The readers against fixture trees: listing, reading, ns links, resolve,
 * and every failure mapped to its field state. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "tasktop/procfs.h"

struct tree {
	char		*path;
	struct proc_root root;
};

static struct tree *open_tree(const char *name)
{
	struct tree *t = calloc(1, sizeof *t);
	assert_non_null(t);
	t->path = fixture_tree(name);
	assert_int_equal(proc_root_open(&t->root, t->path), 0);
	return t;
}

static int close_tree(void **state)
{
	struct tree *t = *state;
	proc_root_close(&t->root);
	fixture_remove(t->path);
	free(t);
	return 0;
}

#define TREE_SETUP(fn, name) \
	static int fn(void **state) { *state = open_tree(name); return 0; }
TREE_SETUP(open_basic, "basic")
TREE_SETUP(open_leader_exited, "leader_exited")
TREE_SETUP(open_vanishing, "vanishing")
TREE_SETUP(open_hidden_tid, "hidden_tid")
TREE_SETUP(open_hostile, "hostile")
TREE_SETUP(open_empty, NULL)

static void test_root_open_missing_dir(void **state)
{
	struct proc_root root;
	(void)state;
	assert_int_equal(proc_root_open(&root, "/nonexistent/proc"), -ENOENT);
	assert_int_equal(root.dirfd, -1);
	proc_root_close(&root);
}

static void test_list_tgids_sorted_numeric_only(void **state)
{
	struct tree *t = *state;
	int *ids = NULL;
	size_t cap = 0;
	fixture_writes(t->path, "self/stat", "x");
	fixture_writes(t->path, "0100x/stat", "x");
	fixture_writes(t->path, "007/stat", "x");
	assert_int_equal(proc_list_tgids(&t->root, &ids, &cap), 4);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 2);
	assert_int_equal(ids[2], 3);
	assert_int_equal(ids[3], 100);
	assert_true(cap >= 4);
	free(ids);
}

/* Enough entries to make the caller's array grow more than once. */
static void test_list_grows_array(void **state)
{
	struct tree *t = *state;
	char rel[64];
	int *ids = malloc(sizeof *ids);
	size_t cap = 1;
	for (int id = 1000; id > 0; id -= 3) {
		snprintf(rel, sizeof rel, "%d/stat", id);
		fixture_writes(t->path, rel, "");
	}
	assert_int_equal(proc_list_tgids(&t->root, &ids, &cap), 334);
	for (int i = 1; i < 334; i++)
		assert_true(ids[i - 1] < ids[i]);
	assert_int_equal(ids[333], 1000);
	free(ids);
}

static void test_list_tids(void **state)
{
	struct tree *t = *state;
	int *ids = NULL;
	size_t cap = 0;
	assert_int_equal(proc_list_tids(&t->root, 100, &ids, &cap), 3);
	assert_int_equal(ids[0], 100);
	assert_int_equal(ids[2], 102);
	assert_int_equal(proc_list_tids(&t->root, 4242, &ids, &cap), -ENOENT);
	free(ids);
}

static void test_read_task_stat(void **state)
{
	struct tree *t = *state;
	char buf[1024];
	size_t len;
	struct proc_stat st;
	assert_int_equal(proc_read_task_file(&t->root, 100, 102, "stat", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(len, strlen(buf));
	assert_int_equal(proc_parse_stat(buf, len, &st), 0);
	assert_memory_equal(st.comm, "netns", 5);
	assert_int_equal(st.num_threads, 3);
	assert_int_equal(st.processor, 0);
}

static void test_read_process_level_file(void **state)
{
	struct tree *t = *state;
	char buf[256];
	size_t len, starts[4];
	assert_int_equal(proc_read_task_file(&t->root, 100, 0, "cmdline", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_cmdline(buf, len, starts, 4), 3);
	assert_string_equal(buf + starts[2], "3");
}

static void test_kernel_thread_files(void **state)
{
	struct tree *t = *state;
	char buf[4096];
	size_t len = 99;
	struct proc_status st;
	struct proc_syscall sc;
	assert_int_equal(proc_read_task_file(&t->root, 3, 0, "cmdline", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(len, 0);
	assert_int_equal(proc_read_task_file(&t->root, 3, 3, "status", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_status(buf, len, &st), 0);
	assert_string_equal(st.name, "kworker/0:1H");
	assert_false(st.has & STATUS_HAS_VMRSS);
	assert_int_equal(proc_read_task_file(&t->root, 3, 3, "syscall", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_syscall(buf, len, &sc), 0);
	assert_int_equal(sc.kind, SYSCALL_NONE);
}

static void test_read_stack_and_syscall(void **state)
{
	struct tree *t = *state;
	char buf[4096];
	size_t len;
	static struct proc_stack stk;
	struct proc_syscall sc;
	assert_int_equal(proc_read_task_file(&t->root, 100, 102, "stack", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_stack(buf, len, &stk), 0);
	assert_string_equal(proc_stack_frame(&stk, 0),
	    "inet_csk_accept+0x1f2/0x3b0");
	assert_int_equal(proc_read_task_file(&t->root, 100, 101, "syscall", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_syscall(buf, len, &sc), 0);
	assert_int_equal(sc.kind, SYSCALL_IN);
	assert_string_equal(syscall_name_arch("x86_64", sc.nr), "futex");
}

static void test_read_gone(void **state)
{
	struct tree *t = *state;
	char buf[64] = "stale";
	size_t len = 99;
	assert_int_equal(proc_read_task_file(&t->root, 100, 4242, "stat", buf,
	    sizeof buf, &len), FIELD_GONE);
	assert_int_equal(len, 0);
	assert_string_equal(buf, "");
	assert_int_equal(proc_open_task_file(&t->root, 4242, 0, "stat"), -ENOENT);
}

static void test_read_directory_is_unavailable(void **state)
{
	struct tree *t = *state;
	char buf[64];
	size_t len;
	assert_int_equal(proc_read_task_file(&t->root, 100, 0, "task", buf,
	    sizeof buf, &len), FIELD_UNAVAILABLE);
	assert_int_equal(len, 0);
}

static void test_read_truncates_to_cap(void **state)
{
	struct tree *t = *state;
	char buf[8];
	size_t len;
	assert_int_equal(proc_read_task_file(&t->root, 100, 100, "stat", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(len, 7);
	assert_string_equal(buf, "100 (ns");
	assert_int_equal(proc_read_task_file(&t->root, 100, 100, "stat", buf,
	    0, &len), FIELD_UNAVAILABLE);
}

/* pread from 0 each time: a reused fd reads the whole file again. */
static void test_pread_rereads_from_start(void **state)
{
	struct tree *t = *state;
	char a[64], b[64];
	size_t la, lb;
	int fd = proc_open_task_file(&t->root, 1, 0, "wchan");
	assert_true(fd >= 0);
	assert_int_equal(proc_pread_file(fd, a, sizeof a, &la), FIELD_OK);
	assert_int_equal(proc_pread_file(fd, b, sizeof b, &lb), FIELD_OK);
	assert_int_equal(la, lb);
	assert_string_equal(a, "ep_poll");
	assert_string_equal(b, "ep_poll");
	close(fd);
	assert_int_equal(proc_pread_file(-1, a, sizeof a, &la), FIELD_UNAVAILABLE);
}

static void test_read_root_file(void **state)
{
	struct tree *t = *state;
	char buf[128];
	size_t len;
	double load[3];
	assert_int_equal(proc_read_root_file(&t->root, "loadavg", buf, sizeof buf,
	    &len), FIELD_OK);
	assert_int_equal(proc_parse_loadavg(buf, len, load), 0);
	assert_true(load[0] > 0.26 && load[0] < 0.28);
	assert_int_equal(proc_read_root_file(&t->root, "nope", buf, sizeof buf,
	    &len), FIELD_GONE);
}

/* Root reads mode-000 files anyway, so the read runs in a child that has
 * dropped to nobody. */
static void test_denied(void **state)
{
	struct tree *t = *state;
	char path[4096];
	snprintf(path, sizeof path, "%s/1/stack", t->path);
	assert_int_equal(chmod(path, 0), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		char buf[64];
		size_t len;
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(2);
		_exit(proc_read_task_file(&t->root, 1, 0, "stack", buf,
		    sizeof buf, &len) == FIELD_DENIED ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_ns_of_threads(void **state)
{
	struct tree *t = *state;
	uint64_t leader, thread;
	assert_int_equal(proc_read_ns(&t->root, 100, 100, NS_NET, &leader), FIELD_OK);
	assert_true(leader == 4026531840u);
	assert_int_equal(proc_read_ns(&t->root, 100, 102, NS_NET, &thread), FIELD_OK);
	assert_true(thread == 4026532176u);
	assert_int_equal(proc_read_ns(&t->root, 100, 101, NS_UTS, &thread), FIELD_OK);
	assert_true(thread == 4026532290u);
	assert_int_equal(proc_read_ns(&t->root, 100, 101, NS_NET, &thread), FIELD_OK);
	assert_true(thread == leader);
	assert_int_equal(proc_read_ns(&t->root, 100, 100, NS_PID_FOR_CHILDREN,
	    &thread), FIELD_OK);
	assert_int_equal(proc_read_ns(&t->root, 100, 0, NS_NET, &thread), FIELD_OK);
	assert_true(thread == leader);
}

static void test_ns_malformed_link(void **state)
{
	struct tree *t = *state;
	uint64_t ino = 5;
	fixture_link(t->path, "100/task/100/ns/ipc", "net:[4026531840]");
	fixture_link(t->path, "100/task/100/ns/mnt", "mnt:[junk]");
	assert_int_equal(proc_read_ns(&t->root, 100, 100, NS_IPC, &ino),
	    FIELD_UNAVAILABLE);
	assert_true(ino == 0);
	assert_int_equal(proc_read_ns(&t->root, 100, 100, NS_MNT, &ino),
	    FIELD_UNAVAILABLE);
	assert_int_equal(proc_read_ns(&t->root, 100, 100, NS_COUNT, &ino),
	    FIELD_UNAVAILABLE);
	assert_int_equal(proc_read_ns(&t->root, 100, 4242, NS_NET, &ino),
	    FIELD_GONE);
}

static void test_leader_exited(void **state)
{
	struct tree *t = *state;
	int *ids = NULL;
	size_t cap = 0, len;
	uint64_t ino;
	char buf[4096];
	struct proc_stat st;
	assert_int_equal(proc_list_tids(&t->root, 300, &ids, &cap), 3);
	assert_int_equal(ids[1], 302);
	assert_int_equal(proc_read_task_file(&t->root, 300, 300, "stat", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_stat(buf, len, &st), 0);
	assert_int_equal(st.state, 'Z');
	assert_int_equal(proc_read_ns(&t->root, 300, 300, NS_NET, &ino), FIELD_GONE);
	assert_int_equal(proc_read_task_file(&t->root, 300, 300, "stack", buf,
	    sizeof buf, &len), FIELD_GONE);
	assert_int_equal(proc_read_ns(&t->root, 300, ids[1], NS_NET, &ino), FIELD_OK);
	assert_true(ino == 4026531840u);
	free(ids);
}

static void test_vanishing_thread(void **state)
{
	struct tree *t = *state;
	int *ids = NULL;
	size_t cap = 0, len;
	char buf[4096];
	assert_int_equal(proc_list_tids(&t->root, 400, &ids, &cap), 2);
	assert_int_equal(ids[1], 401);
	assert_int_equal(proc_read_task_file(&t->root, 400, 401, "stat", buf,
	    sizeof buf, &len), FIELD_GONE);
	assert_int_equal(proc_read_task_file(&t->root, 400, 401, "status", buf,
	    sizeof buf, &len), FIELD_GONE);
	free(ids);
}

static void test_resolve_tid(void **state)
{
	struct tree *t = *state;
	int tgid = 0;
	assert_int_equal(proc_resolve_tgid(&t->root, 503, &tgid), 0);
	assert_int_equal(tgid, 500);
	assert_int_equal(proc_resolve_tgid(&t->root, 500, &tgid), 0);
	assert_int_equal(tgid, 500);
	assert_int_equal(proc_resolve_tgid(&t->root, 999, &tgid), -ENOENT);
	assert_int_equal(proc_resolve_tgid(&t->root, 0, &tgid), -EINVAL);
	assert_int_equal(proc_resolve_tgid(&t->root, -3, &tgid), -EINVAL);
}

static void test_resolve_malformed_status(void **state)
{
	struct tree *t = *state;
	int tgid = 77;
	fixture_writes(t->path, "600/status", "Name:\tx\nPid:\t600\nTgid:\tx\n");
	assert_int_equal(proc_resolve_tgid(&t->root, 600, &tgid), -EINVAL);
	assert_int_equal(tgid, 77);
}

static void test_hostile_comm(void **state)
{
	struct tree *t = *state;
	char buf[1024];
	size_t len;
	struct proc_stat st;
	struct proc_status ss;
	assert_int_equal(proc_read_task_file(&t->root, 200, 200, "stat", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_stat(buf, len, &st), 0);
	assert_int_equal(st.comm_len, 10);
	assert_memory_equal(st.comm, "evil) (x\ny", 10);
	assert_int_equal(st.ppid, 1);
	assert_int_equal(proc_read_task_file(&t->root, 200, 200, "status", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_status(buf, len, &ss), 0);
	assert_int_equal(ss.name_len, 10);
	assert_memory_equal(ss.name, "evil) (x\ny", 10);
}

/* The kernel escapes only newline and backslash: "\\n" in status is a
 * backslash and an n, ESC and invalid UTF-8 come through raw. */
static void test_hostile_status_names(void **state)
{
	struct tree *t = *state;
	char buf[4096];
	size_t len;
	struct proc_status ss;
	assert_int_equal(proc_read_task_file(&t->root, 204, 204, "status", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_status(buf, len, &ss), 0);
	assert_int_equal(ss.name_len, 12);
	assert_memory_equal(ss.name, "back\\slash\\n", 12);
	assert_int_equal(proc_read_task_file(&t->root, 201, 201, "status", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_status(buf, len, &ss), 0);
	assert_memory_equal(ss.name, "\x1b[31mred\xff\xfe\x1b]0;", 13);
}

static void test_hostile_long_cmdline(void **state)
{
	struct tree *t = *state;
	static char buf[256 * 1024];
	static size_t starts[8192];
	size_t len;
	assert_int_equal(proc_read_task_file(&t->root, 202, 0, "cmdline", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_true(len > 64 * 1024);
	assert_int_equal(proc_parse_cmdline(buf, len, starts, 8192), 5002);
	assert_string_equal(buf + starts[5001], "--option-04999");
}

/* each test gets a fresh copy of its tree */
#define ON_TREE(test, tree) \
	cmocka_unit_test_setup_teardown(test, tree, close_tree)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_open_missing_dir),
		ON_TREE(test_list_tgids_sorted_numeric_only, open_basic),
		ON_TREE(test_list_grows_array, open_empty),
		ON_TREE(test_list_tids, open_basic),
		ON_TREE(test_read_task_stat, open_basic),
		ON_TREE(test_read_process_level_file, open_basic),
		ON_TREE(test_kernel_thread_files, open_basic),
		ON_TREE(test_read_stack_and_syscall, open_basic),
		ON_TREE(test_read_gone, open_basic),
		ON_TREE(test_read_directory_is_unavailable, open_basic),
		ON_TREE(test_read_truncates_to_cap, open_basic),
		ON_TREE(test_pread_rereads_from_start, open_basic),
		ON_TREE(test_read_root_file, open_basic),
		ON_TREE(test_denied, open_basic),
		ON_TREE(test_ns_of_threads, open_basic),
		ON_TREE(test_ns_malformed_link, open_basic),
		ON_TREE(test_leader_exited, open_leader_exited),
		ON_TREE(test_vanishing_thread, open_vanishing),
		ON_TREE(test_resolve_tid, open_hidden_tid),
		ON_TREE(test_resolve_malformed_status, open_hidden_tid),
		ON_TREE(test_hostile_comm, open_hostile),
		ON_TREE(test_hostile_status_names, open_hostile),
		ON_TREE(test_hostile_long_cmdline, open_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
