/* The snapshot across refreshes: tasks kept, removed, reread. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_source_util.h"

static void write_two_threads(const char *root)
{
	struct mt_task worker = { 10, 11, "worker", 'S', 1, 0, 0, 0 };

	mt_write_process(root, 10, 1, "app", "app\0-v\0", 7, 0);
	mt_write_task(root, &worker);
}

static void test_task_kept_across_refreshes(void **state)
{
	struct mt_env e;
	struct task *first;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_refresh(&e, 1);
	first = snapshot_task(&e.s, 11);
	assert_non_null(first);
	mt_refresh(&e, 2);
	assert_ptr_equal(snapshot_task(&e.s, 11), first);
	assert_int_equal(first->seen, 2);
	assert_ptr_equal(first->proc, snapshot_process(&e.s, 10));
	mt_env_close(&e);
}

static void test_exited_thread_removed(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_refresh(&e, 1);
	assert_int_equal(e.s.ntasks, 2);
	mt_remove(e.root, "10/task/11");
	mt_refresh(&e, 2);
	assert_null(snapshot_task(&e.s, 11));
	p = snapshot_process(&e.s, 10);
	assert_non_null(p);
	assert_int_equal(p->nthreads, 1);
	assert_int_equal(p->threads[0]->tid, 10);
	assert_int_equal(e.s.ntasks, 1);
	mt_env_close(&e);
}

static void test_exited_process_removed(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_write_process(e.root, 20, 1, "other", "other", 5, 0);
	mt_refresh(&e, 1);
	assert_int_equal(e.s.nlist, 2);
	mt_remove(e.root, "10");
	mt_refresh(&e, 2);
	assert_null(snapshot_process(&e.s, 10));
	assert_null(snapshot_task(&e.s, 11));
	assert_int_equal(e.s.nlist, 1);
	assert_int_equal(e.s.list[0]->pid, 20);
	mt_env_close(&e);
}

/* A tgid listed whose task/ is gone, and a tid listed whose stat is gone. */
static void test_vanished_mid_refresh_dropped(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	fixture_writes(e.root, "30/status", "Name:\tghost\n");
	fixture_writes(e.root, "10/task/12/comm", "late\n");
	mt_refresh(&e, 1);
	assert_null(snapshot_process(&e.s, 30));
	assert_null(snapshot_task(&e.s, 12));
	assert_int_equal(snapshot_process(&e.s, 10)->nthreads, 2);
	assert_int_equal(e.s.nlist, 1);
	mt_env_close(&e);
}

static void test_vanishing_fixture_thread_dropped(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, "vanishing");
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 400);
	assert_non_null(p);
	assert_int_equal(p->nthreads, 1);
	assert_null(snapshot_task(&e.s, 401));
	assert_int_equal(e.s.ntasks, 1);
	mt_env_close(&e);
}

/* Tids wrap around, so the leader can have the higher number. */
static void test_leader_listed_first(void **state)
{
	struct mt_env e;
	struct mt_task early = { 500, 20, "early", 'S', 1, 0, 0, 0 };
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	mt_write_process(e.root, 500, 1, "wrapped", "wrapped", 7, 0);
	mt_write_task(e.root, &early);
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 500);
	assert_int_equal(p->nthreads, 2);
	assert_ptr_equal(p->threads[0], p->leader);
	assert_int_equal(p->threads[0]->tid, 500);
	assert_int_equal(p->threads[1]->tid, 20);
	mt_env_close(&e);
}

static void test_only_restricts(void **state)
{
	struct mt_env e;
	int only[] = { 20, 999, 20 };

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_write_process(e.root, 20, 10, "child", "child", 5, 0);
	source_set_only(e.src, only, 3);
	assert_true(source_is_restricted(e.src));
	mt_refresh(&e, 1);
	assert_int_equal(e.s.nlist, 1);
	assert_null(snapshot_process(&e.s, 10));
	assert_non_null(snapshot_process(&e.s, 20));
	assert_null(snapshot_process(&e.s, 20)->parent);
	source_set_only(e.src, NULL, 0);
	assert_false(source_is_restricted(e.src));
	mt_refresh(&e, 2);
	assert_int_equal(e.s.nlist, 2);
	mt_env_close(&e);
}

