/* The view: rows of the tree or flat list, sorted, filtered, expanded. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_source_util.h"

struct view_env {
	struct mt_env	 e;
	struct view	 v;
	struct view_opts o;
	struct intmap	 expanded;
	char		 rows[512];
};

/*
 *   1 init
 *   ├─10 alpha (threads 10, 11 Worker-A, 12 netio)
 *   ├─20 beta
 *   │ └─30 gamma
 *   └─40 Delta
 */
static int setup(void **state)
{
	static struct view_env env;
	struct view_env *ve = &env;
	struct mt_task w = { 10, 11, "Worker-A", 'S', 1, 0, 0, 0 };
	struct mt_task n = { 10, 12, "netio", 'S', 1, 0, 0, 0 };

	memset(ve, 0, sizeof(*ve));
	mt_env_open(&ve->e, NULL);
	mt_write_process(ve->e.root, 1, 0, "init", "/sbin/init\0", 11, 0);
	mt_write_process(ve->e.root, 10, 1, "alpha", "alpha\0--x\0", 10, 0);
	mt_write_task(ve->e.root, &w);
	mt_write_task(ve->e.root, &n);
	mt_write_process(ve->e.root, 20, 1, "beta", "beta", 4, 0);
	mt_write_process(ve->e.root, 30, 20, "gamma", "gamma", 5, 0);
	mt_write_process(ve->e.root, 40, 1, "Delta", "Delta", 5, 0);
	mt_refresh(&ve->e, 1);
	view_init(&ve->v);
	intmap_init(&ve->expanded);
	ve->o.tree = true;
	ve->o.sort = SORT_PID;
	ve->o.expanded = &ve->expanded;
	*state = ve;
	return 0;
}

static int teardown(void **state)
{
	struct view_env *ve = *state;

	view_free(&ve->v);
	intmap_free(&ve->expanded);
	mt_env_close(&ve->e);
	return 0;
}

/* "pid" for a process row, "pid.tid" for a thread row; '*' when kept
 * only as context. */
static const char *rows(struct view_env *ve)
{
	size_t off = 0, i;

	view_build(&ve->v, &ve->e.s, &ve->o);
	ve->rows[0] = '\0';
	for (i = 0; i < ve->v.n && off < sizeof(ve->rows) - 32; i++) {
		const struct view_row *r = &ve->v.rows[i];
		char tid[16] = "";

		if (r->task)
			snprintf(tid, sizeof(tid), ".%d", r->task->tid);
		off += (size_t)snprintf(ve->rows + off, sizeof(ve->rows) - off,
		    "%s%d%s%s", i ? " " : "", r->proc->pid, tid,
		    r->match ? "" : "*");
	}
	return ve->rows;
}

static void set_cpu(struct view_env *ve, int pid, double pct)
{
	struct process *p = snapshot_process(&ve->e.s, pid);

	p->cpu_valid = true;
	p->cpu_percent = pct;
}

static void test_tree_by_pid(void **state)
{
	struct view_env *ve = *state;

	assert_string_equal(rows(ve), "1 10 20 30 40");
	assert_int_equal(ve->v.rows[0].depth, 0);
	assert_int_equal(ve->v.rows[3].depth, 2);
	assert_true(ve->v.rows[4].last);
	assert_false(ve->v.rows[2].last);
}

/* Bit d of more: the ancestor (or row) at depth d has a later sibling. */
static void test_tree_line_bits(void **state)
{
	struct view_env *ve = *state;

	rows(ve);
	assert_true(ve->v.rows[1].more & (1u << 1));	/* 10: 20 follows */
	assert_true(ve->v.rows[3].more & (1u << 1));	/* 40 follows 20 */
	assert_false(ve->v.rows[3].more & (1u << 2));	/* 30 is 20's last */
	assert_true(ve->v.rows[3].last);
	assert_false(ve->v.rows[4].more & (1u << 1));
	assert_true(ve->v.rows[0].last);
}

