/* Against the real /proc: our own process and an extra thread of ours. */
#include "config.h"

#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "tasktop/model.h"
#include "tasktop/util.h"
#include "source/procfs/procfs_priv.h"

struct sleeper {
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	int		 tid;
	bool		 stop;
};

static void *sleeper_main(void *arg)
{
	struct sleeper *sl = arg;

	pthread_mutex_lock(&sl->lock);
	sl->tid = gettid();
	pthread_cond_broadcast(&sl->cond);
	while (!sl->stop)
		pthread_cond_wait(&sl->cond, &sl->lock);
	pthread_mutex_unlock(&sl->lock);
	return NULL;
}

static void stop_sleeper(struct sleeper *sl, pthread_t th)
{
	pthread_mutex_lock(&sl->lock);
	sl->stop = true;
	pthread_cond_broadcast(&sl->cond);
	pthread_mutex_unlock(&sl->lock);
	pthread_join(th, NULL);
}

/* The procfs source on the live /proc that refresh() reads through. */
static struct source *live_src;

static void live_open(struct snapshot *s)
{
	char err[256];

	live_src = source_open(SOURCE_PROCFS, "/proc", err, sizeof(err));
	assert_non_null(live_src);
	snapshot_init(s);
}

static void live_close(struct snapshot *s)
{
	snapshot_free(s);
	source_close(live_src);
	live_src = NULL;
}

static void refresh(struct snapshot *s)
{
	assert_int_equal(source_refresh(live_src, s,
	    clock_seconds(CLOCK_MONOTONIC), clock_seconds(CLOCK_REALTIME)), 0);
}

/* The procfs source's "no thread of the group ran" gate. */
static bool group_quiet(int pid)
{
	const struct pf_proc *p = intmap_get(&procfs_of(live_src)->procs, pid);

	assert_non_null(p);
	return p->quiet;
}

static void check_own_process(struct snapshot *s, int tid)
{
	struct process *p = snapshot_process(s, getpid());
	struct task *t = snapshot_task(s, tid);

	assert_non_null(p);
	assert_non_null(t);
	assert_ptr_equal(t->proc, p);
	assert_ptr_equal(p->threads[0], p->leader);
	assert_true(p->nthreads >= 2);
	assert_int_equal(t->stat_state, FIELD_OK);
	assert_int_equal(p->cmdline_state, FIELD_OK);
	assert_true(p->cmdline_len > 0);
	assert_int_equal(p->ns_ref_tid, getpid());
	assert_int_equal(t->ns_differs, 0);
	assert_int_equal(task_ns_state(t, NS_NET), FIELD_OK);
}

static void test_own_thread_in_real_proc(void **state)
{
	struct sleeper sl = { PTHREAD_MUTEX_INITIALIZER,
	    PTHREAD_COND_INITIALIZER, 0, false };
	struct snapshot s;
	struct task *first;
	pthread_t th;

	(void)state;
	assert_int_equal(pthread_create(&th, NULL, sleeper_main, &sl), 0);
	pthread_mutex_lock(&sl.lock);
	while (sl.tid == 0)
		pthread_cond_wait(&sl.cond, &sl.lock);
	pthread_mutex_unlock(&sl.lock);
	live_open(&s);
	refresh(&s);
	check_own_process(&s, sl.tid);
	first = snapshot_task(&s, sl.tid);
	refresh(&s);
	check_own_process(&s, sl.tid);
	assert_ptr_equal(snapshot_task(&s, sl.tid), first);
	assert_true(snapshot_task(&s, getpid())->cpu_valid);
	assert_true(s.nlist > 1);
	assert_non_null(snapshot_process(&s, 1));
	live_close(&s);
	stop_sleeper(&sl, th);
}

/* ---- a leader that exits while its thread lives on (docs/ARCHITECTURE.md, "Leader exits") ---- */

static int ready_pipe[2];
static pid_t exited_leader_pid;

static void *ready_thread(void *arg)
{
	(void)arg;
	if (write(ready_pipe[1], "y", 1) != 1)
		_exit(1);
	for (;;)
		pause();
	return NULL;
}

/* A child whose leader calls pthread_exit while its thread lives on. */
static pid_t spawn_exited_leader(void)
{
	pid_t pid;
	char ok = 'n';

	assert_int_equal(pipe(ready_pipe), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		pthread_t th;

		if (pthread_create(&th, NULL, ready_thread, NULL) != 0)
			_exit(1);
		pthread_exit(NULL);
	}
	assert_int_equal(read(ready_pipe[0], &ok, 1), 1);
	close(ready_pipe[0]);
	close(ready_pipe[1]);
	return pid;
}

