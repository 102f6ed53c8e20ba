/* test_cli.c - the command line: every option, every error one line. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tasktop/cli.h"

#define MAX_ARGS 1100

static struct cli_opts opts;
static char err[256];

/* Parse a NULL-terminated argument list (argv[0] added); returns cli_parse's
 * result.  The list is copied: getopt permutes argv. */
static int parse_list(const char *const *args)
{
	static char *argv[MAX_ARGS + 2];
	int argc = 0;

	argv[argc++] = (char *)"tasktop";
	while (*args != NULL && argc <= MAX_ARGS)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	return cli_parse(argc, argv, &opts, err, sizeof err);
}

#define PARSE(...) parse_list((const char *const[]){ __VA_ARGS__, NULL })

/* The parse fails with a message holding every one of the given parts. */
static void expect_error(int rc, const char *part1, const char *part2)
{
	assert_int_equal(rc, -1);
	assert_true(strncmp(err, "tasktop: ", 9) == 0);
	assert_null(strchr(err, '\n'));
	assert_non_null(strstr(err, part1));
	if (part2 != NULL)
		assert_non_null(strstr(err, part2));
}

static void test_defaults(void **state)
{
	(void)state;
	assert_int_equal(parse_list((const char *const[]){ NULL }), 0);
	assert_int_equal(opts.mode, MODE_INTERACTIVE);
	assert_true(opts.delay == 1.0);
	assert_int_equal(opts.iterations, -1);
	assert_string_equal(opts.proc_root, "/proc");
	assert_null(opts.theme);
	assert_int_equal(opts.nids, 0);
	assert_false(opts.threads);
	assert_false(opts.stack);
}

static void test_pid_list(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-p", "1,22,333"), 0);
	assert_int_equal(opts.nids, 3);
	assert_int_equal(opts.ids[0], 1);
	assert_int_equal(opts.ids[1], 22);
	assert_int_equal(opts.ids[2], 333);
}

static void test_pid_repeated_accumulate(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-p", "5", "--pid=6,7", "-p8"), 0);
	assert_int_equal(opts.nids, 4);
	assert_int_equal(opts.ids[0], 5);
	assert_int_equal(opts.ids[3], 8);
}

static void test_pid_junk(void **state)
{
	(void)state;
	expect_error(PARSE("-p", "12x"), "-p", "'12x' is not a pid or tid");
	expect_error(PARSE("-p", "1,x2"), "-p", "'x2'");
	expect_error(PARSE("-p", "+5"), "-p", "'+5'");
	expect_error(PARSE("-p", " 5"), "-p", "not a pid");
	expect_error(PARSE("-p", "-5"), "-p", "'-5'");
}

static void test_pid_zero(void **state)
{
	(void)state;
	expect_error(PARSE("-p", "0"), "-p", "'0' is not a pid or tid");
	expect_error(PARSE("-p", "000"), "-p", "'000'");
}

static void test_pid_empty(void **state)
{
	(void)state;
	expect_error(PARSE("-p", ""), "-p", "empty");
	expect_error(PARSE("-p", "1,,2"), "-p", "empty");
	expect_error(PARSE("-p", "1,"), "-p", "empty");
	expect_error(PARSE("-p", ",1"), "-p", "empty");
}

static void test_pid_overflow(void **state)
{
	(void)state;
	expect_error(PARSE("-p", "99999999999"), "-p", "out of range");
	expect_error(PARSE("-p", "2147483648"), "-p", "out of range");
	expect_error(PARSE("-p", "184467440737095516161"), "-p", "out of range");
	assert_int_equal(PARSE("-p", "2147483647"), 0);
	assert_int_equal(opts.ids[0], 2147483647);
}

/* CLI_MAX_IDS ids fit, one more is an error, not a silent drop. */
static void test_pid_too_many(void **state)
{
	static char list[CLI_MAX_IDS * 6 + 8];
	size_t len = 0;
	(void)state;

	for (int i = 1; i <= CLI_MAX_IDS; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%d",
		    i > 1 ? "," : "", i);
	assert_int_equal(PARSE("-p", list), 0);
	assert_int_equal(opts.nids, CLI_MAX_IDS);
	expect_error(PARSE("-p", list, "-p", "9"), "-p", "more than 1024");
}

