/* The process tree: parents by ppid, roots, cycles. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_source_util.h"

static void add(struct mt_env *e, int pid, int ppid)
{
	mt_write_process(e->root, pid, ppid, "p", "p", 1, 0);
}

/* Every process once, reachable from the roots, no loops. */
static size_t count_reachable(const struct process *p, size_t limit)
{
	size_t n = 1, i;

	if (limit == 0)
		return 0;
	for (i = 0; i < p->nchildren; i++)
		n += count_reachable(p->children[i], limit - 1);
	return n;
}

static size_t count_tree(const struct snapshot *s)
{
	size_t n = 0, i;

	for (i = 0; i < s->nroots; i++)
		n += count_reachable(s->roots[i], s->nlist + 1);
	return n;
}

static void test_missing_parent_is_root(void **state)
{
	struct mt_env e;
	struct process *orphan;

	(void)state;
	mt_env_open(&e, NULL);
	add(&e, 1, 0);
	add(&e, 50, 42);
	mt_refresh(&e, 1);
	orphan = snapshot_process(&e.s, 50);
	assert_null(orphan->parent);
	assert_int_equal(e.s.nroots, 2);
	assert_ptr_equal(e.s.roots[1], orphan);
	mt_env_close(&e);
}

static void test_children_sorted_by_pid(void **state)
{
	struct mt_env e;
	struct process *init;

	(void)state;
	mt_env_open(&e, NULL);
	add(&e, 1, 0);
	add(&e, 300, 1);
	add(&e, 20, 1);
	add(&e, 7, 20);
	add(&e, 150, 1);
	mt_refresh(&e, 1);
	init = snapshot_process(&e.s, 1);
	assert_int_equal(init->nchildren, 3);
	assert_int_equal(init->children[0]->pid, 20);
	assert_int_equal(init->children[1]->pid, 150);
	assert_int_equal(init->children[2]->pid, 300);
	assert_ptr_equal(snapshot_process(&e.s, 7)->parent,
	    snapshot_process(&e.s, 20));
	assert_int_equal(e.s.nroots, 1);
	assert_int_equal(count_tree(&e.s), 5);
	mt_env_close(&e);
}

static void test_ppid_cycle_cut(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	add(&e, 10, 30);
	add(&e, 20, 10);
	add(&e, 30, 20);
	add(&e, 40, 30);
	add(&e, 50, 50);
	mt_refresh(&e, 1);
	assert_int_equal(count_tree(&e.s), 5);
	assert_int_equal(e.s.nroots, 2);
	assert_null(snapshot_process(&e.s, 50)->parent);
	assert_ptr_equal(snapshot_process(&e.s, 40)->parent,
	    snapshot_process(&e.s, 30));
	mt_refresh(&e, 2);
	assert_int_equal(count_tree(&e.s), 5);
	mt_env_close(&e);
}

static void test_kernel_threads_under_kthreadd(void **state)
{
	struct mt_env e;
	struct process *kthreadd;

	(void)state;
	mt_env_open(&e, "basic");
	mt_refresh(&e, 1);
	kthreadd = snapshot_process(&e.s, 2);
	assert_null(kthreadd->parent);
	assert_int_equal(kthreadd->nchildren, 1);
	assert_int_equal(kthreadd->children[0]->pid, 3);
	assert_true(kthreadd->children[0]->kernel_thread);
	assert_ptr_equal(snapshot_process(&e.s, 100)->parent,
	    snapshot_process(&e.s, 1));
	assert_int_equal(count_tree(&e.s), e.s.nlist);
	mt_env_close(&e);
}

/* The tree is rebuilt: a reparented process moves. */
static void test_reparent_moves_subtree(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, NULL);
	add(&e, 1, 0);
	add(&e, 5, 1);
	add(&e, 6, 5);
	mt_refresh(&e, 1);
	assert_int_equal(snapshot_process(&e.s, 5)->nchildren, 1);
	mt_remove(e.root, "5");
	add(&e, 6, 1);
	mt_refresh(&e, 2);
	assert_int_equal(snapshot_process(&e.s, 1)->nchildren, 1);
	assert_int_equal(snapshot_process(&e.s, 1)->children[0]->pid, 6);
	mt_env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_parent_is_root),
		cmocka_unit_test(test_children_sorted_by_pid),
		cmocka_unit_test(test_ppid_cycle_cut),
		cmocka_unit_test(test_kernel_threads_under_kthreadd),
		cmocka_unit_test(test_reparent_moves_subtree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