static void test_sort_cpu_desc_and_asc(void **state)
{
	struct view_env *ve = *state;

	set_cpu(ve, 10, 5);
	set_cpu(ve, 20, 50);
	set_cpu(ve, 40, 20);
	ve->o.sort = SORT_CPU;
	ve->o.descending = true;
	assert_string_equal(rows(ve), "1 20 30 40 10");
	ve->o.descending = false;
	assert_string_equal(rows(ve), "1 10 40 20 30");
}

static void test_sort_pid_desc(void **state)
{
	struct view_env *ve = *state;

	ve->o.descending = true;
	assert_string_equal(rows(ve), "1 40 20 30 10");
}

/* Names compare without case: alpha, beta, Delta. */
static void test_sort_name(void **state)
{
	struct view_env *ve = *state;

	ve->o.sort = SORT_NAME;
	ve->o.tree = false;
	assert_string_equal(rows(ve), "1 10 20 40 30");
	ve->o.descending = true;
	assert_string_equal(rows(ve), "30 40 20 10 1");
}

/* Equal keys keep ascending pids, in either direction. */
static void test_sort_ties_by_pid(void **state)
{
	struct view_env *ve = *state;

	ve->o.sort = SORT_USER;
	ve->o.tree = false;
	assert_string_equal(rows(ve), "1 10 20 30 40");
	ve->o.descending = true;
	assert_string_equal(rows(ve), "1 10 20 30 40");
}

static void test_sort_threads_count(void **state)
{
	struct view_env *ve = *state;

	ve->o.sort = SORT_THREADS;
	ve->o.descending = true;
	ve->o.tree = false;
	assert_string_equal(rows(ve), "10 1 20 30 40");
}

static void test_flat_list_depth_zero(void **state)
{
	struct view_env *ve = *state;

	ve->o.tree = false;
	assert_string_equal(rows(ve), "1 10 20 30 40");
	for (size_t i = 0; i < ve->v.n; i++)
		assert_int_equal(ve->v.rows[i].depth, 0);
}

static void test_expanded_shows_threads_leader_first(void **state)
{
	struct view_env *ve = *state;

	intmap_put(&ve->expanded, 10, ve);
	assert_string_equal(rows(ve), "1 10 10.10 10.11 10.12 20 30 40");
	assert_int_equal(ve->v.rows[2].depth, 2);
	assert_false(ve->v.rows[3].last);
	assert_true(ve->v.rows[4].last);	/* 10 has no children */
	intmap_del(&ve->expanded, 10);
	assert_string_equal(rows(ve), "1 10 20 30 40");
}

/* Threads and children are one sibling set: the last thread is not last
 * when child processes follow. */
static void test_expand_all_threads_before_children(void **state)
{
	struct view_env *ve = *state;

	ve->o.expand_all = true;
	assert_string_equal(rows(ve),
	    "1 1.1 10 10.10 10.11 10.12 20 20.20 30 30.30 40 40.40");
	assert_false(ve->v.rows[1].last);
	assert_true(ve->v.rows[1].more & (1u << 1));
	assert_true(ve->v.rows[7].last == false);
	assert_true(ve->v.rows[9].last);
}

static void test_filter_keeps_ancestors_as_context(void **state)
{
	struct view_env *ve = *state;

	ve->o.filter = "GAM";
	assert_string_equal(rows(ve), "1* 20* 30");
	assert_true(ve->v.rows[2].last);
	assert_true(ve->v.rows[1].last);
}

static void test_filter_by_cmdline_argument(void **state)
{
	struct view_env *ve = *state;

	ve->o.filter = "alpha --x";
	assert_string_equal(rows(ve), "1* 10");
}

static void test_filter_by_pid(void **state)
{
	struct view_env *ve = *state;

	ve->o.filter = "40";
	assert_string_equal(rows(ve), "1* 40");
}