static void test_delay_values(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-d", "2.5"), 0);
	assert_true(opts.delay == 2.5);
	assert_int_equal(PARSE("--delay=0.05"), 0);
	assert_true(opts.delay == 0.05);
	assert_int_equal(PARSE("-d", "1e1"), 0);
	assert_true(opts.delay == 10.0);
}

static void test_delay_not_a_number(void **state)
{
	(void)state;
	expect_error(PARSE("-d", "abc"), "-d", "'abc' is not a number of seconds");
	expect_error(PARSE("-d", ""), "-d", "not a number");
	expect_error(PARSE("-d", "1s"), "-d", "'1s'");
	expect_error(PARSE("-d", " 1"), "-d", "not a number");
	expect_error(PARSE("-d", "0x10"), "-d", "not a number");
}

static void test_delay_not_finite(void **state)
{
	(void)state;
	expect_error(PARSE("-d", "nan"), "-d", "not a number");
	expect_error(PARSE("-d", "inf"), "-d", "not a number");
	expect_error(PARSE("-d", "-inf"), "-d", "not a number");
	expect_error(PARSE("-d", "1e999"), "-d", "not a number");
}

static void test_delay_negative(void **state)
{
	(void)state;
	expect_error(PARSE("-d", "-1"), "-d", "negative");
	expect_error(PARSE("-b", "-d", "-0.5"), "-d", "negative");
}

static void test_delay_too_long(void **state)
{
	(void)state;
	expect_error(PARSE("-d", "1e9"), "-d", "longer than a year");
}

/* -d 0 is top -d 0 for -b and --json; interactively it would spin. */
static void test_delay_zero(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-b", "-d", "0"), 0);
	assert_true(opts.delay == 0.0);
	assert_int_equal(PARSE("--json", "-d", "0"), 0);
	expect_error(PARSE("-d", "0"), "-d", "too short");
	expect_error(PARSE("-d", "0.01"), "-d", "'0.01' is too short");
}

static void test_iterations(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-b", "-n", "3"), 0);
	assert_int_equal(opts.mode, MODE_BATCH);
	assert_int_equal(opts.iterations, 3);
	assert_int_equal(PARSE("--json", "--iterations=1"), 0);
	assert_int_equal(opts.iterations, 1);
}

static void test_iterations_bad(void **state)
{
	(void)state;
	expect_error(PARSE("-b", "-n", "0"), "-n", "'0' is not a positive");
	expect_error(PARSE("-b", "-n", "-1"), "-n", "'-1'");
	expect_error(PARSE("-b", "-n", "abc"), "-n", "'abc'");
	expect_error(PARSE("-b", "-n", "3x"), "-n", "'3x'");
	expect_error(PARSE("-b", "-n", ""), "-n", "not a positive");
	expect_error(PARSE("-b", "-n", "99999999999999999999"), "-n",
	    "out of range");
}

static void test_iterations_needs_output_mode(void **state)
{
	(void)state;
	expect_error(PARSE("-n", "2"), "-n", "only with -b or --json");
}

static void test_threads_needs_batch(void **state)
{
	(void)state;
	expect_error(PARSE("-H"), "-H", "only with -b");
	expect_error(PARSE("--json", "-H"), "-H", "only with -b");
	assert_int_equal(PARSE("-bH"), 0);
	assert_true(opts.threads);
	assert_int_equal(opts.mode, MODE_BATCH);
}

static void test_stack_needs_json(void **state)
{
	(void)state;
	expect_error(PARSE("--stack"), "--stack", "only with --json");
	expect_error(PARSE("-b", "--stack"), "--stack", NULL);
	assert_int_equal(PARSE("--json", "--stack"), 0);
	assert_int_equal(opts.mode, MODE_JSON);
	assert_true(opts.stack);
}

