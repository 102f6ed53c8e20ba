/* test_out_json.c - --json output: valid JSON always, the keys of
 * docs/ARCHITECTURE.md "JSON", null for whatever could not be read, the
 * kernel's bytes recoverable. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "json_check.h"
#include "test_out_fixture.h"
#include "tasktop/out.h"

struct json_case {
	char		*root;
	struct snapshot	 s;
	struct buf	 out;
};

static int case_setup(void **state)
{
	struct json_case *c = calloc(1, sizeof *c);
	c->root = out_fixture_netns_tree();
	buf_init(&c->out);
	*state = c;
	return 0;
}

static int case_teardown(void **state)
{
	struct json_case *c = *state;
	out_fixture_free(&c->s);
	buf_free(&c->out);
	fixture_remove(c->root);
	free(c);
	return 0;
}

static void assert_valid_json_line(const struct buf *out)
{
	size_t where = 0;
	assert_true(out->len > 0);
	assert_int_equal(out->data[out->len - 1], '\n');
	assert_ptr_equal(strchr(out->data, '\n'), out->data + out->len - 1);
	if (json_check(out->data, out->len, &where) != 0)
		fail_msg("invalid JSON at %zu: '%.40s'", where, out->data + where);
}

static const char *write_json(struct json_case *c, bool stack)
{
	const struct out_opts o = { .stack = stack,
	    .detail = out_fixture_detail() };
	buf_reset(&c->out);
	out_json_write(&c->out, &c->s, &o);
	assert_valid_json_line(&c->out);
	return c->out.data;
}

/* Refresh the case's tree once and write it. */
static const char *render(struct json_case *c, bool stack)
{
	out_fixture_snapshot(&c->s, c->root);
	return write_json(c, stack);
}

/* The text of the thread object of tid: up to the next thread's. */
static char *thread_of(const char *text, int tid)
{
	char key[32];
	snprintf(key, sizeof key, "{\"tid\":%d,", tid);
	const char *start = strstr(text, key);
	if (start == NULL) {
		fail_msg("no thread %d in %s", tid, text);
		return NULL;	/* fail_msg does not return; gcc can't tell */
	}
	const char *end = strstr(start + 1, "{\"tid\":");
	return strndup(start, end ? (size_t)(end - start) : strlen(start));
}

static void assert_thread_has(const char *text, int tid, const char *needle)
{
	char *obj = thread_of(text, tid);
	if (strstr(obj, needle) == NULL)
		fail_msg("thread %d lacks '%s': %s", tid, needle, obj);
	free(obj);
}

static void assert_has(const char *text, const char *needle)
{
	if (strstr(text, needle) == NULL)
		fail_msg("'%s' not in %s", needle, text);
}

static void test_valid_json_with_schema_keys(void **state)
{
	static const char *const keys[] = {
		"\"time\":", "\"processes\":[", "\"pid\":100,", "\"ppid\":1,",
		"\"comm\":\"nsdemo\"", "\"cmdline\":", "\"user\":\"root\"",
		"\"state\":\"S\"", "\"leader_exited\":false", "\"threads\":[",
		"\"cpu_percent\":", "\"wchan\":", "\"syscall\":", "\"ns\":{",
		"\"ns_differs\":[", "\"stack\":", "\"stack_error\":",
	};
	const char *text = render(*state, false);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_has(text, keys[i]);
}

static void test_time_first(void **state)
{
	const char *text = render(*state, false);
	static const char start[] =
	    "{\"time\":1795342342.50,\"cpu_interval_s\":null,\"processes\":[";

	assert_true(strncmp(text, start, sizeof start - 1) == 0);
}

static void test_processes_in_pid_order(void **state)
{
	const char *text = render(*state, false);
	const char *p100 = strstr(text, "{\"pid\":100,");
	const char *p200 = strstr(text, "{\"pid\":200,\"ppid\":100,");
	assert_non_null(p100);
	assert_non_null(p200);
	assert_true(p100 < p200);
}

