/* Stack groups on synthetic chains: what counts as the same place. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/stack_group.h"

static const char *const futex_a[] = {
	"futex_wait_queue+0x6c/0xb0", "__futex_wait+0x91/0x110",
	"futex_wait+0x6a/0x100", "do_futex+0x11e/0x1b0",
	"__x64_sys_futex+0x68/0x1c0", "do_syscall_64+0x71/0x290",
	"entry_SYSCALL_64_after_hwframe+0x76/0x7e",
};
/* The same functions, other offsets (another build, or another call site
 * the same function returns to). */
static const char *const futex_b[] = {
	"futex_wait_queue+0x70/0xb0", "__futex_wait+0x99/0x110",
	"futex_wait+0x6a/0x100", "do_futex+0x120/0x1b0",
	"__x64_sys_futex+0x68/0x1c0", "do_syscall_64+0x80/0x290",
	"entry_SYSCALL_64_after_hwframe+0x76/0x7e",
};
static const char *const pipe_read[] = {
	"pipe_read+0x31a/0x4a0", "vfs_read+0x2a1/0x370", "ksys_read+0x6b/0xf0",
	"do_syscall_64+0x71/0x290", "entry_SYSCALL_64_after_hwframe+0x76/0x7e",
};
/* A spinner taken off its CPU by the timer interrupt. */
static const char *const preempted[] = {
	"irqentry_exit_to_user_mode+0x11f/0x1b0",
	"asm_sysvec_apic_timer_interrupt+0x16/0x20",
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct stack_sample kernel_sample(int tid, char state,
    const char *const *frames, int n)
{
	struct stack_sample s = {
		.tid = tid, .state = state, .cpu_valid = true,
		.kernel_state = FIELD_OK, .kernel = frames, .nkernel = n,
		.user_state = FIELD_UNREAD,
	};
	return s;
}

static void test_offsets_do_not_split(void **state)
{
	struct stack_groups gs;
	struct stack_sample a = kernel_sample(12, 'S', futex_a, N(futex_a));
	struct stack_sample b = kernel_sample(11, 'S', futex_b, N(futex_b));
	struct stack_sample c = kernel_sample(13, 'S', pipe_read, N(pipe_read));

	(void)state;
	stack_groups_init(&gs);
	stack_groups_add(&gs, &a);
	stack_groups_add(&gs, &c);
	stack_groups_add(&gs, &b);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].weight, 2);
	assert_int_equal(gs.g[0].ntids, 2);
	assert_int_equal(gs.g[0].tids[0], 11);
	assert_int_equal(gs.g[0].tids[1], 12);
	/* the chain shown is the first thread fed's, offsets and all */
	assert_string_equal(gs.g[0].kernel[0], "futex_wait_queue+0x6c/0xb0");
	assert_int_equal(gs.g[1].tids[0], 13);
	assert_int_equal(gs.total, 3);
	stack_groups_free(&gs);
}

static void test_one_more_frame_splits(void **state)
{
	struct stack_groups gs;
	struct stack_sample a = kernel_sample(1, 'S', futex_a, N(futex_a));
	struct stack_sample b = kernel_sample(2, 'S', futex_a + 1, N(futex_a) - 1);
	struct stack_sample c = kernel_sample(3, 'S', futex_a, N(futex_a));

	(void)state;
	c.kernel_truncated = true;
	stack_groups_init(&gs);
	stack_groups_add(&gs, &a);
	stack_groups_add(&gs, &b);
	stack_groups_add(&gs, &c);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 3);
	stack_groups_free(&gs);
}

static void test_module_is_part_of_the_symbol(void **state)
{
	static const char *const in_a[] = { "poll_it+0x10/0x40 [mod_a]" };
	static const char *const in_a2[] = { "poll_it+0x18/0x40 [mod_a]" };
	static const char *const in_b[] = { "poll_it+0x10/0x40 [mod_b]" };
	struct stack_groups gs;
	struct stack_sample a = kernel_sample(1, 'D', in_a, 1);
	struct stack_sample a2 = kernel_sample(2, 'D', in_a2, 1);
	struct stack_sample b = kernel_sample(3, 'D', in_b, 1);
	struct buf sym;

	(void)state;
	stack_groups_init(&gs);
	stack_groups_add(&gs, &a);
	stack_groups_add(&gs, &a2);
	stack_groups_add(&gs, &b);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].weight, 2);
	buf_init(&sym);
	stack_kernel_symbol(&sym, in_a[0]);
	assert_string_equal(sym.data, "poll_it [mod_a]");
	buf_reset(&sym);
	stack_kernel_symbol(&sym, "0xffffffffc0123456");
	assert_string_equal(sym.data, "0xffffffffc0123456");
	buf_free(&sym);
	stack_groups_free(&gs);
}