static void test_stacks(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-b", "--stacks"), 0);
	assert_true(opts.stacks);
	assert_int_equal(opts.samples, 0);
	assert_int_equal(PARSE("--json", "--stacks", "--samples", "20",
	    "--interval", "0.1"), 0);
	assert_int_equal(opts.samples, 20);
	assert_true(opts.sample_interval == 0.1);
	assert_int_equal(PARSE("-b", "--stacks", "--samples", "3"), 0);
	assert_true(opts.sample_interval == 0.05);
	expect_error(PARSE("--stacks"), "--stacks", "-b or --json");
	expect_error(PARSE("-b", "--samples", "3"), "--samples", "--stacks");
	expect_error(PARSE("-b", "--stacks", "--interval", "1"), "--interval",
	    "--samples");
	expect_error(PARSE("-b", "-H", "--stacks"), "-H", "--stacks");
	expect_error(PARSE("-b", "--stacks", "--samples", "0"), "--samples", "'0'");
	expect_error(PARSE("-b", "--stacks", "--samples", "1201"), "--samples",
	    "1200");
	expect_error(PARSE("-b", "--stacks", "--samples", "x"), "--samples", "'x'");
	expect_error(PARSE("-b", "--stacks", "--samples", "2", "--interval",
	    "0"), "--interval", "between");
	expect_error(PARSE("-b", "--stacks", "--samples", "2", "--interval",
	    "61"), "--interval", "between");
	expect_error(PARSE("-b", "--stacks", "--samples", "2", "--interval",
	    "0x1"), "--interval", "not a number");
	expect_error(PARSE("-b", "--stacks", "--samples", "2", "--interval",
	    "nan"), "--interval", "not a number");
}

static void test_batch_and_json_conflict(void **state)
{
	(void)state;
	expect_error(PARSE("-b", "--json"), "-b", "--json");
	expect_error(PARSE("--json", "-b"), "-b", "--json");
}

static void test_theme(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-t", "dark"), 0);
	assert_string_equal(opts.theme, "dark");
	expect_error(PARSE("-b", "-t", "dark"), "-t", "interactive");
	expect_error(PARSE("-t", ""), "-t", "empty");
}

static void test_proc_root(void **state)
{
	(void)state;
	assert_int_equal(PARSE("--proc-root", "/tmp/fixture"), 0);
	assert_string_equal(opts.proc_root, "/tmp/fixture");
	assert_int_equal(PARSE("--proc-root=/x", "-b"), 0);
	assert_string_equal(opts.proc_root, "/x");
	expect_error(PARSE("--proc-root", ""), "--proc-root", "empty");
}

static void test_unknown_option(void **state)
{
	(void)state;
	expect_error(PARSE("-x"), "unknown option", "'-x'");
	expect_error(PARSE("-bx"), "unknown option", "'-x'");
	expect_error(PARSE("--bogus"), "unknown", "'--bogus'");
}

/* "--p" could be --pid or --proc-root. */
static void test_ambiguous_option(void **state)
{
	(void)state;
	expect_error(PARSE("--p", "1"), "ambiguous", "'--p'");
}

static void test_missing_argument(void **state)
{
	(void)state;
	expect_error(PARSE("-d"), "-d", "missing argument");
	expect_error(PARSE("-p"), "-p", "missing argument");
	expect_error(PARSE("-b", "-n"), "-n", "missing argument");
	expect_error(PARSE("--proc-root"), "--proc-root", "missing argument");
	expect_error(PARSE("-t"), "-t", "missing argument");
}

static void test_argument_to_flag(void **state)
{
	(void)state;
	expect_error(PARSE("--json=1"), "'--json=1'", "takes no argument");
	expect_error(PARSE("--batch=yes"), "'--batch=yes'", "no argument");
}

static void test_unexpected_argument(void **state)
{
	(void)state;
	expect_error(PARSE("-b", "1234"), "unexpected argument", "'1234'");
}

static void test_help_and_version(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-h"), 0);
	assert_int_equal(opts.mode, MODE_HELP);
	assert_int_equal(PARSE("--help"), 0);
	assert_int_equal(opts.mode, MODE_HELP);
	assert_int_equal(PARSE("-V"), 0);
	assert_int_equal(opts.mode, MODE_VERSION);
	assert_int_equal(PARSE("--version"), 0);
	assert_int_equal(opts.mode, MODE_VERSION);
}

/* Help wins over a combination that would be an error. */
static void test_help_over_conflict(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-b", "--json", "--help"), 0);
	assert_int_equal(opts.mode, MODE_HELP);
}

static void test_usage_lists_every_option(void **state)
{
	static const char *const options[] = {
		"-p, --pid", "-d, --delay", "-t, --theme", "--proc-root",
		"-b, --batch", "-H, --threads", "--json", "--stack",
		"-n, --iterations", "-h, --help", "-V, --version", "F9", "Tab",
		"--stacks", "--samples N", "--interval",
	};
	const char *usage = cli_usage();
	(void)state;

	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		assert_non_null(strstr(usage, options[i]));
	assert_int_equal(usage[strlen(usage) - 1], '\n');
}

