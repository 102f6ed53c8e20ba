/* The readers against the real /proc of this kernel. */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <pthread.h>
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

#include "live_proc.h"
#include "tasktop/procfs.h"

static void test_own_stat(void **state)
{
	char buf[1024];
	size_t len;
	struct proc_stat st;
	(void)state;
	assert_int_equal(proc_read_task_file(&live_proc, getpid(), gettid(), "stat",
	    buf, sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_stat(buf, len, &st), 0);
	assert_int_equal(st.ppid, getppid());
	assert_int_equal(st.state, 'R');
	assert_true(st.num_threads >= 1);
	assert_true(st.processor >= 0);
}

static void test_own_status(void **state)
{
	char buf[8192];
	size_t len;
	struct proc_status st;
	(void)state;
	assert_int_equal(proc_read_task_file(&live_proc, getpid(), 0, "status", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_status(buf, len, &st), 0);
	assert_int_equal(st.tgid, getpid());
	assert_int_equal(st.uid[0], getuid());
	assert_true(st.has & STATUS_HAS_VMRSS);
	assert_true(st.has & STATUS_HAS_CTXT);
	assert_true(st.has & STATUS_HAS_NSPID);
}

/* The inode readlink shows is the one stat(2) of the link reports. */
static void test_own_ns_matches_stat(void **state)
{
	char path[128];
	struct stat sb;
	(void)state;
	for (int t = 0; t < NS_COUNT; t++) {
		uint64_t ino;
		snprintf(path, sizeof path, "/proc/%d/task/%d/ns/%s", getpid(),
		    gettid(), ns_type_name(t));
		if (stat(path, &sb) != 0)
			continue;	/* a type this kernel lacks */
		assert_int_equal(proc_read_ns(&live_proc, getpid(), gettid(), t, &ino),
		    FIELD_OK);
		assert_true(ino == (uint64_t)sb.st_ino);
	}
	assert_int_equal(stat("/proc/self/ns/net", &sb), 0);
}

static void test_own_syscall_and_stack(void **state)
{
	static char buf[16384];
	static struct proc_stack stk;
	size_t len;
	struct proc_syscall sc;
	(void)state;
	enum field_state fs = proc_read_task_file(&live_proc, getpid(), gettid(),
	    "syscall", buf, sizeof buf, &len);
	if (fs == FIELD_OK) {
		assert_int_equal(proc_parse_syscall(buf, len, &sc), 0);
		/* the task reading its own syscall file is in pread64 */
		assert_int_equal(sc.kind, SYSCALL_IN);
		assert_string_equal(syscall_name(sc.nr), "pread64");
	}
	fs = proc_read_task_file(&live_proc, getpid(), gettid(), "stack", buf,
	    sizeof buf, &len);
	if (fs != FIELD_OK)
		skip();		/* CONFIG_STACKTRACE off, or not root */
	assert_int_equal(proc_parse_stack(buf, len, &stk), 0);
	assert_true(stk.n > 0);
}

static pthread_mutex_t hold = PTHREAD_MUTEX_INITIALIZER;
static pid_t thread_tid;

static void *blocked_thread(void *arg)
{
	(void)arg;
	__atomic_store_n(&thread_tid, gettid(), __ATOMIC_SEQ_CST);
	pthread_mutex_lock(&hold);
	pthread_mutex_unlock(&hold);
	return NULL;
}

/* A thread's tid is not in readdir(/proc) but resolves to its group. */
static void test_resolve_real_thread(void **state)
{
	pthread_t th;
	int tgid = 0, *ids = NULL;
	size_t cap = 0;
	(void)state;
	pthread_mutex_lock(&hold);
	assert_int_equal(pthread_create(&th, NULL, blocked_thread, NULL), 0);
	while (__atomic_load_n(&thread_tid, __ATOMIC_SEQ_CST) == 0)
		usleep(1000);
	assert_int_equal(proc_resolve_tgid(&live_proc, thread_tid, &tgid), 0);
	assert_int_equal(tgid, getpid());
	int n = proc_list_tgids(&live_proc, &ids, &cap);
	assert_true(n > 0);
	for (int i = 0; i < n; i++)
		assert_int_not_equal(ids[i], thread_tid);
	n = proc_list_tids(&live_proc, getpid(), &ids, &cap);
	assert_int_equal(n, 2);
	assert_int_equal(ids[1], thread_tid);
	pthread_mutex_unlock(&hold);
	pthread_join(th, NULL);
	free(ids);
}

/* A task reaped between open and read: the read fails with ESRCH. */
static void test_read_after_exit_is_gone(void **state)
{
	char buf[1024];
	size_t len;
	(void)state;
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		pause();
		_exit(0);
	}
	int fd = proc_open_task_file(&live_proc, child, 0, "stat");
	assert_true(fd >= 0);
	kill(child, SIGKILL);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(proc_pread_file(fd, buf, sizeof buf, &len), FIELD_GONE);
	assert_int_equal(len, 0);
	close(fd);
}

static void *unshare_net_thread(void *arg)
{
	uint64_t *ino = arg;
	if (unshare(CLONE_NEWNET) != 0)
		return NULL;
	if (proc_read_ns(&live_proc, getpid(), gettid(), NS_NET, ino) != FIELD_OK)
		*ino = 0;
	return arg;
}

/* unshare in one thread moves only that thread to a new netns. */
static void test_thread_in_own_netns(void **state)
{
	pthread_t th;
	uint64_t leader, mine = 0;
	void *ok;
	(void)state;
	assert_int_equal(pthread_create(&th, NULL, unshare_net_thread, &mine), 0);
	pthread_join(th, &ok);
	if (ok == NULL)
		skip();		/* no CAP_SYS_ADMIN */
	assert_int_equal(proc_read_ns(&live_proc, getpid(), gettid(), NS_NET,
	    &leader), FIELD_OK);
	assert_true(mine != 0);
	assert_true(mine != leader);
}

static void *sleeping_thread(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static char task_state(pid_t tgid, pid_t tid)
{
	char buf[1024];
	size_t len;
	struct proc_stat st;
	if (proc_read_task_file(&live_proc, tgid, tid, "stat", buf, sizeof buf,
	    &len) != FIELD_OK || proc_parse_stat(buf, len, &st) != 0)
		return '?';
	return st.state;
}

/* A leader that called pthread_exit: a zombie whose ns links no longer
 * resolve while its other thread's do. */
static void test_zombie_leader_ns(void **state)
{
	int *ids = NULL;
	size_t cap = 0;
	uint64_t ino;
	(void)state;
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		pthread_t th;
		pthread_create(&th, NULL, sleeping_thread, NULL);
		pthread_exit(NULL);
	}
	for (int i = 0; i < 2000 && task_state(child, child) != 'Z'; i++)
		usleep(1000);
	assert_int_equal(task_state(child, child), 'Z');
	assert_int_equal(proc_list_tids(&live_proc, child, &ids, &cap), 2);
	assert_int_equal(proc_read_ns(&live_proc, child, child, NS_NET, &ino),
	    FIELD_GONE);
	assert_int_equal(proc_read_ns(&live_proc, child, ids[1], NS_NET, &ino),
	    FIELD_OK);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	free(ids);
}

static void test_real_loadavg(void **state)
{
	char buf[128];
	size_t len;
	double load[3];
	(void)state;
	assert_int_equal(proc_read_root_file(&live_proc, "loadavg", buf, sizeof buf,
	    &len), FIELD_OK);
	assert_int_equal(proc_parse_loadavg(buf, len, load), 0);
	assert_true(load[0] >= 0.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_stat),
		cmocka_unit_test(test_own_status),
		cmocka_unit_test(test_own_ns_matches_stat),
		cmocka_unit_test(test_own_syscall_and_stack),
		cmocka_unit_test(test_resolve_real_thread),
		cmocka_unit_test(test_read_after_exit_is_gone),
		cmocka_unit_test(test_thread_in_own_netns),
		cmocka_unit_test(test_zombie_leader_ns),
		cmocka_unit_test(test_real_loadavg),
	};
	return cmocka_run_group_tests(tests, live_proc_open, live_proc_close);
}