/* A running thread's kernel stack is empty; one the timer interrupt took
 * off its CPU shows the interrupt's entry and exit: both are in user
 * space, one group.  A thread in the kernel is not. */
static void test_empty_kernel_stack_of_a_running_thread(void **state)
{
	struct stack_groups gs;
	struct stack_sample running = kernel_sample(21, 'R', NULL, 0);
	struct stack_sample taken_off = kernel_sample(22, 'R', preempted,
	    N(preempted));
	struct stack_sample waiting = kernel_sample(23, 'S', futex_a, N(futex_a));
	struct buf text;

	(void)state;
	running.cpu_percent = 99.0;
	taken_off.cpu_percent = 98.5;
	waiting.cpu_percent = 0.5;
	stack_groups_init(&gs);
	stack_groups_add(&gs, &waiting);
	stack_groups_add(&gs, &taken_off);
	stack_groups_add(&gs, &running);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].ntids, 2);
	assert_int_equal(gs.g[0].tids[0], 21);
	assert_int_equal(gs.g[0].tids[1], 22);
	assert_true(gs.g[0].in_user);
	assert_int_equal(gs.g[0].nkernel, 0);
	assert_true(gs.g[0].cpu_valid);
	assert_true(gs.g[0].cpu_percent > 197.4 && gs.g[0].cpu_percent < 197.6);
	buf_init(&text);
	stack_group_summary(&text, &gs.g[0], " <- ");
	assert_string_equal(text.data, "in user space");
	buf_reset(&text);
	stack_group_summary(&text, &gs.g[1], " <- ");
	assert_string_equal(text.data, "futex_wait_queue <- __futex_wait <- "
	    "futex_wait <- do_futex <- __x64_sys_futex");
	buf_free(&text);
	stack_groups_free(&gs);
}

static struct stack_sample user_sample(int tid, const struct stack_frame *f,
    int n)
{
	struct stack_sample s = kernel_sample(tid, 'R', NULL, 0);

	s.user_state = FIELD_OK;
	s.user = f;
	s.nuser = n;
	return s;
}

/* Three spinners in one loop, seen at three pcs, one of them inside a
 * call the compiler inlined: one group.  Another function: another. */
static void test_user_frames_by_function_not_inlined_depth(void **state)
{
	static const struct stack_frame at_loop[] = {
		{ "spin_loop+0x12 (demo.c:30)", "spin_loop", false },
		{ "start_thread+0x9b", "start_thread", false },
		{ "clone3+0x2c", "clone3", false },
	};
	static const struct stack_frame in_inlined[] = {
		{ "step (demo.c:20)", "step", true },
		{ "spin_loop+0x1a (demo.c:31)", "spin_loop", false },
		{ "start_thread+0x9b", "start_thread", false },
		{ "clone3+0x2c", "clone3", false },
	};
	static const struct stack_frame other_pc[] = {
		{ "spin_loop+0x20 (demo.c:32)", "spin_loop", false },
		{ "start_thread+0x9b", "start_thread", false },
		{ "clone3+0x2c", "clone3", false },
	};
	static const struct stack_frame elsewhere[] = {
		{ "idle_loop+0x4", "idle_loop", false },
		{ "start_thread+0x9b", "start_thread", false },
		{ "clone3+0x2c", "clone3", false },
	};
	struct stack_groups gs;
	struct stack_sample s[] = {
		user_sample(31, at_loop, 3), user_sample(32, in_inlined, 4),
		user_sample(33, other_pc, 3), user_sample(34, elsewhere, 3),
	};
	struct buf text;

	(void)state;
	s[1].kernel = preempted;
	s[1].nkernel = N(preempted);
	stack_groups_init(&gs);
	for (size_t i = 0; i < 4; i++)
		stack_groups_add(&gs, &s[i]);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].ntids, 3);
	assert_int_equal(gs.g[0].tids[2], 33);
	assert_int_equal(gs.g[0].nuser, 3);
	assert_string_equal(gs.g[0].user[0].text, "spin_loop+0x12 (demo.c:30)");
	assert_int_equal(gs.g[1].tids[0], 34);
	buf_init(&text);
	stack_group_summary(&text, &gs.g[0], " <- ");
	assert_string_equal(text.data,
	    "in user space <- spin_loop <- start_thread <- clone3");
	/* with user frames the kernel part is its innermost interesting
	 * frame, and inlined calls are left out */
	stack_groups_reset(&gs);
	s[1].kernel = futex_a;
	s[1].nkernel = N(futex_a);
	stack_groups_add(&gs, &s[1]);
	stack_groups_finish(&gs);
	buf_reset(&text);
	stack_group_summary(&text, &gs.g[0], " <- ");
	assert_string_equal(text.data,
	    "futex_wait_queue <- spin_loop <- start_thread <- clone3");
	buf_free(&text);
	stack_groups_free(&gs);
}

