/* The act layer against the real /proc: a pin holds the task shown, or
 * refuses; a signal through it reaches that thread or its group. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "live_proc.h"
#include "tasktop/act.h"

/* What a refresh would have shown of a thread: start time and group. */
static struct act_task shown_of(int tgid, int tid)
{
	char buf[4096];
	size_t len;
	struct proc_stat st;
	struct act_task t = { .tid = tid, .tgid = tgid };

	assert_int_equal(proc_read_task_file(&live_proc, tgid, tid, "stat", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_stat(buf, len, &st), 0);
	t.starttime_known = true;
	t.starttime = st.starttime;
	return t;
}

static struct act_task shown(int tid)
{
	return shown_of(getpid(), tid);
}

static void test_pin_self(void **state)
{
	struct act_pin pin;
	struct act_task t = shown(getpid());

	(void)state;
	assert_int_equal(act_pin(&pin, &live_proc, &t), 0);
	assert_true(pin.dirfd >= 0);
	assert_int_equal(act_check(&pin), 0);
	assert_int_equal(act_by_number_ok(&pin), 0);
	assert_int_equal(act_signal(&pin, 0, ACT_PROCESS), 0);
	act_unpin(&pin);
	assert_int_equal(pin.dirfd, -1);
	assert_int_equal(act_check(&pin), -EBADF);
}

/* Another start time, another group, none known: not the task shown. */
static void test_pin_refuses_other_task(void **state)
{
	struct act_pin pin;
	struct act_task t = shown(getpid());

	(void)state;
	t.starttime++;
	assert_int_equal(act_pin(&pin, &live_proc, &t), -ESTALE);
	assert_int_equal(pin.dirfd, -1);
	t = shown(getpid());
	t.tgid = 1;
	assert_int_equal(act_pin(&pin, &live_proc, &t), -ESTALE);
	t = shown(getpid());
	t.starttime_known = false;
	assert_int_equal(act_pin(&pin, &live_proc, &t), -ENODATA);
	t.tid = 0;
	assert_int_equal(act_pin(&pin, &live_proc, &t), -EINVAL);
}

/* A child that exited: gone at the pin, and gone for a pin taken before. */
static void test_pin_exited(void **state)
{
	struct act_pin pin;
	struct act_task t;
	pid_t child = fork();

	(void)state;
	assert_true(child >= 0);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);	/* a failed assert */
		pause();
		_exit(0);
	}
	t = shown_of(child, child);
	assert_int_equal(act_pin(&pin, &live_proc, &t), 0);
	assert_int_equal(act_signal(&pin, SIGKILL, ACT_PROCESS), 0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(act_check(&pin), -ESRCH);
	assert_int_equal(act_signal(&pin, SIGKILL, ACT_PROCESS), -ESRCH);
	act_unpin(&pin);
	assert_int_equal(act_pin(&pin, &live_proc, &t), -ESRCH);
}

static volatile pid_t got_tid;

static void on_usr1(int sig)
{
	(void)sig;
	got_tid = (pid_t)syscall(SYS_gettid);
}

static volatile pid_t thread_tid;

static void *second_thread(void *arg)
{
	(void)arg;
	thread_tid = (pid_t)syscall(SYS_gettid);
	for (;;)
		pause();
	return NULL;
}

/* ACT_THREAD reaches the pinned thread itself (or says it cannot). */
static void test_signal_one_thread(void **state)
{
	struct act_pin pin;
	struct act_task t;
	pthread_t th;
	sigset_t usr1, old;
	int rc;

	(void)state;
	signal(SIGUSR1, on_usr1);
	assert_int_equal(pthread_create(&th, NULL, second_thread, NULL), 0);
	while (thread_tid == 0)
		usleep(1000);
	/* The main thread blocks it: only a thread-directed signal lands. */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, &old);
	t = shown(thread_tid);
	assert_int_equal(act_pin(&pin, &live_proc, &t), 0);
	rc = act_signal(&pin, SIGUSR1, ACT_THREAD);
	if (!pin.thread_exact) {
		assert_int_equal(rc, -EOPNOTSUPP);
	} else {
		assert_int_equal(rc, 0);
		for (int i = 0; i < 2000 && got_tid == 0; i++)
			usleep(1000);
		assert_int_equal(got_tid, thread_tid);
	}
	act_unpin(&pin);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static volatile pid_t nice_tid;

static void *nice_thread(void *arg)
{
	(void)arg;
	nice_tid = (pid_t)syscall(SYS_gettid);
	for (;;)
		pause();
	return NULL;
}

