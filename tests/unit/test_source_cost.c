/*
 * What a procfs refresh leaves out to stay cheap, and that it still shows
 * what changed: wchan and syscall read on demand, stat bytes that did not
 * move, the schedstat gate, the netns recheck budget, the selected
 * thread's links.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "source/procfs/procfs_priv.h"
#include "test_source_util.h"

#define NET_HOST	4026531840ull
#define NET_AWAY	4026532176ull
#define NS_BASE		4026531000ull

/* Process 10 with threads 11 and 12, each with a wchan and a syscall. */
static void write_group(struct mt_env *e)
{
	mt_env_open(e, NULL);
	mt_write_group(e->root, 10, 3, "app", "worker", NET_HOST, NS_BASE);
	for (int tid = 10; tid <= 12; tid++) {
		char path[64];

		snprintf(path, sizeof(path), "10/task/%d/wchan", tid);
		fixture_writes(e->root, path, "do_sys_poll");
		snprintf(path, sizeof(path), "10/task/%d/syscall", tid);
		fixture_writes(e->root, path, "7 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8\n");
	}
}

static void set_wchan(struct mt_env *e, int tid, const char *text)
{
	char path[64];

	snprintf(path, sizeof(path), "10/task/%d/wchan", tid);
	fixture_writes(e->root, path, text);
}

static void set_utime(struct mt_env *e, int tid, unsigned long long utime)
{
	struct mt_task t = { 10, tid, tid == 10 ? "app" : "worker", 'S', 1,
	    utime, 0, tid == 10 ? 10 : 0 };

	mt_write_task(e->root, &t);
}

static void set_schedstat(struct mt_env *e, int tid, const char *text)
{
	char path[64];

	snprintf(path, sizeof(path), "10/task/%d/schedstat", tid);
	fixture_writes(e->root, path, text);
}

/* ---- wchan and syscall on demand ----------------------------------- */

static void test_refresh_reads_no_extras(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	mt_refresh_bare(&e, 1);
	for (int tid = 10; tid <= 12; tid++) {
		assert_int_equal(task_shown(snapshot_task(&e.s, tid))->wchan_state,
		    FIELD_UNREAD);
		assert_int_equal(task_shown(snapshot_task(&e.s, tid))->syscall_state,
		    FIELD_UNREAD);
	}
	mt_env_close(&e);
}

static void test_fill_reads_every_task(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	mt_refresh_bare(&e, 1);
	mt_fill_extras(&e);
	for (int tid = 10; tid <= 12; tid++) {
		assert_int_equal(task_shown(snapshot_task(&e.s, tid))->wchan_state, FIELD_OK);
		assert_int_equal(task_shown(snapshot_task(&e.s, tid))->syscall_state,
		    FIELD_OK);
	}
	mt_env_close(&e);
}

static void test_read_on_demand(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	write_group(&e);
	mt_refresh_bare(&e, 1);
	t = snapshot_task(&e.s, 12);
	source_fill_wchan(e.src, &e.s, t);
	assert_int_equal(task_shown(t)->wchan_state, FIELD_OK);
	assert_string_equal(task_shown(t)->wchan, "do_sys_poll");
	assert_int_equal(task_shown(t)->syscall_state, FIELD_UNREAD);
	source_fill_syscall(e.src, &e.s, t);
	assert_int_equal(task_shown(t)->syscall_state, FIELD_OK);
	assert_int_equal(task_shown(t)->syscall.kind, SYSCALL_IN);
	assert_int_equal(task_shown(t)->syscall.nr, 7);
	assert_int_equal(task_shown(snapshot_task(&e.s, 11))->wchan_state, FIELD_UNREAD);
	mt_env_close(&e);
}

/* A task that did not run is still blocked where it was. */
static void test_wchan_kept_while_stat_unchanged(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	mt_refresh(&e, 1);
	set_wchan(&e, 11, "futex_wait");
	mt_refresh(&e, 1.5);
	assert_string_equal(task_shown(snapshot_task(&e.s, 11))->wchan, "do_sys_poll");
	mt_env_close(&e);
}

static void test_wchan_reread_once_task_ran(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	mt_refresh(&e, 1);
	set_wchan(&e, 11, "futex_wait");
	set_utime(&e, 11, 5);
	mt_refresh(&e, 1.5);
	assert_string_equal(task_shown(snapshot_task(&e.s, 11))->wchan, "futex_wait");
	mt_env_close(&e);
}