/* The leader turns zombie a moment after pthread_exit. */
static struct process *wait_leader_zombie(struct snapshot *s, pid_t pid)
{
	for (int i = 0; i < 200; i++) {
		struct process *p;

		refresh(s);
		p = snapshot_process(s, pid);
		if (p && p->leader && p->leader->stat.state == 'Z' &&
		    p->nthreads == 2)
			return p;
		usleep(10000);
	}
	fail_msg("leader of %d never became a zombie", (int)pid);
	return NULL;
}

static void test_exited_leader_in_real_proc(void **state)
{
	struct snapshot s;
	struct process *p;
	pid_t pid;

	(void)state;
	pid = exited_leader_pid = spawn_exited_leader();
	live_open(&s);
	p = wait_leader_zombie(&s, pid);
	assert_true(p->leader_exited);
	assert_int_equal(p->ns_ref_tid, p->threads[1]->tid);
	assert_int_not_equal(task_ns_state(p->leader, NS_NET), FIELD_OK);
	assert_int_equal(p->threads[1]->ns_differs, 0);
	assert_int_equal(p->cmdline_state, FIELD_OK);
	assert_true(p->cmdline_len > 0);
	assert_int_equal(p->uid_state, FIELD_OK);
	live_close(&s);
}

/* Teardowns run even when an assertion failed: no child outlives us. */
static void reap_child(pid_t *pid)
{
	if (*pid > 0) {
		kill(*pid, SIGKILL);
		waitpid(*pid, NULL, 0);
		*pid = 0;
	}
}

static int reap_exited_leader(void **state)
{
	(void)state;
	reap_child(&exited_leader_pid);
	return 0;
}

/* Our own leader is alive and the reference; a thread of ours that
 * unshares its netns differs in net only. */
static void *own_netns_thread(void *arg)
{
	struct sleeper *sl = arg;
	bool ok = unshare(CLONE_NEWNET) == 0;

	pthread_mutex_lock(&sl->lock);
	sl->tid = ok ? gettid() : -1;
	pthread_cond_broadcast(&sl->cond);
	while (!sl->stop)
		pthread_cond_wait(&sl->cond, &sl->lock);
	pthread_mutex_unlock(&sl->lock);
	return NULL;
}

static void test_thread_in_own_netns(void **state)
{
	struct sleeper sl = { PTHREAD_MUTEX_INITIALIZER,
	    PTHREAD_COND_INITIALIZER, 0, false };
	struct snapshot s;
	struct task *t;
	pthread_t th;

	(void)state;
	assert_int_equal(pthread_create(&th, NULL, own_netns_thread, &sl), 0);
	pthread_mutex_lock(&sl.lock);
	while (sl.tid == 0)
		pthread_cond_wait(&sl.cond, &sl.lock);
	pthread_mutex_unlock(&sl.lock);
	if (sl.tid < 0) {
		stop_sleeper(&sl, th);
		skip();
	}
	live_open(&s);
	refresh(&s);
	t = snapshot_task(&s, sl.tid);
	assert_non_null(t);
	assert_int_equal(t->ns_differs, 1u << NS_NET);
	assert_int_equal(snapshot_process(&s, getpid())->ns_differs_any,
	    1u << NS_NET);
	live_close(&s);
	stop_sleeper(&sl, th);
}

/* ---- a group that did not run is read for the price of a clock ---- */

static pid_t sleeper_pid;

static void on_usr1(int sig)
{
	(void)sig;
}

/* A child asleep in pause(); SIGUSR1 wakes it for a moment. */
static pid_t spawn_sleeper(void)
{
	int ready[2];
	char ok = 'n';
	pid_t pid;

	assert_int_equal(pipe(ready), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGUSR1, on_usr1);
		if (write(ready[1], "y", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	assert_int_equal(read(ready[0], &ok, 1), 1);
	close(ready[0]);
	close(ready[1]);
	usleep(20000);		/* well into pause() */
	return pid;
}

static void test_quiet_group_until_it_runs(void **state)
{
	struct snapshot s;
	pid_t pid;

	(void)state;
	pid = sleeper_pid = spawn_sleeper();
	live_open(&s);
	refresh(&s);
	assert_false(group_quiet(pid));
	refresh(&s);
	assert_true(group_quiet(pid));
	assert_false(group_quiet(getpid()));
	kill(pid, SIGUSR1);
	usleep(20000);
	refresh(&s);
	assert_false(group_quiet(pid));
	assert_int_equal(snapshot_task(&s, pid)->stat_state, FIELD_OK);
	live_close(&s);
}

static int reap_sleeper(void **state)
{
	(void)state;
	reap_child(&sleeper_pid);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_thread_in_real_proc),
		cmocka_unit_test_teardown(test_quiet_group_until_it_runs,
		    reap_sleeper),
		cmocka_unit_test_teardown(test_exited_leader_in_real_proc,
		    reap_exited_leader),
		cmocka_unit_test(test_thread_in_own_netns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