static void test_cpu_null_before_two_samples(void **state)
{
	const char *text = render(*state, false);
	assert_thread_has(text, 100, "\"cpu_percent\":null");
	assert_thread_has(text, 102, "\"cpu_percent\":null");
	assert_has(text, "\"num_threads\":3,");
	assert_null(strstr(text, "\"cpu_percent\":0"));
	assert_has(text, "\"cpu_interval_s\":null,");
}

static void test_cpu_after_two_samples(void **state)
{
	struct json_case *c = *state;
	static const struct out_fixture_task busy = { 101, "worker", 'R', 70,
	    "0", "running\n", "" };
	char expect[48];

	out_fixture_snapshot(&c->s, c->root);
	out_fixture_thread(c->root, 100, 1, &busy);
	out_fixture_refresh(&c->s, 2.0, OUT_FIXTURE_WALL + 1);
	const char *text = write_json(c, false);
	snprintf(expect, sizeof expect, "\"cpu_percent\":%.1f,",
	    cpu_percent(500000000, 1.0));
	assert_thread_has(text, 101, expect);
	assert_thread_has(text, 102, "\"cpu_percent\":0.0,");
	assert_has(text, "\"cpu_interval_s\":1.000000,");
}

static void test_ns_differs_exact(void **state)
{
	const char *text = render(*state, false);
	assert_thread_has(text, 102, "\"ns_differs\":[\"net\"]");
	assert_thread_has(text, 102, "\"net\":4026532176,");
	assert_thread_has(text, 101, "\"ns_differs\":[]");
	assert_thread_has(text, 101, "\"net\":4026531840,");
	assert_thread_has(text, 100, "\"ns_differs\":[]");
	assert_thread_has(text, 200, "\"ns_differs\":[]");
	assert_has(text, "\"ns_ref_tid\":100,");
}

static void test_ns_all_types(void **state)
{
	const char *text = render(*state, false);
	assert_thread_has(text, 101, "\"ns\":{\"cgroup\":4026531835,"
	    "\"ipc\":4026531839,\"mnt\":4026531841,\"net\":4026531840,"
	    "\"pid\":4026531836,\"pid_for_children\":4026531836,"
	    "\"time\":4026531834,\"time_for_children\":4026531834,"
	    "\"user\":4026531837,\"uts\":4026531838}");
}

static void test_ns_several_differ(void **state)
{
	struct json_case *c = *state;
	out_fixture_ns(c->root, 100, 101, NS_UTS, 4026532300ULL);
	out_fixture_ns(c->root, 100, 101, NS_MNT, 4026532301ULL);
	const char *text = render(c, false);
	assert_thread_has(text, 101, "\"ns_differs\":[\"mnt\",\"uts\"]");
}

/* An unreadable link is null, never 0, and differs from nothing. */
static void test_ns_unreadable_is_null(void **state)
{
	struct json_case *c = *state;
	out_fixture_unlink(c->root, "100/task/101/ns/uts");
	const char *text = render(c, false);
	assert_thread_has(text, 101, "\"uts\":null}");
	assert_thread_has(text, 101, "\"ns_differs\":[]");
	assert_null(strstr(text, ":0,"));
}

static void test_cmdline_array(void **state)
{
	const char *text = render(*state, false);
	assert_has(text, "\"cmdline\":[\"/usr/bin/nsdemo\",\"--serve\"],");
	assert_has(text, "\"cmdline\":[\"child\"],");
}

/* Invalid UTF-8 stays recoverable as \u00XX of the byte; controls too. */
static void test_cmdline_keeps_bytes(void **state)
{
	struct json_case *c = *state;
	static const char cmd[] = "a\xff" "b\0\x1b[31m\0caf\xc3\xa9\0";
	fixture_write(c->root, "100/cmdline", cmd, sizeof cmd - 1);
	const char *text = render(c, false);
	assert_has(text, "\"cmdline\":[\"a\\u00ffb\",\"\\u001b[31m\","
	    "\"caf\xc3\xa9\"],");
}