/* Unwound and not unwound (or failed) never share a group. */
static void test_user_state_is_compared(void **state)
{
	static const struct stack_frame f[] = { { "pool+0x1", "pool", false } };
	struct stack_groups gs;
	struct stack_sample a = kernel_sample(1, 'S', futex_a, N(futex_a));
	struct stack_sample b = a, c = a, d = a;

	(void)state;
	b.tid = 2;
	b.user_state = FIELD_OK;
	b.user = f;
	b.nuser = 1;
	c.tid = 3;
	c.user_state = FIELD_GONE;
	d.tid = 4;
	d.user_state = FIELD_OK;	/* an empty user stack */
	stack_groups_init(&gs);
	stack_groups_add(&gs, &a);
	stack_groups_add(&gs, &b);
	stack_groups_add(&gs, &c);
	stack_groups_add(&gs, &d);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 4);
	stack_groups_reset(&gs);
	/* failures in other words are other groups; the same words, one */
	c.user_state = FIELD_UNAVAILABLE;
	c.user_error = "kernel thread: no user stack";
	stack_groups_add(&gs, &c);
	c.tid = 5;
	stack_groups_add(&gs, &c);
	c.tid = 6;
	c.user_error = "ptrace: permission denied";
	stack_groups_add(&gs, &c);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].ntids, 2);
	assert_string_equal(gs.g[0].user_error, "kernel thread: no user stack");
	stack_groups_free(&gs);
}

/* Kernel stacks unreadable: wchan and syscall group, and the group says
 * so; never merged with a group of readable stacks. */
static void test_denied_groups_by_wchan_and_syscall(void **state)
{
	struct stack_groups gs;
	struct stack_sample d[4];
	struct stack_sample readable = kernel_sample(40, 'S', futex_a,
	    N(futex_a));
	struct buf text;

	(void)state;
	for (int i = 0; i < 4; i++) {
		d[i] = kernel_sample(41 + i, 'S', NULL, 0);
		d[i].kernel_state = FIELD_DENIED;
		d[i].wchan = "futex_wait_queue";
		d[i].syscall = "futex";
	}
	d[2].syscall = "read";
	d[3].wchan = NULL;	/* unknown: not the same as any known */
	stack_groups_init(&gs);
	for (int i = 0; i < 4; i++)
		stack_groups_add(&gs, &d[i]);
	stack_groups_add(&gs, &readable);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 4);
	assert_int_equal(gs.g[0].weight, 2);
	assert_int_equal(gs.g[0].basis, STACK_BASIS_WCHAN);
	assert_int_equal(gs.g[0].kernel_state, FIELD_DENIED);
	assert_string_equal(gs.g[0].wchan, "futex_wait_queue");
	assert_string_equal(gs.g[0].syscall, "futex");
	buf_init(&text);
	stack_group_summary(&text, &gs.g[0], " <- ");
	assert_string_equal(text.data, "wchan futex_wait_queue, syscall futex");
	buf_free(&text);
	/* ties: the lowest tid first */
	assert_int_equal(gs.g[1].tids[0], 40);
	assert_int_equal(gs.g[1].basis, STACK_BASIS_KERNEL);
	stack_groups_free(&gs);
}