/* Nothing is kept past the maximum age, ran or not. */
static void test_wchan_reread_after_max_age(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	mt_refresh(&e, 1);
	set_wchan(&e, 11, "futex_wait");
	mt_refresh(&e, 3.01);
	assert_string_equal(task_shown(snapshot_task(&e.s, 11))->wchan, "futex_wait");
	mt_env_close(&e);
}

/* On demand too: read once a refresh at most, again once the task ran. */
static void test_on_demand_follows_stat(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	write_group(&e);
	mt_refresh_bare(&e, 1);
	t = snapshot_task(&e.s, 12);
	source_fill_wchan(e.src, &e.s, t);
	set_wchan(&e, 12, "futex_wait");
	source_fill_wchan(e.src, &e.s, t);
	assert_string_equal(task_shown(t)->wchan, "do_sys_poll");
	set_utime(&e, 12, 9);
	mt_refresh_bare(&e, 1.5);
	source_fill_wchan(e.src, &e.s, t);
	assert_string_equal(task_shown(t)->wchan, "futex_wait");
	mt_env_close(&e);
}

/* ---- stat ----------------------------------------------------------- */

static void test_same_stat_bytes_not_a_change(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	write_group(&e);
	mt_refresh(&e, 1);
	t = snapshot_task(&e.s, 11);
	assert_int_equal(t->ran_gen, 1);
	set_utime(&e, 11, 0);		/* the same bytes again */
	mt_refresh(&e, 2);
	assert_int_equal(t->ran_gen, 1);
	assert_true(t->cpu_valid);
	set_utime(&e, 11, 100);
	mt_refresh(&e, 3);
	assert_int_equal(t->ran_gen, 3);
	assert_int_equal(t->stat.utime, 100);
	assert_true(t->cpu_percent > 0);
	mt_env_close(&e);
}

/* With schedstat standing still, a thread's stat is not even read. */
static void test_schedstat_gate_skips_stat(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	write_group(&e);
	set_schedstat(&e, 11, "1000 20 3\n");
	set_schedstat(&e, 12, "1000 20 3\n");
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);		/* the first schedstat sample */
	t = snapshot_task(&e.s, 11);
	set_utime(&e, 11, 50);
	mt_refresh(&e, 3);
	assert_int_equal(t->stat.utime, 0);
	assert_true(t->cpu_valid);
	set_schedstat(&e, 11, "9000 20 4\n");
	mt_refresh(&e, 4);
	assert_int_equal(t->stat.utime, 50);
	mt_env_close(&e);
}

/* A leader's stat carries the process's fields: always read. */
static void test_schedstat_gate_not_for_leaders(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	set_schedstat(&e, 10, "1000 20 3\n");
	set_schedstat(&e, 11, "1000 20 3\n");
	set_schedstat(&e, 12, "1000 20 3\n");
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);
	set_utime(&e, 10, 70);
	mt_refresh(&e, 3);
	assert_int_equal(snapshot_task(&e.s, 10)->stat.utime, 70);
	mt_env_close(&e);
}

/* A kernel without schedstats prints zeros: no gate. */
static void test_schedstat_zeros_no_gate(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	set_schedstat(&e, 11, "0 0 0\n");
	set_schedstat(&e, 12, "0 0 0\n");
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);
	set_utime(&e, 11, 50);
	mt_refresh(&e, 3);
	assert_int_equal(snapshot_task(&e.s, 11)->stat.utime, 50);
	mt_env_close(&e);
}

/* The gate is a shortcut, never forever: stat is reread once old. */
static void test_schedstat_gate_bounded(void **state)
{
	struct mt_env e;

	(void)state;
	write_group(&e);
	set_schedstat(&e, 11, "1000 20 3\n");
	set_schedstat(&e, 12, "1000 20 3\n");
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);
	set_utime(&e, 11, 50);
	mt_refresh(&e, 62);
	assert_int_equal(snapshot_task(&e.s, 11)->stat.utime, 50);
	mt_env_close(&e);
}

/* ---- namespaces ----------------------------------------------------- */

static void test_net_budget_from_interval(void **state)
{
	(void)state;
	assert_int_equal(ns_net_recheck_budget(10000, 0.5, 1.5), 3334);
	assert_int_equal(ns_net_recheck_budget(3, 0.5, 1.5), 1);
	assert_int_equal(ns_net_recheck_budget(7, 0.5, 1.5), 3);
	assert_int_equal(ns_net_recheck_budget(100, 2.0, 1.5), 100);
	assert_int_equal(ns_net_recheck_budget(100, 0, 1.5), 0);
	assert_int_equal(ns_net_recheck_budget(100, 0.5, 0), 0);
	assert_int_equal(ns_net_recheck_budget(0, 0.5, 1.5), 0);
}

