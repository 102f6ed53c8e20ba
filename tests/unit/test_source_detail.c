/* detail_read: the side pane's data for one thread. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "source/procfs/denied.h"
#include "test_source_util.h"

static void test_detail_of_netns_thread(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	mt_env_open(&e, "basic");
	mt_refresh(&e, 1);
	detail_read(source_detail(e.src), 100, 102, DETAIL_PANE, &d);
	assert_int_equal(d.tid, 102);
	assert_int_equal(d.tgid, 100);
	assert_int_equal(d.status_state, FIELD_OK);
	assert_int_equal(d.status.pid, 102);
	assert_int_equal(d.stack_state, FIELD_OK);
	assert_true(d.stack.n > 0);
	assert_int_equal(d.ns_state[NS_NET], FIELD_OK);
	assert_int_equal(d.ns[NS_NET], 4026532176ULL);
	assert_int_equal(d.wchan_state, FIELD_OK);
	assert_int_equal(d.syscall_state, FIELD_OK);
	mt_env_close(&e);
}

static void test_detail_without_stack(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	mt_env_open(&e, "basic");
	detail_read(source_detail(e.src), 100, 101,
	    DETAIL_PANE & ~DETAIL_STACK, &d);
	assert_int_equal(d.stack_state, FIELD_UNREAD);
	assert_int_equal(d.stack.n, 0);
	assert_int_equal(d.status_state, FIELD_OK);
	mt_env_close(&e);
}

static void test_detail_of_gone_thread(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	mt_env_open(&e, "basic");
	detail_read(source_detail(e.src), 100, 999, DETAIL_PANE, &d);
	assert_int_equal(d.status_state, FIELD_GONE);
	assert_int_equal(d.stack_state, FIELD_GONE);
	assert_int_equal(d.wchan_state, FIELD_GONE);
	assert_string_equal(d.wchan, "");
	assert_int_equal(d.syscall_state, FIELD_GONE);
	for (int type = 0; type < NS_COUNT; type++) {
		assert_int_equal(d.ns_state[type], FIELD_GONE);
		assert_int_equal(d.ns[type], 0);
	}
	mt_env_close(&e);
}

/* The zombie leader: its links are gone, its status still reads. */
static void test_detail_of_zombie_leader(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	mt_env_open(&e, "leader_exited");
	detail_read(source_detail(e.src), 300, 300,
	    DETAIL_PANE & ~DETAIL_STACK, &d);
	assert_int_equal(d.status_state, FIELD_OK);
	assert_int_equal(d.status.state, 'Z');
	assert_int_not_equal(d.ns_state[NS_NET], FIELD_OK);
	mt_env_close(&e);
}

static void test_detail_malformed_files_unavailable(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	mt_env_open(&e, NULL);
	mt_write_process(e.root, 10, 1, "app", "app", 3, 0);
	fixture_writes(e.root, "10/task/10/status", "nothing useful\n");
	fixture_writes(e.root, "10/task/10/syscall", "bogus\n");
	fixture_link(e.root, "10/task/10/ns/net", "mnt:[1]");
	detail_read(source_detail(e.src), 10, 10,
	    DETAIL_PANE & ~DETAIL_STACK, &d);
	assert_int_equal(d.status_state, FIELD_UNAVAILABLE);
	assert_int_equal(d.syscall_state, FIELD_UNAVAILABLE);
	assert_int_equal(d.ns_state[NS_NET], FIELD_UNAVAILABLE);
	assert_int_equal(d.ns_state[NS_UTS], FIELD_GONE);
	mt_env_close(&e);
}

/* The kernel's "0" (running, or not allowed to tell) is no wait channel. */
static void test_wchan_zero_is_unknown(void **state)
{
	struct mt_env e;
	struct task_detail d;

	(void)state;
	mt_env_open(&e, "basic");
	fixture_writes(e.root, "100/task/102/wchan", "0");
	detail_read(source_detail(e.src), 100, 102, DETAIL_PANE, &d);
	assert_int_equal(d.wchan_state, FIELD_UNAVAILABLE);
	assert_string_equal(d.wchan, "");
	mt_env_close(&e);
}

/* Root is told what refused the stack, not that it needs root. */
static void test_denied_stack_words(void **state)
{
	struct privileges p = { .known = true, .init_userns = true };
	char out[256];

	(void)state;
	denied_stack_words(&p, EACCES, 7, out, sizeof out);
	assert_string_equal(out, "reading /proc/7/stack needs root: CAP_SYS_ADMIN");
	p.root = true;
	denied_stack_words(&p, EACCES, 7, out, sizeof out);
	assert_non_null(strstr(out, "root has no CAP_SYS_ADMIN"));
	p.init_userns = false;
	denied_stack_words(&p, EACCES, 7, out, sizeof out);
	assert_non_null(strstr(out, "runs in a user namespace"));
	p.init_userns = true;
	p.cap_sys_admin = true;
	denied_stack_words(&p, EPERM, 7, out, sizeof out);
	assert_non_null(strstr(out, "CAP_SYS_PTRACE would allow it"));
	p.cap_sys_ptrace = true;
	denied_stack_words(&p, EPERM, 7, out, sizeof out);
	assert_non_null(strstr(out, "security module"));
	assert_null(strstr(out, "needs root"));
	strcpy(p.lsm, "lockdown,capability,landlock");
	denied_stack_words(&p, EPERM, 7, out, sizeof out);
	assert_non_null(strstr(out, "(modules: lockdown,capability,landlock)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detail_of_netns_thread),
		cmocka_unit_test(test_detail_without_stack),
		cmocka_unit_test(test_detail_of_gone_thread),
		cmocka_unit_test(test_detail_of_zombie_leader),
		cmocka_unit_test(test_detail_malformed_files_unavailable),
		cmocka_unit_test(test_wchan_zero_is_unknown),
		cmocka_unit_test(test_denied_stack_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
