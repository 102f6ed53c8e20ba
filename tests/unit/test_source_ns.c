/* Namespace references and differences, derived and scanned. */
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

#define NET_HOST	4026531840ULL
#define NET_OTHER	4026532176ULL
#define NS_BASE		4026531000ULL

/* ---- process_derive_ns over tasks built in memory ---------------- */

struct ns_case {
	struct task	 tasks[4];
	struct task	*order[4];
	struct process	 p;
};

static struct task *ns_case_task(struct ns_case *c, size_t i, int tid,
    char state, bool links_ok)
{
	struct task *t = &c->tasks[i];
	int type;

	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->tgid = c->p.pid;
	t->stat_state = FIELD_OK;
	t->stat.state = state;
	for (type = 0; type < NS_COUNT; type++) {
		task_set_ns(t, type, links_ok ? FIELD_OK : FIELD_GONE,
		    links_ok ? NS_BASE + (unsigned)type : 0);
	}
	c->order[i] = t;
	c->p.threads = c->order;
	c->p.nthreads = i + 1;
	if (tid == c->p.pid)
		c->p.leader = t;
	return t;
}

static void ns_case_init(struct ns_case *c, int pid)
{
	memset(c, 0, sizeof(*c));
	c->p.pid = pid;
}

static void test_leader_is_reference(void **state)
{
	struct ns_case c;
	struct task *other;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'S', true);
	other = ns_case_task(&c, 1, 101, 'S', true);
	task_set_ns(other, NS_NET, task_ns_state(other, NS_NET), NET_OTHER);
	process_derive_ns(&c.p);
	assert_int_equal(c.p.ns_ref_tid, 100);
	assert_int_equal(other->ns_differs, 1u << NS_NET);
	assert_int_equal(c.tasks[0].ns_differs, 0);
	assert_int_equal(c.p.ns_differs_any, 1u << NS_NET);
	assert_false(c.p.leader_exited);
}

/* Threads listed out of tid order: still the lowest live tid. */
static void test_zombie_leader_lowest_live_tid(void **state)
{
	struct ns_case c;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'Z', false);
	ns_case_task(&c, 1, 107, 'S', true);
	ns_case_task(&c, 2, 103, 'S', true);
	ns_case_task(&c, 3, 102, 'Z', true);
	task_set_ns(&c.tasks[1], NS_UTS, task_ns_state(&c.tasks[1], NS_UTS),
	    1);
	process_derive_ns(&c.p);
	assert_int_equal(c.p.ns_ref_tid, 103);
	assert_true(c.p.leader_exited);
	assert_int_equal(c.tasks[1].ns_differs, 1u << NS_UTS);
	assert_int_equal(c.tasks[0].ns_differs, 0);
}

/* Even with links still cached, a zombie is no reference. */
static void test_zombie_leader_with_links_not_reference(void **state)
{
	struct ns_case c;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'Z', true);
	ns_case_task(&c, 1, 101, 'S', true);
	process_derive_ns(&c.p);
	assert_int_equal(c.p.ns_ref_tid, 101);
	assert_true(c.p.leader_exited);
}

static void test_leader_missing_is_exited(void **state)
{
	struct ns_case c;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 104, 'S', true);
	process_derive_ns(&c.p);
	assert_null(c.p.leader);
	assert_true(c.p.leader_exited);
	assert_int_equal(c.p.ns_ref_tid, 104);
}

static void test_lone_zombie_not_leader_exited(void **state)
{
	struct ns_case c;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'Z', false);
	process_derive_ns(&c.p);
	assert_false(c.p.leader_exited);
	assert_int_equal(c.p.ns_ref_tid, 0);
}

/* Unreadable is unknown, never "differs". */
static void test_unreadable_links_never_differ(void **state)
{
	struct ns_case c;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'S', false);
	ns_case_task(&c, 1, 101, 'S', false);
	ns_case_task(&c, 2, 102, 'S', false);
	task_set_ns(&c.tasks[2], NS_NET, task_ns_state(&c.tasks[2], NS_NET),
	    NET_OTHER);
	process_derive_ns(&c.p);
	assert_int_equal(c.p.ns_ref_tid, 0);
	assert_int_equal(c.p.ns_differs_any, 0);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(c.tasks[i].ns_differs, 0);
}

static void test_one_unreadable_type_not_differs(void **state)
{
	struct ns_case c;
	struct task *t;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'S', true);
	t = ns_case_task(&c, 1, 101, 'S', true);
	task_set_ns(t, NS_MNT, FIELD_DENIED, 99);
	task_set_ns(&c.tasks[0], NS_IPC, FIELD_UNAVAILABLE,
	    task_ns_ino(&c.tasks[0], NS_IPC));
	task_set_ns(t, NS_IPC, task_ns_state(t, NS_IPC), 98);
	task_set_ns(t, NS_USER, task_ns_state(t, NS_USER), 97);
	process_derive_ns(&c.p);
	assert_int_equal(t->ns_differs, 1u << NS_USER);
}

/* The leader without readable net: the lowest live thread that has it. */
static void test_leader_without_net_link(void **state)
{
	struct ns_case c;

	(void)state;
	ns_case_init(&c, 100);
	ns_case_task(&c, 0, 100, 'S', true);
	task_set_ns(&c.tasks[0], NS_NET, FIELD_DENIED,
	    task_ns_ino(&c.tasks[0], NS_NET));
	ns_case_task(&c, 1, 101, 'S', false);
	ns_case_task(&c, 2, 102, 'S', true);
	process_derive_ns(&c.p);
	assert_int_equal(c.p.ns_ref_tid, 102);
	assert_false(c.p.leader_exited);
}

/* ---- through the snapshot ------------------------------------------ */

