/* CPU% from the CPU-time deltas of two refreshes (procfs: clock ticks). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_source_util.h"

static void test_cpu_percent_math(void **state)
{
	(void)state;
	assert_true(cpu_percent(500000000, 1.0) == 50.0);
	assert_true(cpu_percent(2000000000, 1.0) == 200.0);
	assert_true(cpu_percent(250000000, 0.5) == 50.0);
	assert_true(cpu_percent(500000000, 0) == 0);
	assert_true(cpu_percent(500000000, -1) == 0);
}

static void write_worker(const char *root, unsigned long long utime,
    unsigned long long stime)
{
	struct mt_task t = { 10, 11, "worker", 'R', 1, utime, stime, 0 };

	mt_write_task(root, &t);
}

static double ticks_percent(const struct snapshot *s, double ticks,
    double seconds)
{
	(void)s;
	return ticks / (double)sysconf(_SC_CLK_TCK) / seconds * 100.0;
}

static void open_two_threads(struct mt_env *e)
{
	mt_env_open(e, NULL);
	mt_write_process(e->root, 10, 1, "app", "app", 3, 0);
	write_worker(e->root, 100, 20);
}

static void test_first_sighting_has_no_cpu(void **state)
{
	struct mt_env e;

	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 10);
	assert_false(snapshot_task(&e.s, 11)->cpu_valid);
	assert_false(snapshot_process(&e.s, 10)->cpu_valid);
	assert_true(snapshot_task(&e.s, 11)->cpu_percent == 0);
	mt_env_close(&e);
}

static void test_thread_cpu_from_delta(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 10);
	write_worker(e.root, 130, 30);
	mt_refresh(&e, 10.5);
	t = snapshot_task(&e.s, 11);
	assert_true(t->cpu_valid);
	assert_float_equal(t->cpu_percent, ticks_percent(&e.s, 40, 0.5), 1e-9);
	assert_int_equal(t->prev_cpu_ns,
	    160ull * 1000000000ull / (unsigned long long)sysconf(_SC_CLK_TCK));
	mt_env_close(&e);
}

static void test_idle_thread_zero_but_valid(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);
	t = snapshot_task(&e.s, 10);
	assert_true(t->cpu_valid);
	assert_true(t->cpu_percent == 0);
	mt_env_close(&e);
}

static void test_process_cpu_is_thread_sum(void **state)
{
	struct mt_env e;
	struct mt_task leader = { 10, 10, "app", 'R', 1, 5, 0, 10 };
	struct process *p;

	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 1);
	write_worker(e.root, 150, 20);
	mt_write_task(e.root, &leader);
	mt_refresh(&e, 2);
	p = snapshot_process(&e.s, 10);
	assert_true(p->cpu_valid);
	assert_float_equal(p->cpu_percent, ticks_percent(&e.s, 55, 1), 1e-9);
	mt_env_close(&e);
}

/* Ticks never go back for one task: if they do it is not the same task. */
static void test_ticks_going_back_invalid(void **state)
{
	struct mt_env e;

	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 1);
	write_worker(e.root, 10, 0);
	mt_refresh(&e, 2);
	assert_false(snapshot_task(&e.s, 11)->cpu_valid);
	assert_true(snapshot_task(&e.s, 11)->cpu_percent < 1e6);
	mt_env_close(&e);
}

/* Same tid, new start time: a new task, no delta against the old one. */
static void test_reused_tid_restarts_cpu(void **state)
{
	struct mt_env e;
	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 1);
	fixture_writes(e.root, "10/task/11/stat", "11 (again) R 1 10 10 0 -1 "
	    "0 0 0 0 0 500 0 0 0 20 0 1 0 777 1000 0\n");
	mt_refresh(&e, 2);
	assert_false(snapshot_task(&e.s, 11)->cpu_valid);
	mt_refresh(&e, 3);
	assert_true(snapshot_task(&e.s, 11)->cpu_valid);
	mt_env_close(&e);
}

static void test_unreadable_stat_has_no_cpu(void **state)
{
	struct mt_env e;

	(void)state;
	open_two_threads(&e);
	mt_refresh(&e, 1);
	fixture_writes(e.root, "10/task/11/stat", "garbage");
	mt_refresh(&e, 2);
	assert_false(snapshot_task(&e.s, 11)->cpu_valid);
	write_worker(e.root, 200, 20);
	mt_refresh(&e, 3);
	assert_false(snapshot_task(&e.s, 11)->cpu_valid);
	mt_refresh(&e, 4);
	assert_true(snapshot_task(&e.s, 11)->cpu_valid);
	mt_env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpu_percent_math),
		cmocka_unit_test(test_first_sighting_has_no_cpu),
		cmocka_unit_test(test_thread_cpu_from_delta),
		cmocka_unit_test(test_idle_thread_zero_but_valid),
		cmocka_unit_test(test_process_cpu_is_thread_sum),
		cmocka_unit_test(test_ticks_going_back_invalid),
		cmocka_unit_test(test_reused_tid_restarts_cpu),
		cmocka_unit_test(test_unreadable_stat_has_no_cpu),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