/* Neither stack, wchan nor syscall read (another user's threads,
 * unprivileged): those threads are kept apart as not grouped, never a
 * group "by wchan -, syscall -"; one with a wchan still groups by it. */
static void test_nothing_read_is_not_grouped(void **state)
{
	struct stack_groups gs;
	struct stack_sample d[4];
	struct buf text;

	(void)state;
	for (int i = 0; i < 4; i++) {
		d[i] = kernel_sample(50 + i, 'S', NULL, 0);
		d[i].kernel_state = FIELD_DENIED;
	}
	d[3].wchan = "futex_wait_queue";
	stack_groups_init(&gs);
	for (int i = 0; i < 4; i++)
		stack_groups_add(&gs, &d[i]);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].weight, 3);
	assert_int_equal(gs.g[0].basis, STACK_BASIS_NONE);
	assert_int_equal(gs.g[0].kernel_state, FIELD_DENIED);
	assert_null(gs.g[0].wchan);
	assert_int_equal(gs.g[1].basis, STACK_BASIS_WCHAN);
	buf_init(&text);
	stack_group_summary(&text, &gs.g[0], " <- ");
	assert_string_equal(text.data, "not grouped: nothing read");
	assert_int_equal(stack_group_chain_lines(&gs.g[0]), 1);
	buf_reset(&text);
	stack_group_chain_line(&gs.g[0], 0, &text);
	assert_string_equal(text.data, "(not grouped: kernel stack, wchan and "
	    "syscall all unread: permission denied)");
	buf_free(&text);
	stack_groups_free(&gs);
}

/* Sampling feeds each thread once a round: the weight counts thread-
 * samples, the tids stay distinct, the states count samples. */
static void test_sampled_rounds(void **state)
{
	struct stack_groups gs;
	struct buf text;

	(void)state;
	stack_groups_init(&gs);
	for (int round = 0; round < 10; round++) {
		for (int tid = 100; tid < 104; tid++) {
			struct stack_sample s = kernel_sample(tid, 'S', futex_a,
			    N(futex_a));
			if (tid == 103 && round < 3) {
				s.kernel = pipe_read;
				s.nkernel = N(pipe_read);
			}
			if (tid == 102 && round == 9)
				s.state = 'R';
			s.cpu_valid = false;
			stack_groups_add(&gs, &s);
		}
		gs.rounds++;
	}
	stack_groups_finish(&gs);
	assert_int_equal(gs.total, 40);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].weight, 37);
	assert_int_equal(gs.g[0].ntids, 4);
	assert_int_equal(gs.g[0].tids[3], 103);
	assert_false(gs.g[0].cpu_valid);
	assert_int_equal(gs.g[1].weight, 3);
	assert_int_equal(gs.g[1].ntids, 1);
	buf_init(&text);
	stack_group_states(&text, &gs.g[0]);
	assert_string_equal(text.data, "36 S 1 R");
	buf_reset(&text);
	stack_group_states(&text, &gs.g[1]);
	assert_string_equal(text.data, "S");
	buf_free(&text);
	assert_ptr_equal(stack_groups_find_tid(&gs, 101), &gs.g[0]);
	assert_null(stack_groups_find_tid(&gs, 99));
	/* a reset forgets the groups and is ready again */
	stack_groups_reset(&gs);
	assert_int_equal(gs.n, 0);
	{
		struct stack_sample s = kernel_sample(7, 'S', futex_a, 1);
		stack_groups_add(&gs, &s);
	}
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 1);
	assert_int_equal(gs.total, 1);
	stack_groups_free(&gs);
}

