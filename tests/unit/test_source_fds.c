/* Kept stat fds never starve the rest: a low RLIMIT_NOFILE and many tasks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <cmocka.h>

#include "fixture.h"
#include "source/procfs/procfs_priv.h"
#include "test_source_util.h"

#define FD_LIMIT	150
#define PROCESSES	30
#define THREADS		10	/* a process: 300 tasks, twice the limit */
#define LOW_FD_LIMIT	48	/* set after the budget was made */

static void write_many_tasks(const char *root)
{
	for (int p = 0; p < PROCESSES; p++) {
		int pid = 1000 + p * 100;

		mt_write_process(root, pid, 1, "many", "many", 4, 0);
		for (int t = 1; t < THREADS; t++) {
			struct mt_task task = { pid, pid + t, "thr", 'S', 1,
			    (unsigned long long)t, 0, 0 };

			mt_write_task(root, &task);
		}
	}
}

static void test_more_tasks_than_fds(void **state)
{
	struct rlimit rl = { FD_LIMIT, FD_LIMIT };
	struct mt_env e;
	size_t ok = 0;

	(void)state;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
	mt_env_open(&e, NULL);
	write_many_tasks(e.root);
	for (int i = 1; i <= 3; i++) {
		mt_refresh(&e, i);
		assert_int_equal(e.s.nlist, PROCESSES);
		assert_int_equal(e.s.ntasks, PROCESSES * THREADS);
	}
	for (size_t i = 0; i < e.s.nlist; i++)
		for (size_t j = 0; j < e.s.list[i]->nthreads; j++) {
			const struct task *t = e.s.list[i]->threads[j];

			ok += t->stat_state == FIELD_OK && t->cpu_valid;
		}
	assert_int_equal(ok, PROCESSES * THREADS);
	assert_int_equal(snapshot_process(&e.s, 1000)->uid_state, FIELD_OK);
	mt_env_close(&e);
}

/*
 * The limit turns out lower than the budget was made for (fds inherited or
 * held elsewhere): kept fds are given back at the first EMFILE, and the
 * listings of every later refresh still get their fd.
 */
static void test_limit_lower_than_budget(void **state)
{
	struct mt_env e;
	struct rlimit rl;

	(void)state;
	mt_env_open(&e, NULL);
	write_many_tasks(e.root);
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &rl), 0);
	rl.rlim_cur = LOW_FD_LIMIT;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
	for (int i = 1; i <= 4; i++) {
		mt_refresh(&e, i);
		assert_int_equal(e.s.nlist, PROCESSES);
		assert_int_equal(e.s.ntasks, PROCESSES * THREADS);
	}
	assert_int_equal(snapshot_task(&e.s, 1000 + (PROCESSES - 1) * 100 +
	    THREADS - 1)->stat_state, FIELD_OK);
	mt_env_close(&e);
}

/*
 * A kept fd pins kernel memory: a new task's stat is read by path, its fd
 * kept only once it is read again (a leader is, every refresh); and
 * however high the limit, no more than a bound are kept.
 */
static void test_fds_kept_where_they_pay(void **state)
{
	struct pf_source *pf;
	struct pf_task *leader, *thread;
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	write_many_tasks(e.root);
	pf = procfs_of(e.src);
	assert_true(pf->max_kept_fds <= 4096);
	mt_refresh_bare(&e, 1);
	leader = intmap_get(&pf->tasks, 1000);
	thread = intmap_get(&pf->tasks, 1001);
	assert_non_null(leader);
	assert_non_null(thread);
	assert_true(leader->stat_fd < 0);
	assert_true(thread->stat_fd < 0);
	mt_refresh_bare(&e, 2);
	assert_true(leader->stat_fd >= 0);
	assert_int_equal(snapshot_task(&e.s, 1001)->stat_state, FIELD_OK);
	mt_env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		/* first: the others lower the limit for good */
		cmocka_unit_test(test_fds_kept_where_they_pay),
		cmocka_unit_test(test_more_tasks_than_fds),
		cmocka_unit_test(test_limit_lower_than_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