static void test_basic_net_thread_differs_only_in_net(void **state)
{
	struct mt_env e;

	(void)state;
	mt_env_open(&e, "basic");
	mt_refresh(&e, 1);
	assert_int_equal(snapshot_process(&e.s, 100)->ns_ref_tid, 100);
	assert_int_equal(snapshot_task(&e.s, 102)->ns_differs, 1u << NS_NET);
	assert_int_equal(snapshot_task(&e.s, 101)->ns_differs, 1u << NS_UTS);
	assert_int_equal(snapshot_task(&e.s, 100)->ns_differs, 0);
	assert_int_equal(snapshot_process(&e.s, 100)->ns_differs_any,
	    (1u << NS_NET) | (1u << NS_UTS));
	assert_int_equal(task_ns_ino(snapshot_task(&e.s, 102), NS_NET), NET_OTHER);
	mt_env_close(&e);
}

static void test_leader_exited_fixture(void **state)
{
	struct mt_env e;
	struct process *p;

	(void)state;
	mt_env_open(&e, "leader_exited");
	mt_refresh(&e, 1);
	p = snapshot_process(&e.s, 300);
	assert_non_null(p);
	assert_true(p->leader_exited);
	assert_int_equal(p->ns_ref_tid, 302);
	assert_int_equal(p->ns_differs_any, 0);
	assert_int_not_equal(task_ns_state(p->leader, NS_NET), FIELD_OK);
	mt_env_close(&e);
}

static void write_three_threads(struct mt_env *e)
{
	mt_env_open(e, NULL);
	mt_write_group(e->root, 10, 3, "app", "worker", NET_HOST, NS_BASE);
}

static void setns_thread(struct mt_env *e)
{
	fixture_link(e->root, "10/task/12/ns/net", "net:[4026532176]");
}

/* With a budget of one, a setns shows within one round of the tasks. */
static void test_setns_seen_within_budget_round(void **state)
{
	struct mt_env e;
	int refreshes = 0;

	(void)state;
	write_three_threads(&e);
	procfs_of(e.src)->ns_recheck_budget = 1;
	mt_refresh(&e, 1);
	assert_int_equal(snapshot_task(&e.s, 12)->ns_differs, 0);
	setns_thread(&e);
	while (snapshot_task(&e.s, 12)->ns_differs == 0 && refreshes < 3)
		mt_refresh(&e, 2 + refreshes++);
	assert_int_equal(snapshot_task(&e.s, 12)->ns_differs, 1u << NS_NET);
	assert_true(refreshes >= 1 && refreshes <= 3);
	mt_env_close(&e);
}

/* The budget really bounds the work: one refresh rechecks one task. */
static void test_budget_rechecks_one_task_a_refresh(void **state)
{
	struct mt_env e;
	int changed = 0;

	(void)state;
	write_three_threads(&e);
	procfs_of(e.src)->ns_recheck_budget = 1;
	mt_refresh(&e, 1);
	for (int tid = 10; tid <= 12; tid++) {
		char path[64];

		snprintf(path, sizeof(path), "10/task/%d/ns/uts", tid);
		fixture_link(e.root, path, "uts:[1]");
	}
	mt_refresh(&e, 2);
	for (int tid = 10; tid <= 12; tid++)
		changed += task_ns_ino(snapshot_task(&e.s, tid), NS_UTS) == 1;
	assert_int_equal(changed, 1);
	mt_env_close(&e);
}

static void test_budget_zero_rechecks_all(void **state)
{
	struct mt_env e;

	(void)state;
	write_three_threads(&e);
	procfs_of(e.src)->ns_recheck_budget = 0;
	mt_refresh(&e, 1);
	setns_thread(&e);
	mt_refresh(&e, 2);
	assert_int_equal(snapshot_task(&e.s, 12)->ns_differs, 1u << NS_NET);
	assert_int_equal(snapshot_process(&e.s, 10)->ns_differs_any,
	    1u << NS_NET);
	mt_env_close(&e);
}

/* A leader that turns zombie loses its links: reread despite the budget. */
static void test_leader_turning_zombie_rereads_links(void **state)
{
	struct mt_env e;
	struct mt_task zombie = { 10, 10, "app", 'Z', 1, 0, 0, 0 };
	struct process *p;

	(void)state;
	write_three_threads(&e);
	procfs_of(e.src)->ns_recheck_budget = 1;
	mt_refresh(&e, 1);
	mt_write_task(e.root, &zombie);
	mt_remove(e.root, "10/task/10/ns");
	mt_refresh(&e, 2);
	p = snapshot_process(&e.s, 10);
	assert_int_equal(task_ns_state(p->leader, NS_NET), FIELD_GONE);
	assert_true(p->leader_exited);
	assert_int_equal(p->ns_ref_tid, 11);
	mt_env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leader_is_reference),
		cmocka_unit_test(test_zombie_leader_lowest_live_tid),
		cmocka_unit_test(test_zombie_leader_with_links_not_reference),
		cmocka_unit_test(test_leader_missing_is_exited),
		cmocka_unit_test(test_lone_zombie_not_leader_exited),
		cmocka_unit_test(test_unreadable_links_never_differ),
		cmocka_unit_test(test_one_unreadable_type_not_differs),
		cmocka_unit_test(test_leader_without_net_link),
		cmocka_unit_test(test_basic_net_thread_differs_only_in_net),
		cmocka_unit_test(test_leader_exited_fixture),
		cmocka_unit_test(test_setns_seen_within_budget_round),
		cmocka_unit_test(test_budget_rechecks_one_task_a_refresh),
		cmocka_unit_test(test_budget_zero_rechecks_all),
		cmocka_unit_test(test_leader_turning_zombie_rereads_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