static void test_clock_and_loadavg(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_refresh(&e, 5);
	assert_int_equal(e.s.generation, 1);
	assert_true(e.s.interval == 0);
	assert_true(e.s.load_ok);
	assert_true(e.s.load[0] > 0.49 && e.s.load[0] < 0.51);
	mt_refresh(&e, 5.5);
	assert_true(e.s.interval > 0.49 && e.s.interval < 0.51);
	assert_true(e.s.wall > 1005.4);
	mt_remove(e.root, "loadavg");
	mt_refresh(&e, 6);
	assert_false(e.s.load_ok);
	mt_env_close(&e);
}

static void test_cmdline_reread_only_on_comm_change(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 10);
	assert_int_equal(p->cmdline_len, 7);
	assert_memory_equal(p->cmdline, "app\0-v\0", 7);
	fixture_write(e.root, "10/cmdline", "changed", 7);
	mt_refresh(&e, 2);
	assert_memory_equal(p->cmdline, "app\0-v\0", 7);
	mt_write_process(e.root, 10, 1, "newcomm", "new\0", 4, 0);
	mt_refresh(&e, 3);
	assert_int_equal(p->cmdline_len, 4);
	assert_memory_equal(p->cmdline, "new\0", 4);
	mt_env_close(&e);
}

static void test_user_from_real_uid(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	mt_write_process(e.root, 10, 1, "rooted", "x", 1, 0);
	mt_write_process(e.root, 11, 1, "nobody", "y", 1, 3999999);
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 10);
	assert_int_equal(p->uid_state, FIELD_OK);
	assert_int_equal(p->uid, 0);
	assert_string_equal(p->user, "root");
	p = snapshot_process(&e.s, 11);
	assert_int_equal(p->uid, 3999999);
	assert_string_equal(p->user, "3999999");
	mt_env_close(&e);
}

static void test_user_unknown_when_status_missing(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_remove(e.root, "10/status");
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 10);
	assert_int_equal(p->uid_state, FIELD_GONE);
	assert_null(p->user);
	mt_env_close(&e);
}

/* A zombie leader's credentials are gone: a live thread speaks instead. */
static void test_zombie_leader_uid_from_live_thread(void **state)
{
	struct mt_env e;
	struct mt_task zombie = { 40, 40, "srv", 'Z', 1, 0, 0, 0 };
	struct mt_task live = { 40, 42, "srv-io", 'S', 1, 0, 0, 7 };
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	mt_write_process(e.root, 40, 1, "srv", "", 0, 0);
	mt_write_task(e.root, &zombie);
	mt_write_task(e.root, &live);
	fixture_writes(e.root, "40/task/42/status",
	    "Name:\tsrv-io\nPid:\t42\nUid:\t3999998\t0\t0\t0\n");
	fixture_write(e.root, "40/task/42/cmdline", "srv\0--io\0", 9);
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 40);
	assert_int_equal(p->uid, 3999998);
	assert_int_equal(p->cmdline_len, 9);
	assert_int_equal(p->state, 'Z');
	assert_int_equal(p->rss_state, FIELD_OK);
	assert_int_equal(p->rss_kb, 7ULL * (unsigned long long)e.s.page_kb);
	mt_env_close(&e);
}

static void test_rss_from_pages(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 10);
	assert_int_equal(p->rss_state, FIELD_OK);
	assert_true(e.s.page_kb > 0);
	assert_int_equal(p->rss_kb, 10ULL * (unsigned long long)e.s.page_kb);
	mt_env_close(&e);
}

static void test_kernel_threads(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	mt_write_process(e.root, 2, 0, "kthreadd", "", 0, 0);
	mt_write_process(e.root, 3, 2, "kworker/0:1", "", 0, 0);
	mt_write_process(e.root, 4, 2, "adopted", "adopted", 7, 0);
	mt_write_process(e.root, 5, 1, "emptied", "", 0, 0);
	mt_refresh(&e, 1);
	assert_true(snapshot_process(&e.s, 2)->kernel_thread);
	assert_true(snapshot_process(&e.s, 3)->kernel_thread);
	assert_false(snapshot_process(&e.s, 4)->kernel_thread);
	assert_false(snapshot_process(&e.s, 5)->kernel_thread);
	mt_env_close(&e);
}