/* Many groups: the table grows and still finds each. */
static void test_many_groups(void **state)
{
	static char names[300][32];
	static const char *frames[300][1];
	struct stack_groups gs;

	(void)state;
	stack_groups_init(&gs);
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < 300; i++) {
			snprintf(names[i], sizeof names[i], "f%d+0x%x/0x100", i,
			    pass + 1);
			frames[i][0] = names[i];
			struct stack_sample s = kernel_sample(1000 + i + pass * 300,
			    'S', frames[i], 1);
			stack_groups_add(&gs, &s);
		}
	}
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 300);
	for (size_t i = 0; i < gs.n; i++)
		assert_int_equal(gs.g[i].weight, 2);
	assert_int_equal(gs.g[0].tids[0], 1000);
	assert_int_equal(gs.g[0].tids[1], 1300);
	stack_groups_free(&gs);
}

static void test_tid_ranges(void **state)
{
	static const int tids[] = { 1201, 1202, 1203, 1240, 1242, 1243 };
	struct buf text;

	(void)state;
	buf_init(&text);
	stack_tids_ranges(&text, tids, 6);
	assert_string_equal(text.data, "1201-1203,1240,1242-1243");
	buf_reset(&text);
	stack_tids_ranges(&text, tids, 1);
	assert_string_equal(text.data, "1201");
	buf_free(&text);
}

/* A thread asleep in a syscall whose stack the kernel printed only as its
 * entry (Linux 6.18 does so for sleep()): it is in the kernel, not in user
 * space; its frames stay and it is not grouped with a running thread. */
static void test_entry_frames_of_a_sleeping_thread(void **state)
{
	static const char *const entry_only[] = {
		"do_syscall_64+0x71/0x290",
		"entry_SYSCALL_64_after_hwframe+0x76/0x7e",
	};
	struct stack_groups gs;
	struct stack_sample asleep = kernel_sample(31, 'S', entry_only,
	    N(entry_only));
	struct stack_sample running = kernel_sample(32, 'R', NULL, 0);
	struct stack_sample taken_off = kernel_sample(33, 'R', preempted,
	    N(preempted));
	struct buf text;

	(void)state;
	stack_groups_init(&gs);
	stack_groups_add(&gs, &asleep);
	stack_groups_add(&gs, &running);
	stack_groups_add(&gs, &taken_off);
	stack_groups_finish(&gs);
	assert_int_equal(gs.n, 2);
	assert_int_equal(gs.g[0].ntids, 2);
	assert_true(gs.g[0].in_user);
	assert_int_equal(gs.g[1].ntids, 1);
	assert_int_equal(gs.g[1].tids[0], 31);
	assert_false(gs.g[1].in_user);
	assert_int_equal(gs.g[1].nkernel, 2);
	buf_init(&text);
	stack_group_summary(&text, &gs.g[1], " <- ");
	assert_string_equal(text.data, "do_syscall_64");
	buf_free(&text);
	stack_groups_free(&gs);
}

/* Nothing but schedule: the innermost frame still says something. */
static void test_summary_of_boring_frames(void **state)
{
	static const char *const only[] = {
		"schedule+0x27/0xf0", "schedule_timeout+0x9e/0x160",
	};
	struct stack_groups gs;
	struct stack_sample s = kernel_sample(5, 'I', only, 2);
	struct buf text;

	(void)state;
	stack_groups_init(&gs);
	stack_groups_add(&gs, &s);
	stack_groups_finish(&gs);
	buf_init(&text);
	stack_group_summary(&text, &gs.g[0], " <- ");
	assert_string_equal(text.data, "schedule");
	buf_free(&text);
	stack_groups_free(&gs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets_do_not_split),
		cmocka_unit_test(test_one_more_frame_splits),
		cmocka_unit_test(test_module_is_part_of_the_symbol),
		cmocka_unit_test(test_empty_kernel_stack_of_a_running_thread),
		cmocka_unit_test(test_user_frames_by_function_not_inlined_depth),
		cmocka_unit_test(test_user_state_is_compared),
		cmocka_unit_test(test_denied_groups_by_wchan_and_syscall),
		cmocka_unit_test(test_nothing_read_is_not_grouped),
		cmocka_unit_test(test_sampled_rounds),
		cmocka_unit_test(test_many_groups),
		cmocka_unit_test(test_tid_ranges),
		cmocka_unit_test(test_summary_of_boring_frames),
		cmocka_unit_test(test_entry_frames_of_a_sleeping_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