/* A matching thread shows under its collapsed process. */
static void test_filter_by_tid_shows_thread(void **state)
{
	struct view_env *ve = *state;

	ve->o.filter = "12";
	assert_string_equal(rows(ve), "1* 10* 10.12");
	assert_int_equal(view_find_task(&ve->v, 12), 2);
	assert_int_equal(view_find_task(&ve->v, 11), -1);
}

static void test_filter_thread_name_in_expanded(void **state)
{
	struct view_env *ve = *state;

	intmap_put(&ve->expanded, 10, ve);
	ve->o.filter = "worker";
	assert_string_equal(rows(ve), "1* 10* 10.11");
	assert_true(ve->v.rows[2].last);
}

/* Naming the process by its pid shows all its threads. */
static void test_filter_by_pid_expanded_shows_all_threads(void **state)
{
	struct view_env *ve = *state;

	intmap_put(&ve->expanded, 10, ve);
	ve->o.filter = "10";
	assert_string_equal(rows(ve), "1* 10 10.10 10.11* 10.12*");
}

static void set_task_cpu(struct view_env *ve, int tid, double pct)
{
	struct task *t = snapshot_task(&ve->e.s, tid);

	t->cpu_valid = true;
	t->cpu_percent = pct;
}

/* Busy threads rise above idle ones inside their process; I inverts. */
static void test_threads_sorted_inside_process(void **state)
{
	struct view_env *ve = *state;

	intmap_put(&ve->expanded, 10, ve);
	set_task_cpu(ve, 10, 1);
	set_task_cpu(ve, 11, 60);
	set_task_cpu(ve, 12, 78);
	ve->o.sort = SORT_CPU;
	ve->o.descending = true;
	assert_string_equal(rows(ve), "1 10 10.12 10.11 10.10 20 30 40");
	ve->o.descending = false;
	assert_string_equal(rows(ve), "1 10 10.10 10.11 10.12 20 30 40");
	ve->o.sort = SORT_NAME;
	assert_string_equal(rows(ve), "1 10 10.10 10.12 10.11 20 30 40");
	assert_true(ve->v.rows[4].last);
	assert_false(ve->v.rows[3].last);
}

/* H in the flat list: a row per thread, sorted across processes. */
static void test_flat_threads_sorted(void **state)
{
	struct view_env *ve = *state;

	set_task_cpu(ve, 11, 60);
	set_task_cpu(ve, 30, 70);
	set_task_cpu(ve, 12, 5);
	ve->o.tree = false;
	ve->o.flat_threads = true;
	ve->o.sort = SORT_CPU;
	ve->o.descending = true;
	assert_string_equal(rows(ve), "30.30 10.11 10.12 1.1 10.10 20.20 40.40");
	assert_int_equal(ve->v.rows[0].depth, 0);
	assert_true(ve->v.rows[6].last);
	ve->o.filter = "alpha";
	assert_string_equal(rows(ve), "10.11 10.12 10.10");
	ve->o.filter = "netio";
	assert_string_equal(rows(ve), "10.12");
	/* in tree mode the toggle has no effect */
	ve->o.tree = true;
	ve->o.filter = NULL;
	ve->o.sort = SORT_PID;
	ve->o.descending = false;
	assert_string_equal(rows(ve), "1 10 20 30 40");
}

/* K: kernel threads (kthreadd and its children without a cmdline) out. */
static void test_hide_kernel_threads(void **state)
{
	struct view_env *ve = *state;

	mt_write_process(ve->e.root, 2, 0, "kthreadd", "", 0, 0);
	mt_write_process(ve->e.root, 50, 2, "kworker/0:1", "", 0, 0);
	mt_refresh(&ve->e, 2);
	assert_string_equal(rows(ve), "1 10 20 30 40 2 50");
	ve->o.hide_kernel = true;
	assert_string_equal(rows(ve), "1 10 20 30 40");
	ve->o.tree = false;
	assert_string_equal(rows(ve), "1 10 20 30 40");
	ve->o.flat_threads = true;
	assert_string_equal(rows(ve), "1.1 10.10 10.11 10.12 20.20 30.30 40.40");
}