static void write_threads(struct mt_env *e, int n)
{
	mt_env_open(e, NULL);
	mt_write_group(e->root, 100, n, "app", "w", NET_HOST, NS_BASE);
}

static int count_net(struct mt_env *e, int n, unsigned long long ino)
{
	int k = 0;

	for (int tid = 100; tid < 100 + n; tid++)
		k += task_ns_ino(snapshot_task(&e->s, tid), NS_NET) == ino;
	return k;
}

static void move_all_away(struct mt_env *e, int n)
{
	for (int tid = 100; tid < 100 + n; tid++)
		mt_write_ns(e->root, 100, tid, NET_AWAY, NS_BASE);
}

/* Refreshes 0.5 s apart with a 1.5 s period: a third a refresh, all of
 * them within three refreshes, whatever the full recheck budget. */
static void test_net_rechecks_cover_period(void **state)
{
	struct mt_env e;

	(void)state;
	write_threads(&e, 9);
	procfs_of(e.src)->ns_recheck_budget = 1;
	procfs_of(e.src)->ns_net_recheck_period = 1.5;
	mt_refresh(&e, 1);
	move_all_away(&e, 9);
	mt_refresh(&e, 1.5);
	assert_in_range(count_net(&e, 9, NET_AWAY), 3, 4);
	mt_refresh(&e, 2);
	mt_refresh(&e, 2.5);
	assert_int_equal(count_net(&e, 9, NET_AWAY), 9);
	mt_env_close(&e);
}

static void test_net_rechecks_off(void **state)
{
	struct mt_env e;

	(void)state;
	write_threads(&e, 9);
	procfs_of(e.src)->ns_recheck_budget = 1;
	procfs_of(e.src)->ns_net_recheck_period = 0;
	mt_refresh(&e, 1);
	move_all_away(&e, 9);
	mt_refresh(&e, 1.5);
	assert_int_equal(count_net(&e, 9, NET_AWAY), 1);
	mt_env_close(&e);
}

/* The side pane's fresher links mark the tree at once. */
static void test_detail_links_taken(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	write_threads(&e, 3);
	procfs_of(e.src)->ns_recheck_budget = 1;
	procfs_of(e.src)->ns_net_recheck_period = 0;
	mt_refresh(&e, 1);
	mt_write_ns(e.root, 100, 102, NET_AWAY, NS_BASE);
	detail_read(source_detail(e.src), 100, 102,
	    DETAIL_PANE & ~DETAIL_STACK, &d);
	snapshot_take_detail_ns(&e.s, &d);
	assert_int_equal(snapshot_task(&e.s, 102)->ns_differs, 1u << NS_NET);
	assert_int_equal(snapshot_process(&e.s, 100)->ns_differs_any,
	    1u << NS_NET);
	mt_env_close(&e);
}

/* A detail that failed to read a link takes nothing away. */
static void test_detail_failure_not_taken(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	write_threads(&e, 3);
	mt_refresh(&e, 1);
	mt_remove(e.root, "100/task/102/ns");
	detail_read(source_detail(e.src), 100, 102,
	    DETAIL_PANE & ~DETAIL_STACK, &d);
	snapshot_take_detail_ns(&e.s, &d);
	assert_int_equal(task_ns_state(snapshot_task(&e.s, 102), NS_NET), FIELD_OK);
	assert_int_equal(task_ns_ino(snapshot_task(&e.s, 102), NS_NET), NET_HOST);
	mt_env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refresh_reads_no_extras),
		cmocka_unit_test(test_fill_reads_every_task),
		cmocka_unit_test(test_read_on_demand),
		cmocka_unit_test(test_wchan_kept_while_stat_unchanged),
		cmocka_unit_test(test_wchan_reread_once_task_ran),
		cmocka_unit_test(test_wchan_reread_after_max_age),
		cmocka_unit_test(test_on_demand_follows_stat),
		cmocka_unit_test(test_same_stat_bytes_not_a_change),
		cmocka_unit_test(test_schedstat_gate_skips_stat),
		cmocka_unit_test(test_schedstat_gate_not_for_leaders),
		cmocka_unit_test(test_schedstat_zeros_no_gate),
		cmocka_unit_test(test_schedstat_gate_bounded),
		cmocka_unit_test(test_net_budget_from_interval),
		cmocka_unit_test(test_net_rechecks_cover_period),
		cmocka_unit_test(test_net_rechecks_off),
		cmocka_unit_test(test_detail_links_taken),
		cmocka_unit_test(test_detail_failure_not_taken),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