static void test_usage_is_plain_ascii(void **state)
{
	const unsigned char *u = (const unsigned char *)cli_usage();
	(void)state;

	for (; *u; u++)
		assert_true(*u == '\n' || (*u >= 0x20 && *u < 0x7f));
}

/* argv is untrusted too: an escape sequence must not reach stderr raw. */
static void test_error_sanitizes_argument(void **state)
{
	(void)state;
	expect_error(PARSE("-p", "\x1b[2J\a7"), "-p", "\\x1b");
	for (const char *c = err; *c; c++)
		assert_true((unsigned char)*c >= 0x20 && *c != 0x7f);
}

/* A huge argument is cut in the message, which stays one line. */
static void test_error_cuts_long_argument(void **state)
{
	static char junk[5000];
	(void)state;

	memset(junk, 'z', sizeof junk - 1);
	expect_error(PARSE("-d", junk), "-d", "not a number");
	assert_true(strlen(err) < 120);
}

static void test_error_fits_small_buffer(void **state)
{
	struct cli_opts o;
	char small[12];
	char *argv[] = { (char *)"tasktop", (char *)"-d", (char *)"abc", NULL };
	(void)state;

	memset(small, 'X', sizeof small);
	assert_int_equal(cli_parse(3, argv, &o, small, sizeof small), -1);
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_true(strncmp(small, "tasktop: ", 9) == 0);
}

/* Each parse starts afresh: no state leaks from a failed one. */
static void test_parse_is_repeatable(void **state)
{
	(void)state;
	expect_error(PARSE("-b", "-n", "0"), "-n", NULL);
	assert_int_equal(PARSE("-p", "4"), 0);
	assert_int_equal(opts.mode, MODE_INTERACTIVE);
	assert_int_equal(opts.nids, 1);
	assert_int_equal(opts.iterations, -1);
	assert_string_equal(err, "");
}

static void test_batch_full_line(void **state)
{
	(void)state;
	assert_int_equal(PARSE("-b", "-H", "-n", "2", "-d", "0.5", "-p", "1,2",
	    "--proc-root", "/r"), 0);
	assert_int_equal(opts.mode, MODE_BATCH);
	assert_true(opts.threads);
	assert_int_equal(opts.iterations, 2);
	assert_true(opts.delay == 0.5);
	assert_int_equal(opts.nids, 2);
	assert_string_equal(opts.proc_root, "/r");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_pid_list),
		cmocka_unit_test(test_pid_repeated_accumulate),
		cmocka_unit_test(test_pid_junk),
		cmocka_unit_test(test_pid_zero),
		cmocka_unit_test(test_pid_empty),
		cmocka_unit_test(test_pid_overflow),
		cmocka_unit_test(test_pid_too_many),
		cmocka_unit_test(test_delay_values),
		cmocka_unit_test(test_delay_not_a_number),
		cmocka_unit_test(test_delay_not_finite),
		cmocka_unit_test(test_delay_negative),
		cmocka_unit_test(test_delay_too_long),
		cmocka_unit_test(test_delay_zero),
		cmocka_unit_test(test_iterations),
		cmocka_unit_test(test_iterations_bad),
		cmocka_unit_test(test_iterations_needs_output_mode),
		cmocka_unit_test(test_threads_needs_batch),
		cmocka_unit_test(test_stack_needs_json),
		cmocka_unit_test(test_stacks),
		cmocka_unit_test(test_batch_and_json_conflict),
		cmocka_unit_test(test_theme),
		cmocka_unit_test(test_proc_root),
		cmocka_unit_test(test_unknown_option),
		cmocka_unit_test(test_ambiguous_option),
		cmocka_unit_test(test_missing_argument),
		cmocka_unit_test(test_argument_to_flag),
		cmocka_unit_test(test_unexpected_argument),
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_help_over_conflict),
		cmocka_unit_test(test_usage_lists_every_option),
		cmocka_unit_test(test_usage_is_plain_ascii),
		cmocka_unit_test(test_error_sanitizes_argument),
		cmocka_unit_test(test_error_cuts_long_argument),
		cmocka_unit_test(test_error_fits_small_buffer),
		cmocka_unit_test(test_parse_is_repeatable),
		cmocka_unit_test(test_batch_full_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