/* u: one user's processes; the others stay only as tree context. */
static void test_user_filter(void **state)
{
	struct view_env *ve = *state;

	snapshot_process(&ve->e.s, 30)->uid = 1000;
	ve->o.user_only = true;
	ve->o.uid = 1000;
	assert_string_equal(rows(ve), "1* 20* 30");
	ve->o.tree = false;
	assert_string_equal(rows(ve), "30");
	ve->o.uid = 4242;
	assert_string_equal(rows(ve), "");
	ve->o.uid = 0;
	ve->o.filter = "alpha";
	assert_string_equal(rows(ve), "10");
}

/* A process that matches keeps its same-named threads folded. */
static void test_filter_matching_process_stays_collapsed(void **state)
{
	struct view_env *ve = *state;

	ve->o.filter = "alpha";
	assert_string_equal(rows(ve), "1* 10");
	ve->o.filter = "o";
	assert_string_equal(rows(ve), "1* 10* 10.11 10.12");
}

static void test_filter_no_match_empty(void **state)
{
	struct view_env *ve = *state;

	ve->o.filter = "zzz";
	assert_string_equal(rows(ve), "");
	assert_int_equal(ve->v.n, 0);
	assert_int_equal(view_find_process(&ve->v, 1), -1);
}

static void test_flat_filter_no_context(void **state)
{
	struct view_env *ve = *state;

	ve->o.tree = false;
	ve->o.filter = "a";
	assert_string_equal(rows(ve), "10 20 30 40");
}

static void test_find_process(void **state)
{
	struct view_env *ve = *state;

	intmap_put(&ve->expanded, 10, ve);
	rows(ve);
	assert_int_equal(view_find_process(&ve->v, 20), 5);
	assert_int_equal(view_find_task(&ve->v, 10), 2);
	assert_int_equal(view_find_process(&ve->v, 99), -1);
}

static void test_sort_key_names(void **state)
{
	(void)state;
	assert_string_equal(sort_key_name(SORT_PID), "PID");
	assert_string_equal(sort_key_name(SORT_CPU), "CPU%");
	assert_string_equal(sort_key_name(SORT_COUNT), "?");
}

#define VIEW_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		VIEW_TEST(test_tree_by_pid),
		VIEW_TEST(test_tree_line_bits),
		VIEW_TEST(test_sort_cpu_desc_and_asc),
		VIEW_TEST(test_sort_pid_desc),
		VIEW_TEST(test_sort_name),
		VIEW_TEST(test_sort_ties_by_pid),
		VIEW_TEST(test_sort_threads_count),
		VIEW_TEST(test_flat_list_depth_zero),
		VIEW_TEST(test_expanded_shows_threads_leader_first),
		VIEW_TEST(test_expand_all_threads_before_children),
		VIEW_TEST(test_filter_keeps_ancestors_as_context),
		VIEW_TEST(test_filter_by_cmdline_argument),
		VIEW_TEST(test_filter_by_pid),
		VIEW_TEST(test_filter_by_tid_shows_thread),
		VIEW_TEST(test_filter_thread_name_in_expanded),
		VIEW_TEST(test_filter_by_pid_expanded_shows_all_threads),
		VIEW_TEST(test_threads_sorted_inside_process),
		VIEW_TEST(test_flat_threads_sorted),
		VIEW_TEST(test_hide_kernel_threads),
		VIEW_TEST(test_user_filter),
		VIEW_TEST(test_filter_matching_process_stays_collapsed),
		VIEW_TEST(test_filter_no_match_empty),
		VIEW_TEST(test_flat_filter_no_context),
		VIEW_TEST(test_find_process),
		cmocka_unit_test(test_sort_key_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