/* setproctitle leaves no NUL at all: one argument, spaces kept. */
static void test_cmdline_without_nul(void **state)
{
	struct json_case *c = *state;
	fixture_writes(c->root, "100/cmdline", "nginx: worker process");
	const char *text = render(c, false);
	assert_has(text, "\"cmdline\":[\"nginx: worker process\"],");
}

static void test_cmdline_empty_and_missing(void **state)
{
	struct json_case *c = *state;
	fixture_write(c->root, "200/cmdline", "", 0);
	out_fixture_unlink(c->root, "100/cmdline");
	const char *text = render(c, false);
	assert_has(text, "{\"pid\":200,\"ppid\":100,\"comm\":\"child\","
	    "\"cmdline\":[],");
	assert_has(text, "\"comm\":\"nsdemo\",\"cmdline\":null,");
}

static void test_user_missing_is_null(void **state)
{
	struct json_case *c = *state;
	out_fixture_unlink(c->root, "200/status");
	const char *text = render(c, false);
	assert_has(text, "\"cmdline\":[\"child\"],\"user\":null,");
}

static void test_wchan_values(void **state)
{
	struct json_case *c = *state;
	out_fixture_unlink(c->root, "200/task/200/wchan");
	const char *text = render(c, false);
	assert_thread_has(text, 100, "\"wchan\":\"do_sys_poll\"");
	assert_thread_has(text, 101, "\"wchan\":null");
	assert_thread_has(text, 200, "\"wchan\":null");
}

static void test_syscall_values(void **state)
{
	struct json_case *c = *state;
	const char *text = render(c, false);
	const char *poll = syscall_name(7);
	char expect[64];

	if (poll != NULL) {
		snprintf(expect, sizeof expect, "\"syscall\":\"%s\"", poll);
		assert_thread_has(text, 100, expect);
	}
	assert_thread_has(text, 101, "\"syscall\":\"running\"");
	assert_thread_has(text, 200, "\"syscall\":null");
}

static void test_syscall_unknown_number(void **state)
{
	struct json_case *c = *state;
	fixture_writes(c->root, "100/task/102/syscall",
	    "99999 0x0 0x0 0x0 0x0 0x0 0x0 0x7ff 0x7ff\n");
	const char *text = render(c, false);
	assert_thread_has(text, 102, "\"syscall\":\"syscall_99999\"");
}

static void test_stack_not_read_without_flag(void **state)
{
	const char *text = render(*state, false);
	assert_thread_has(text, 100, "\"stack\":null,\"stack_error\":\"not read\"");
	assert_null(strstr(text, "do_sys_poll+"));
}

static void test_stack_frames(void **state)
{
	const char *text = render(*state, true);
	assert_thread_has(text, 100, "\"stack\":[\"do_sys_poll+0x1/0x2\","
	    "\"__x64_sys_poll+0x3/0x4\"],\"stack_error\":null");
	assert_thread_has(text, 102, "\"stack\":[\"inet_csk_accept+0x1f2/0x3b0\"]");
}

static void test_stack_missing_is_null_with_error(void **state)
{
	struct json_case *c = *state;
	out_fixture_unlink(c->root, "100/task/102/stack");
	const char *text = render(c, true);
	assert_thread_has(text, 102, "\"stack\":null,\"stack_error\":\"gone\"");
	assert_thread_has(text, 100, "\"stack_error\":null");
}

static void test_hostile_comm_escaped(void **state)
{
	struct json_case *c = *state;
	static const struct out_fixture_task t = { 103, "\x1b[2J\a\r\xff\"\\",
	    'S', 0, "0", NULL, NULL };
	out_fixture_thread(c->root, 100, 1, &t);
	const char *text = render(c, true);
	assert_thread_has(text, 103,
	    "\"comm\":\"\\u001b[2J\\u0007\\r\\u00ff\\\"\\\\\"");
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		assert_true(*p >= 0x20 || *p == '\n');
}