/* act_renice reaches the pinned thread alone (Linux: a nice value per
 * thread), and refuses when the proc root's numbers are not ours. */
static void test_renice_one_thread(void **state)
{
	struct act_pin pin;
	struct act_task t;
	pthread_t th;
	int mine, theirs;

	(void)state;
	assert_int_equal(pthread_create(&th, NULL, nice_thread, NULL), 0);
	while (nice_tid == 0)
		usleep(1000);
	errno = 0;
	mine = getpriority(PRIO_PROCESS, 0);
	assert_int_equal(errno, 0);
	t = shown(nice_tid);
	assert_int_equal(act_pin(&pin, &live_proc, &t), 0);
	assert_int_equal(act_renice(&pin, mine + 1), 0);
	theirs = getpriority(PRIO_PROCESS, (id_t)nice_tid);
	assert_int_equal(theirs, mine + 1);
	assert_int_equal(getpriority(PRIO_PROCESS, 0), mine);
	/* under another pid namespace's proc root: refused, untouched */
	pin.numbers_ours = false;
	assert_int_equal(act_renice(&pin, mine + 2), -EXDEV);
	assert_int_equal(getpriority(PRIO_PROCESS, (id_t)nice_tid), mine + 1);
	act_unpin(&pin);
	assert_int_equal(act_renice(&pin, mine + 2), -EBADF);
}

/* The values of many threads through one pin of their process: a thread
 * of it is read, a task that is not (a child process: getpriority would
 * read it by number) is not, nor an id that names nothing. */
static void test_nice_threads(void **state)
{
	struct act_pin pin;
	struct act_task t = shown(getpid());
	int tids[4], nice[4] = { 99, 99, 99, 99 }, mine;
	bool known[4];
	pid_t child;

	(void)state;
	if (nice_tid == 0) {
		pthread_t th;
		assert_int_equal(pthread_create(&th, NULL, nice_thread, NULL), 0);
		while (nice_tid == 0)
			usleep(1000);
	}
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);	/* a failed assert */
		pause();
		_exit(0);
	}
	errno = 0;
	mine = getpriority(PRIO_PROCESS, 0);
	assert_int_equal(errno, 0);
	assert_int_equal(setpriority(PRIO_PROCESS, (id_t)nice_tid, mine + 3), 0);
	tids[0] = getpid();
	tids[1] = nice_tid;
	tids[2] = child;
	tids[3] = 0;
	assert_int_equal(act_pin(&pin, &live_proc, &t), 0);
	assert_int_equal(act_nice_threads(&pin, tids, 4, nice, known), 0);
	assert_true(known[0]);
	assert_int_equal(nice[0], mine);
	assert_true(known[1]);
	assert_int_equal(nice[1], mine + 3);
	assert_false(known[2]);
	assert_int_equal(nice[2], 99);
	assert_false(known[3]);
	assert_int_equal(nice[3], 99);
	/* under another pid namespace's proc root: nothing read by number */
	pin.numbers_ours = false;
	assert_int_equal(act_nice_threads(&pin, tids, 2, nice, known), -EXDEV);
	assert_false(known[0]);
	assert_false(known[1]);
	act_unpin(&pin);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
}

/* A tree of files is no procfs: nothing there can be signalled. */
static void test_fixture_tree(void **state)
{
	struct proc_root fixture;
	struct act_pin pin;
	struct act_task t = { .tid = 1, .tgid = 1, .starttime_known = true };
	char *dir = fixture_tree("basic");
	char buf[4096];
	size_t len;
	struct proc_stat st;

	(void)state;
	assert_int_equal(proc_root_open(&fixture, dir), 0);
	assert_int_equal(proc_read_task_file(&fixture, 1, 0, "stat", buf,
	    sizeof buf, &len), FIELD_OK);
	assert_int_equal(proc_parse_stat(buf, len, &st), 0);
	t.starttime = st.starttime;
	assert_int_equal(act_pin(&pin, &fixture, &t), -EBADF);
	assert_string_equal(act_strerror(-EBADF),
	    "the proc root is not a live proc filesystem");
	proc_root_close(&fixture);
	fixture_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pin_self),
		cmocka_unit_test(test_pin_refuses_other_task),
		cmocka_unit_test(test_pin_exited),
		cmocka_unit_test(test_signal_one_thread),
		cmocka_unit_test(test_fixture_tree),
		cmocka_unit_test(test_renice_one_thread),
		cmocka_unit_test(test_nice_threads),
	};

	return cmocka_run_group_tests(tests, live_proc_open, live_proc_close);
}
