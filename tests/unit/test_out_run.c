/* test_out_run.c - the -b/--json loop, run in a child process (it owns
 * stdout and the signal handlers): samples, the -n 1 pre-sample, stopping
 * on a signal, and quiet EPIPE versus a real write error. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "json_check.h"
#include "test_out_fixture.h"
#include "tasktop/out.h"

static struct cli_opts run_opts(enum run_mode mode, long iterations,
    double delay, const char *root)
{
	struct cli_opts o;
	memset(&o, 0, sizeof o);
	o.mode = mode;
	o.iterations = iterations;
	o.delay = delay;
	o.proc_root = root;
	return o;
}

/* Fork a child running out_run with stdout on out_fd; returns its pid. */
static pid_t start_run(const struct cli_opts *o, int out_fd)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static struct snapshot s;
		char err[256];
		dup2(out_fd, STDOUT_FILENO);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDERR_FILENO);
		struct source *src = source_open(SOURCE_PROCFS, o->proc_root,
		    err, sizeof err);
		if (src == NULL)
			_exit(99);
		snapshot_init(&s);
		_exit(out_run(o, src, &s));
	}
	return pid;
}

static int wait_status(pid_t pid)
{
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

/* Read everything until EOF into a malloc'd string. */
static char *read_all(int fd)
{
	size_t len = 0, cap = 4096;
	char *text = malloc(cap);
	ssize_t n;
	while ((n = read(fd, text + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len < 2)
			text = realloc(text, cap *= 2);
	}
	text[len] = '\0';
	return text;
}

/* Run to completion; *status gets the exit status; returns the output. */
static char *run_capture(const struct cli_opts *o, int *status)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = start_run(o, fds[1]);
	close(fds[1]);
	char *text = read_all(fds[0]);
	close(fds[0]);
	*status = wait_status(pid);
	return text;
}

/* Run on a fresh netns tree to completion; the output, and the exit status
 * in *status. */
static char *run_on_tree(enum run_mode mode, long iterations, double delay,
    int *status)
{
	char *root = out_fixture_netns_tree();
	struct cli_opts o = run_opts(mode, iterations, delay, root);
	char *text = run_capture(&o, status);
	fixture_remove(root);
	return text;
}

static size_t count(const char *text, const char *needle)
{
	size_t n = 0;
	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void test_json_lines(void **state)
{
	int status;
	char *text = run_on_tree(MODE_JSON, 3, 0, &status);
	(void)state;

	assert_int_equal(status, 0);
	assert_int_equal(count(text, "\n"), 3);
	for (char *line = text, *nl; (nl = strchr(line, '\n')) != NULL;
	    line = nl + 1)
		assert_int_equal(json_check(line, (size_t)(nl - line), NULL), 0);
	free(text);
}

static void test_batch_samples_separated(void **state)
{
	int status;
	char *text = run_on_tree(MODE_BATCH, 2, 0, &status);
	(void)state;

	assert_int_equal(status, 0);
	assert_int_equal(count(text, "tasktop - "), 2);
	assert_int_equal(count(text, "\n\ntasktop - "), 1);
	free(text);
}

/* -n 1 takes a silent sample first, so its one sample has CPU%. */
static void test_single_sample_has_cpu(void **state)
{
	int status;
	char *text = run_on_tree(MODE_JSON, 1, 0.01, &status);
	(void)state;

	assert_int_equal(status, 0);
	assert_int_equal(count(text, "\n"), 1);
	assert_null(strstr(text, "\"cpu_percent\":null"));
	assert_non_null(strstr(text, "\"cpu_percent\":0.0"));
	free(text);
}

/* The same rule whatever -n: the first of several samples has CPU% too,
 * as the one of -n 1 has (a script reading the first record of -n 3 gets
 * what -n 1 would give). */
static void test_first_of_several_has_cpu(void **state)
{
	int status;
	char *text = run_on_tree(MODE_JSON, 2, 0.01, &status);
	char *nl = strchr(text, '\n');
	(void)state;

	assert_int_equal(status, 0);
	assert_int_equal(count(text, "\n"), 2);
	assert_non_null(nl);
	*nl = '\0';
	assert_null(strstr(text, "\"cpu_percent\":null"));
	assert_non_null(strstr(text, "\"cpu_percent\":0.0"));
	free(text);
}

/* -d 0 asks for no wait at all: then CPU% is unknown, not 0. */
static void test_single_sample_no_delay(void **state)
{
	int status;
	char *text = run_on_tree(MODE_JSON, 1, 0, &status);
	(void)state;

	assert_int_equal(status, 0);
	assert_null(strstr(text, "\"cpu_percent\":0"));
	assert_non_null(strstr(text, "\"cpu_percent\":null"));
	free(text);
}

/* A reader that went away (`| head`) is no error. */
static void test_closed_pipe_is_quiet(void **state)
{
	char *root = out_fixture_netns_tree();
	struct cli_opts o = run_opts(MODE_BATCH, -1, 0, root);
	int fds[2];
	(void)state;

	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	pid_t pid = start_run(&o, fds[1]);
	close(fds[1]);
	assert_int_equal(wait_status(pid), 0);
	fixture_remove(root);
}

static void test_write_error_fails(void **state)
{
	char *root = out_fixture_netns_tree();
	struct cli_opts o = run_opts(MODE_JSON, 1, 0, root);
	int full = open("/dev/full", O_WRONLY);
	(void)state;

	if (full < 0)
		skip();
	pid_t pid = start_run(&o, full);
	close(full);
	assert_int_equal(wait_status(pid), 1);
	fixture_remove(root);
}

/* SIGTERM during the sleep ends the run at once, after a whole sample. */
static void test_signal_stops_at_boundary(void **state)
{
	char *root = out_fixture_netns_tree();
	struct cli_opts o = run_opts(MODE_JSON, -1, 30, root);
	char first[65536];
	int fds[2];
	size_t len = 0;
	(void)state;

	assert_int_equal(pipe(fds), 0);
	pid_t pid = start_run(&o, fds[1]);
	close(fds[1]);
	while (len == 0 || first[len - 1] != '\n') {
		ssize_t n = read(fds[0], first + len, sizeof first - len);
		assert_true(n > 0);
		len += (size_t)n;
	}
	assert_int_equal(kill(pid, SIGTERM), 0);
	assert_int_equal(wait_status(pid), 0);
	char *rest = read_all(fds[0]);
	assert_string_equal(rest, "");
	free(rest);
	close(fds[0]);
	fixture_remove(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_batch_samples_separated),
		cmocka_unit_test(test_single_sample_has_cpu),
		cmocka_unit_test(test_first_of_several_has_cpu),
		cmocka_unit_test(test_single_sample_no_delay),
		cmocka_unit_test(test_closed_pipe_is_quiet),
		cmocka_unit_test(test_write_error_fails),
		cmocka_unit_test(test_signal_stops_at_boundary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
