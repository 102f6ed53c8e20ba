/* Stack groups read from fixture trees (tasktop/stack_look.h): grouping a
 * process live, the schedstat gate that spares rereading parked threads,
 * no schedstat at all, and sampling rounds. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "test_source_util.h"
#include "tasktop/stack_look.h"

static const char nanosleep_stack[] =
    "[<0>] hrtimer_nanosleep+0xa5/0x150\n"
    "[<0>] __x64_sys_clock_nanosleep+0xc1/0x110\n"
    "[<0>] do_syscall_64+0x71/0x290\n"
    "[<0>] entry_SYSCALL_64_after_hwframe+0x76/0x7e\n";

static const struct stack_group *group_of(const struct stack_groups *gs,
    int tid)
{
	const struct stack_group *g = stack_groups_find_tid(gs, tid);

	assert_non_null(g);
	return g;
}

static void look(struct stack_looker *lk, struct mt_env *e, int pid,
    struct stack_groups *gs)
{
	stack_looker_begin(lk);
	stack_collect_process(lk, &e->s, snapshot_process(&e->s, pid), gs);
	stack_looker_end(lk);
}

/* The fixture has no schedstat: no gate, but nothing taken for gone. */
static void test_groups_without_schedstat(void **state)
{
	struct mt_env e;
	struct stack_looker lk;
	struct stack_groups gs;

	(void)state;
	mt_env_open(&e, "basic");
	mt_refresh(&e, 1);
	stack_looker_init(&lk, e.src);
	stack_groups_init(&gs);
	look(&lk, &e, 100, &gs);
	assert_int_equal(gs.n, 3);
	assert_int_equal(gs.total, 3);
	assert_non_null(strstr(group_of(&gs, 101)->kernel[0], "futex"));
	assert_non_null(strstr(group_of(&gs, 102)->kernel[0], "accept"));
	assert_int_equal(lk.stack_reads, 3);
	look(&lk, &e, 100, &gs);
	assert_int_equal(lk.stack_reads, 6);
	stack_groups_free(&gs);
	stack_looker_free(&lk);
	mt_env_close(&e);
}

/* While a thread's schedstat stands still its stack is not read again;
 * once it moves, the new stack makes a new group. */
static void test_schedstat_gate(void **state)
{
	struct mt_env e;
	struct stack_looker lk;
	struct stack_groups gs;

	(void)state;
	mt_env_open(&e, "basic");
	fixture_writes(e.root, "100/task/100/schedstat", "1000 10 1\n");
	fixture_writes(e.root, "100/task/101/schedstat", "2000 20 2\n");
	fixture_writes(e.root, "100/task/102/schedstat", "3000 30 3\n");
	mt_refresh(&e, 1);
	stack_looker_init(&lk, e.src);
	stack_groups_init(&gs);
	look(&lk, &e, 100, &gs);
	assert_int_equal(lk.stack_reads, 3);
	look(&lk, &e, 100, &gs);
	assert_int_equal(lk.stack_reads, 3);
	assert_int_equal(lk.kept_fds, 3);

	/* 101 ran into nanosleep; 102's stack changed without its schedstat
	 * moving, which can't happen: the gate trusts the schedstat */
	fixture_writes(e.root, "100/task/101/stack", nanosleep_stack);
	fixture_writes(e.root, "100/task/101/schedstat", "2500 20 3\n");
	fixture_writes(e.root, "100/task/102/stack", nanosleep_stack);
	look(&lk, &e, 100, &gs);
	assert_int_equal(lk.stack_reads, 4);
	assert_non_null(strstr(group_of(&gs, 101)->kernel[0], "nanosleep"));
	assert_non_null(strstr(group_of(&gs, 102)->kernel[0], "accept"));
	stack_groups_free(&gs);
	stack_looker_free(&lk);
	assert_int_equal(lk.kept_fds, 0);
	mt_env_close(&e);
}

/* A thread that is gone when looked at is left out; the end of the look
 * forgets it. */
static void test_gone_thread_left_out(void **state)
{
	struct mt_env e;
	struct stack_looker lk;
	struct stack_groups gs;
	char path[4096];

	(void)state;
	mt_env_open(&e, "basic");
	mt_refresh(&e, 1);
	stack_looker_init(&lk, e.src);
	stack_groups_init(&gs);
	snprintf(path, sizeof path, "rm -rf '%s/100/task/101'", e.root);
	assert_int_equal(system(path), 0);
	look(&lk, &e, 100, &gs);
	assert_int_equal(gs.total, 2);
	assert_null(stack_groups_find_tid(&gs, 101));
	stack_groups_free(&gs);
	stack_looker_free(&lk);
	mt_env_close(&e);
}

static void test_sampled_rounds(void **state)
{
	struct mt_env e;
	struct stack_sampler sm;
	const struct process *p;
	const struct stack_groups *gs;

	(void)state;
	mt_env_open(&e, "basic");
	mt_refresh(&e, 1);
	stack_sampler_init(&sm, e.src);
	p = snapshot_process(&e.s, 100);
	stack_sampler_start(&sm, &e.s, &p, 1);
	for (int i = 0; i < 4; i++)
		stack_sampler_round(&sm);
	stack_sampler_finish(&sm);
	gs = stack_sampler_groups(&sm, 100);
	assert_non_null(gs);
	assert_null(stack_sampler_groups(&sm, 1));
	assert_int_equal(gs->rounds, 4);
	assert_int_equal(gs->total, 12);
	assert_int_equal(gs->n, 3);
	assert_int_equal(gs->g[0].weight, 4);
	assert_int_equal(gs->g[0].ntids, 1);
	assert_int_equal(gs->g[0].states[0].n, 4);
	stack_sampler_free(&sm);
	mt_env_close(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_without_schedstat),
		cmocka_unit_test(test_schedstat_gate),
		cmocka_unit_test(test_gone_thread_left_out),
		cmocka_unit_test(test_sampled_rounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