static void test_unreadable_stat_is_null(void **state)
{
	struct json_case *c = *state;
	fixture_writes(c->root, "100/task/101/stat", "garbage\n");
	const char *text = render(c, false);
	assert_thread_has(text, 101, "{\"tid\":101,\"comm\":null,\"state\":null,"
	    "\"cpu_percent\":null,");
}

/* No readable stat at all: no parent, state or comm is made up. */
static void test_process_without_stat(void **state)
{
	struct json_case *c = *state;
	fixture_writes(c->root, "200/task/200/stat", "200 (child\n");
	const char *text = render(c, false);
	assert_has(text, "{\"pid\":200,\"ppid\":null,\"comm\":null,");
	assert_has(text, "\"user\":\"root\",\"state\":null,");
	assert_has(text, "\"rss_kb\":null,\"cpu_percent\":null,");
}

static void test_rss_kb(void **state)
{
	struct json_case *c = *state;
	char expect[48];
	const char *text = render(c, false);
	snprintf(expect, sizeof expect, "\"rss_kb\":%ld,", 3000 * c->s.page_kb);
	assert_has(text, expect);
}

static void test_only_selected_process(void **state)
{
	struct json_case *c = *state;
	const int only[] = { 200 };

	out_fixture_open(&c->s, c->root);
	out_fixture_only(only, 1);
	out_fixture_refresh(&c->s, 1.0, OUT_FIXTURE_WALL);
	const char *text = write_json(c, false);
	assert_null(strstr(text, "\"pid\":100,"));
	assert_has(text, "\"processes\":[{\"pid\":200,");
}

static void test_empty_tree(void **state)
{
	struct json_case *c = *state;
	fixture_remove(c->root);
	c->root = fixture_tree(NULL);
	const char *text = render(c, true);
	assert_has(text, "\"processes\":[]}\n");
}

/* A tree of another tree name instead of the case's own. */
static const char *render_fixture(struct json_case *c, const char *name,
    bool stack)
{
	fixture_remove(c->root);
	c->root = fixture_tree(name);
	return render(c, stack);
}

/* Seed 002: the leader called pthread_exit; its zombie's ns links are
 * unreadable, so the reference is the lowest live thread. */
static void test_leader_exited_fixture(void **state)
{
	const char *text = render_fixture(*state, "leader_exited", true);
	assert_has(text, "\"leader_exited\":true,");
	assert_has(text, "\"ns_ref_tid\":302,");
	assert_thread_has(text, 300, "\"state\":\"Z\"");
	assert_thread_has(text, 300, "\"net\":null");
	assert_thread_has(text, 300, "\"ns_differs\":[]");
}

static void test_hostile_fixture(void **state)
{
	const char *text = render_fixture(*state, "hostile", true);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		assert_true(*p >= 0x20 || *p == '\n');
	assert_has(text, "\\u001b");
}

#define CASE(f) cmocka_unit_test_setup_teardown(f, case_setup, case_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(test_valid_json_with_schema_keys),
		CASE(test_time_first),
		CASE(test_processes_in_pid_order),
		CASE(test_cpu_null_before_two_samples),
		CASE(test_cpu_after_two_samples),
		CASE(test_ns_differs_exact),
		CASE(test_ns_all_types),
		CASE(test_ns_several_differ),
		CASE(test_ns_unreadable_is_null),
		CASE(test_cmdline_array),
		CASE(test_cmdline_keeps_bytes),
		CASE(test_cmdline_without_nul),
		CASE(test_cmdline_empty_and_missing),
		CASE(test_user_missing_is_null),
		CASE(test_wchan_values),
		CASE(test_syscall_values),
		CASE(test_syscall_unknown_number),
		CASE(test_stack_not_read_without_flag),
		CASE(test_stack_frames),
		CASE(test_stack_missing_is_null_with_error),
		CASE(test_hostile_comm_escaped),
		CASE(test_unreadable_stat_is_null),
		CASE(test_process_without_stat),
		CASE(test_rss_kb),
		CASE(test_only_selected_process),
		CASE(test_empty_tree),
		CASE(test_leader_exited_fixture),
		CASE(test_hostile_fixture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