static void test_malformed_stat_kept_as_unavailable(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	fixture_writes(e.root, "10/task/11/stat", "11 (worker\n");
	mt_refresh(&e, 1);
	t = snapshot_task(&e.s, 11);
	assert_non_null(t);
	assert_int_equal(t->stat_state, FIELD_UNAVAILABLE);
	assert_false(t->cpu_valid);
	assert_int_equal(snapshot_process(&e.s, 10)->state, 'S');
	mt_env_close(&e);
}

/* A tid that turns up in another thread group is another task. */
static void test_tid_moving_group_starts_over(void **state)
{
	struct mt_env e;
	struct mt_task moved = { 50, 11, "worker", 'S', 1, 0, 0, 0 };
	struct task *t;

	(void)state;
	mt_env_open(&e, NULL);
	write_two_threads(e.root);
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);
	mt_remove(e.root, "10/task/11");
	mt_write_process(e.root, 50, 1, "new", "new", 3, 0);
	mt_write_task(e.root, &moved);
	mt_refresh(&e, 3);
	t = snapshot_task(&e.s, 11);
	assert_int_equal(t->tgid, 50);
	assert_ptr_equal(t->proc, snapshot_process(&e.s, 50));
	assert_false(t->cpu_valid);
	assert_int_equal(snapshot_process(&e.s, 10)->nthreads, 1);
	mt_env_close(&e);
}

/* Readdir of the root lists no thread, but task/ does (docs/ARCHITECTURE.md, "Hidden tids"). */
static void test_hidden_tid_is_a_thread(void **state)
{
	struct mt_env e;
	struct task *t;

	(void)state;
	mt_env_open(&e, "hidden_tid");
	mt_refresh(&e, 1);
	t = snapshot_task(&e.s, 503);
	assert_non_null(t);
	assert_int_equal(t->tgid, 500);
	assert_null(snapshot_process(&e.s, 503));
	assert_int_equal(snapshot_process(&e.s, 500)->nthreads, 2);
	mt_env_close(&e);
}

/* Hostile names and files: every process is there, nothing crashes. */
static void test_hostile_tree_refreshes(void **state)
{
	struct mt_env e;
	struct view v;
	struct view_opts o = { .tree = true, .expand_all = true,
	    .sort = SORT_NAME };

	(void)state;
	mt_env_open(&e, "hostile");
	mt_refresh(&e, 1);
	mt_refresh(&e, 2);
	assert_true(e.s.nlist >= 6);
	view_init(&v);
	view_build(&v, &e.s, &o);
	assert_int_equal(v.n, e.s.nlist + e.s.ntasks);
	view_free(&v);
	mt_env_close(&e);
}

static void test_init_fails_without_root(void **state)
{
	char err[256];

	(void)state;
	assert_null(source_open(SOURCE_PROCFS, "/nonexistent/tasktop-proc",
	    err, sizeof(err)));
	assert_non_null(strstr(err, "/nonexistent/tasktop-proc"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_task_kept_across_refreshes),
		cmocka_unit_test(test_exited_thread_removed),
		cmocka_unit_test(test_exited_process_removed),
		cmocka_unit_test(test_vanished_mid_refresh_dropped),
		cmocka_unit_test(test_vanishing_fixture_thread_dropped),
		cmocka_unit_test(test_leader_listed_first),
		cmocka_unit_test(test_only_restricts),
		cmocka_unit_test(test_clock_and_loadavg),
		cmocka_unit_test(test_cmdline_reread_only_on_comm_change),
		cmocka_unit_test(test_user_from_real_uid),
		cmocka_unit_test(test_user_unknown_when_status_missing),
		cmocka_unit_test(test_zombie_leader_uid_from_live_thread),
		cmocka_unit_test(test_rss_from_pages),
		cmocka_unit_test(test_kernel_threads),
		cmocka_unit_test(test_malformed_stat_kept_as_unavailable),
		cmocka_unit_test(test_tid_moving_group_starts_over),
		cmocka_unit_test(test_hidden_tid_is_a_thread),
		cmocka_unit_test(test_hostile_tree_refreshes),
		cmocka_unit_test(test_init_fails_without_root),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
