/* The name shown for a process. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/model.h"

struct named {
	struct task	 leader;
	struct task	*threads[1];
	struct process	 p;
	char		 cmdline[64];
	struct buf	 out;
};

static const char *display(struct named *n, int pid, const char *comm,
    const char *cmdline, size_t len)
{
	memset(n, 0, sizeof(*n));
	n->p.pid = pid;
	n->leader.tid = pid;
	n->leader.stat_state = comm ? FIELD_OK : FIELD_GONE;
	if (comm)
		task_set_comm(&n->leader, comm, strlen(comm));
	n->threads[0] = &n->leader;
	n->p.threads = n->threads;
	n->p.nthreads = 1;
	n->p.leader = &n->leader;
	memcpy(n->cmdline, cmdline, len);
	n->p.cmdline = len ? n->cmdline : NULL;
	n->p.cmdline_len = len;
	n->p.cmdline_state = FIELD_OK;
	buf_init(&n->out);
	process_display_name(&n->p, &n->out);
	return n->out.data;
}

static void test_arguments_joined_by_spaces(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 10, "sleep", "sleep\0" "100\0", 10),
	    "sleep 100");
	buf_free(&n.out);
}

static void test_trailing_nuls_ignored(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 10, "x", "a\0b\0\0\0\0", 7), "a b");
	buf_free(&n.out);
}

/* setproctitle leaves one argument with spaces and no NUL at all. */
static void test_cmdline_without_nul(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 10, "x", "nginx: worker", 13),
	    "nginx: worker");
	buf_free(&n.out);
}

static void test_empty_arguments_kept(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 10, "x", "a\0\0b\0", 5), "a  b");
	buf_free(&n.out);
	assert_string_equal(display(&n, 10, "x", "\0a\0", 3), " a");
	buf_free(&n.out);
}

static void test_only_nuls_shows_comm(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 10, "daemon", "\0\0\0", 3),
	    "[daemon]");
	buf_free(&n.out);
}

static void test_kernel_thread_shows_comm(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 3, "kworker/0:1H", "", 0),
	    "[kworker/0:1H]");
	buf_free(&n.out);
}

static void test_kernel_thread_flag_wins(void **state)
{
	struct named n;

	(void)state;
	display(&n, 2, "kthreadd", "junk", 4);
	n.p.kernel_thread = true;
	buf_reset(&n.out);
	process_display_name(&n.p, &n.out);
	assert_string_equal(n.out.data, "[kthreadd]");
	buf_free(&n.out);
}

/* Never a made-up name: an unknown comm is a question mark. */
static void test_unknown_comm(void **state)
{
	struct named n;

	(void)state;
	assert_string_equal(display(&n, 10, NULL, "", 0), "[?]");
	buf_free(&n.out);
}

/* Raw bytes pass through: sanitising is the caller's, at display. */
static void test_raw_bytes_kept(void **state)
{
	struct named n;

	(void)state;
	display(&n, 10, "x", "a\x1b[2J\0b", 7);
	assert_int_equal(n.out.len, 7);
	assert_memory_equal(n.out.data, "a\x1b[2J b", 7);
	buf_free(&n.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arguments_joined_by_spaces),
		cmocka_unit_test(test_trailing_nuls_ignored),
		cmocka_unit_test(test_cmdline_without_nul),
		cmocka_unit_test(test_empty_arguments_kept),
		cmocka_unit_test(test_only_nuls_shows_comm),
		cmocka_unit_test(test_kernel_thread_shows_comm),
		cmocka_unit_test(test_kernel_thread_flag_wins),
		cmocka_unit_test(test_unknown_comm),
		cmocka_unit_test(test_raw_bytes_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
