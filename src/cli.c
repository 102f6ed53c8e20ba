/*
 * cli.c - the command line (README.md "Using it").  getopt_long does the
 * scanning with its own messages off, so that every error is one line of
 * ours naming the option; the values are checked strictly because scripts
 * drive -b and --json and a silently misread number would mislead them.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/cli.h"
#include "tasktop/text.h"

/* Interactive refreshes faster than this only burn CPU redrawing. */
#define CLI_MIN_INTERACTIVE_DELAY	0.05
/* Keeps the nanosleep() arguments far from time_t overflow. */
#define CLI_MAX_DELAY			(366.0 * 24 * 3600)
/* --samples: 20 a second for a minute is plenty; --interval's default
 * is psn's 20 a second, and its range keeps a run to hours at most. */
#define CLI_MAX_SAMPLES			1200
#define CLI_DEFAULT_SAMPLE_INTERVAL	0.05
#define CLI_MAX_SAMPLE_INTERVAL		60.0
/* Columns of a quoted argument in a message: argv is untrusted too. */
#define CLI_QUOTE_COLS			40

enum long_only_option {
	OPT_JSON = 256,
	OPT_STACK,
	OPT_USTACK,
	OPT_PROC_ROOT,
	OPT_NETNS,
	OPT_STACKS,
	OPT_SAMPLES,
	OPT_INTERVAL,
	OPT_SOURCE,
};

static const struct option cli_long_options[] = {
	{ "pid",	required_argument,	NULL,	'p' },
	{ "delay",	required_argument,	NULL,	'd' },
	{ "iterations",	required_argument,	NULL,	'n' },
	{ "batch",	no_argument,		NULL,	'b' },
	{ "threads",	no_argument,		NULL,	'H' },
	{ "theme",	required_argument,	NULL,	't' },
	{ "json",	no_argument,		NULL,	OPT_JSON },
	{ "stack",	no_argument,		NULL,	OPT_STACK },
	{ "netns",	no_argument,		NULL,	OPT_NETNS },
	{ "ustack",	no_argument,		NULL,	OPT_USTACK },
	{ "proc-root",	required_argument,	NULL,	OPT_PROC_ROOT },
	{ "stacks",	no_argument,		NULL,	OPT_STACKS },
	{ "samples",	required_argument,	NULL,	OPT_SAMPLES },
	{ "interval",	required_argument,	NULL,	OPT_INTERVAL },
	{ "source",	required_argument,	NULL,	OPT_SOURCE },
	{ "help",	no_argument,		NULL,	'h' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 },
};

/* Leading ':' so a missing argument is told apart from an unknown option. */
static const char cli_short_options[] = ":p:d:n:bHt:hV";

/* What the parse saw, before the combination checks. */
struct cli_seen {
	bool		 batch;
	bool		 json;
	bool		 threads;
	bool		 stack;
	bool		 netns;
	bool		 ustack;
	bool		 iterations;
	bool		 theme;
	bool		 stacks;
	bool		 samples;
	bool		 interval;
	const char	*delay_arg;	/* for messages about its range */
};

struct cli_error {
	char		*msg;
	size_t		 len;
};

static int cli_fail(struct cli_error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int cli_fail(struct cli_error *e, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(e->msg, e->len, "tasktop: ");
	if (n < 0 || (size_t)n >= e->len)
		return -1;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, e->len - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* A displayable, column-limited copy of an argument for a message.  The
 * returned pointer lives until the next call. */
static const char *cli_quote(const char *arg)
{
	static struct buf quoted;
	text_fit_cell(&quoted, arg, strlen(arg), CLI_QUOTE_COLS, false,
	    text_mode_from_locale());
	return quoted.data;
}

/* The name of an option as the user would type it, for messages. */
static const char *cli_option_name(int opt)
{
	static char shortname[3];
	switch (opt) {
	case OPT_JSON:
		return "--json";
	case OPT_STACK:
		return "--stack";
	case OPT_USTACK:
		return "--ustack";
	case OPT_PROC_ROOT:
		return "--proc-root";
	case OPT_NETNS:
		return "--netns";
	case OPT_STACKS:
		return "--stacks";
	case OPT_SAMPLES:
		return "--samples";
	case OPT_INTERVAL:
		return "--interval";
	case OPT_SOURCE:
		return "--source";
	default:
		shortname[0] = '-';
		shortname[1] = (char)opt;
		shortname[2] = '\0';
		return shortname;
	}
}

/* A positive decimal int: digits only, no sign, no spaces, no overflow. */
static int cli_parse_positive(const char *s, size_t len, long max, long *out)
{
	long v = 0;
	if (len == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (max - (s[i] - '0')) / 10)
			return -2;
		v = v * 10 + (s[i] - '0');
	}
	if (v == 0)
		return -1;
	*out = v;
	return 0;
}

static int cli_add_id(struct cli_opts *o, const char *item, size_t len,
    struct cli_error *e)
{
	char text[64];
	long id;
	int rc = cli_parse_positive(item, len, INT_MAX, &id);

	if (rc == 0 && o->nids == CLI_MAX_IDS)
		return cli_fail(e, "-p: more than %d pids or tids", CLI_MAX_IDS);
	if (rc == 0) {
		o->ids[o->nids++] = (int)id;
		return 0;
	}
	if (len >= sizeof text)
		len = sizeof text - 1;	/* cli_quote() cuts it shorter anyway */
	memcpy(text, item, len);
	text[len] = '\0';
	if (rc == -2)
		return cli_fail(e, "-p: '%s' is out of range", cli_quote(text));
	return cli_fail(e, "-p: '%s' is not a pid or tid", cli_quote(text));
}

/* "1,2,3": each item a positive decimal id; repeated -p accumulate. */
static int cli_parse_ids(struct cli_opts *o, const char *arg,
    struct cli_error *e)
{
	const char *item = arg;
	for (;;) {
		const char *comma = strchr(item, ',');
		size_t len = comma ? (size_t)(comma - item) : strlen(item);
		if (len == 0)
			return cli_fail(e, "-p: empty pid in '%s'", cli_quote(arg));
		if (cli_add_id(o, item, len, e) != 0)
			return -1;
		if (comma == NULL)
			return 0;
		item = comma + 1;
	}
}

/* main() has called setlocale(): "-d 0.5" must not depend on whether the
 * user's locale writes a decimal comma. */
static double cli_strtod_c(const char *s, char **end)
{
	static locale_t c_numeric;

	if (c_numeric == (locale_t)0)
		c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c_numeric == (locale_t)0)
		return strtod(s, end);
	return strtod_l(s, end, c_numeric);
}

static int cli_parse_delay(struct cli_opts *o, const char *arg,
    struct cli_error *e)
{
	/* strtod also takes leading spaces, hex and "inf": none is a delay. */
	bool plain = strchr("0123456789.-", arg[0]) != NULL && arg[0] != '\0' &&
	    strpbrk(arg, "xX") == NULL;
	char *end;
	double d;

	errno = 0;
	d = cli_strtod_c(arg, &end);
	if (!plain || end == arg || *end != '\0' || !isfinite(d) ||
	    (errno == ERANGE && d != 0.0))
		return cli_fail(e, "-d: '%s' is not a number of seconds",
		    cli_quote(arg));
	if (d < 0)
		return cli_fail(e, "-d: '%s' is negative", cli_quote(arg));
	if (d > CLI_MAX_DELAY)
		return cli_fail(e, "-d: '%s' is longer than a year",
		    cli_quote(arg));
	o->delay = d;
	return 0;
}

static int cli_parse_iterations(struct cli_opts *o, const char *arg,
    struct cli_error *e)
{
	long n;
	int rc = cli_parse_positive(arg, strlen(arg), LONG_MAX, &n);
	if (rc == -2)
		return cli_fail(e, "-n: '%s' is out of range", cli_quote(arg));
	if (rc != 0)
		return cli_fail(e, "-n: '%s' is not a positive number of "
		    "iterations", cli_quote(arg));
	o->iterations = n;
	return 0;
}

static int cli_parse_samples(struct cli_opts *o, const char *arg,
    struct cli_error *e)
{
	long n;
	int rc = cli_parse_positive(arg, strlen(arg), CLI_MAX_SAMPLES, &n);

	if (rc == -2)
		return cli_fail(e, "--samples: '%s' is more than %d",
		    cli_quote(arg), CLI_MAX_SAMPLES);
	if (rc != 0)
		return cli_fail(e, "--samples: '%s' is not a positive number "
		    "of samples", cli_quote(arg));
	o->samples = n;
	return 0;
}

/* Seconds as -d takes them, but more than 0 and at most a minute. */
static int cli_parse_interval(struct cli_opts *o, const char *arg,
    struct cli_error *e)
{
	char *end;
	double d;

	errno = 0;
	d = cli_strtod_c(arg, &end);
	if (strchr("0123456789.", arg[0]) == NULL || arg[0] == '\0' ||
	    strpbrk(arg, "xX") != NULL || end == arg || *end != '\0' ||
	    !isfinite(d) || errno == ERANGE)
		return cli_fail(e, "--interval: '%s' is not a number of seconds",
		    cli_quote(arg));
	if (d <= 0 || d > CLI_MAX_SAMPLE_INTERVAL)
		return cli_fail(e, "--interval: '%s' is not between 0 and %.0f "
		    "seconds", cli_quote(arg), CLI_MAX_SAMPLE_INTERVAL);
	o->sample_interval = d;
	return 0;
}

static int cli_parse_text(const char **dst, int opt, const char *arg,
    struct cli_error *e)
{
	if (arg[0] == '\0')
		return cli_fail(e, "%s: the argument is empty",
		    cli_option_name(opt));
	*dst = arg;
	return 0;
}

static int cli_parse_source(struct cli_opts *o, const char *arg,
    struct cli_error *e)
{
	if (strcmp(arg, "auto") == 0)
		o->source = SOURCE_AUTO;
	else if (strcmp(arg, "bpf") == 0)
		o->source = SOURCE_BPF;
	else if (strcmp(arg, "procfs") == 0)
		o->source = SOURCE_PROCFS;
	else
		return cli_fail(e, "--source: '%s' is not auto, bpf or procfs",
		    cli_quote(arg));
	return 0;
}

static bool cli_is_known_option(int opt)
{
	return opt >= OPT_JSON ||
	    (opt > 0 && opt != ':' && strchr(cli_short_options, opt) != NULL);
}

/* getopt's '?' and ':' as one line of ours. */
static int cli_scan_error(int opt, char **argv, struct cli_error *e)
{
	if (opt == ':')
		return cli_fail(e, "%s: missing argument",
		    cli_option_name(optopt));
	if (cli_is_known_option(optopt))
		return cli_fail(e, "'%s': the option takes no argument",
		    cli_quote(argv[optind - 1]));
	if (optopt != 0)
		return cli_fail(e, "unknown option '-%s'",
		    cli_quote((char[]){ (char)optopt, '\0' }));
	return cli_fail(e, "unknown or ambiguous option '%s'",
	    cli_quote(argv[optind - 1]));
}

static int cli_apply(int opt, const char *arg, struct cli_opts *o,
    struct cli_seen *seen, struct cli_error *e)
{
	switch (opt) {
	case 'p':
		return cli_parse_ids(o, arg, e);
	case 'd':
		seen->delay_arg = arg;
		o->delay_given = true;
		return cli_parse_delay(o, arg, e);
	case 'n':
		seen->iterations = true;
		return cli_parse_iterations(o, arg, e);
	case 'b':
		seen->batch = true;
		return 0;
	case 'H':
		seen->threads = true;
		return 0;
	case 't':
		seen->theme = true;
		return cli_parse_text(&o->theme, opt, arg, e);
	case OPT_JSON:
		seen->json = true;
		return 0;
	case OPT_STACK:
		seen->stack = true;
		return 0;
	case OPT_NETNS:
		seen->netns = true;
		return 0;
	case OPT_USTACK:
		seen->ustack = true;
		return 0;
	case OPT_PROC_ROOT:
		return cli_parse_text(&o->proc_root, opt, arg, e);
	case OPT_STACKS:
		seen->stacks = true;
		return 0;
	case OPT_SAMPLES:
		seen->samples = true;
		return cli_parse_samples(o, arg, e);
	case OPT_INTERVAL:
		seen->interval = true;
		return cli_parse_interval(o, arg, e);
	case OPT_SOURCE:
		return cli_parse_source(o, arg, e);
	default:
		return cli_fail(e, "internal error: option %d", opt);
	}
}

/* The options that only make sense together, and the mode they select. */
static int cli_check_combination(struct cli_opts *o,
    const struct cli_seen *seen, struct cli_error *e)
{
	if (seen->batch && seen->json)
		return cli_fail(e, "-b and --json cannot be used together");
	if (seen->threads && !seen->batch)
		return cli_fail(e, "-H: only with -b");
	if (seen->stack && !seen->json)
		return cli_fail(e, "--stack: only with --json");
	if (seen->netns && !seen->json)
		return cli_fail(e, "--netns: only with --json");
	if (seen->ustack && !seen->json && !seen->batch)
		return cli_fail(e, "--ustack: only with --json or -b");
	if (seen->iterations && !seen->batch && !seen->json)
		return cli_fail(e, "-n: only with -b or --json");
	if (seen->theme && (seen->batch || seen->json))
		return cli_fail(e, "-t: only in the interactive mode");
	if (seen->stacks && !seen->batch && !seen->json)
		return cli_fail(e, "--stacks: only with -b or --json");
	if (seen->samples && !seen->stacks)
		return cli_fail(e, "--samples: only with --stacks");
	if (seen->interval && !seen->samples)
		return cli_fail(e, "--interval: only with --samples");
	if (seen->samples && seen->ustack)
		return cli_fail(e, "--samples: kernel stacks only, not with --ustack");
	if (seen->stacks && seen->threads)
		return cli_fail(e, "-H and --stacks cannot be used together");
	o->mode = seen->batch ? MODE_BATCH : seen->json ? MODE_JSON :
	    MODE_INTERACTIVE;
	o->threads = seen->threads;
	o->stack = seen->stack;
	o->netns = seen->netns;
	o->stacks = seen->stacks;
	o->ustack = seen->ustack;
	if (o->mode == MODE_INTERACTIVE &&
	    o->delay < CLI_MIN_INTERACTIVE_DELAY)
		return cli_fail(e, "-d: '%s' is too short (at least %.2f "
		    "seconds interactively)", cli_quote(seen->delay_arg),
		    CLI_MIN_INTERACTIVE_DELAY);
	return 0;
}

static void cli_defaults(struct cli_opts *o)
{
	memset(o, 0, sizeof *o);
	o->mode = MODE_INTERACTIVE;
	o->iterations = -1;
	o->delay = 1.0;
	o->proc_root = "/proc";
	o->sample_interval = CLI_DEFAULT_SAMPLE_INTERVAL;
}

int cli_parse(int argc, char **argv, struct cli_opts *o, char *err,
    size_t errlen)
{
	struct cli_error e = { err, errlen };
	struct cli_seen seen = { 0 };
	int opt;

	cli_defaults(o);
	if (errlen > 0)
		err[0] = '\0';
	opterr = 0;
	optind = 0;	/* GNU: a full reset, so tests may parse many times */
	while ((opt = getopt_long(argc, argv, cli_short_options,
	    cli_long_options, NULL)) != -1) {
		if (opt == 'h' || opt == 'V') {
			o->mode = opt == 'h' ? MODE_HELP : MODE_VERSION;
			return 0;
		}
		if (opt == '?' || opt == ':')
			return cli_scan_error(opt, argv, &e);
		if (cli_apply(opt, optarg, o, &seen, &e) != 0)
			return -1;
	}
	if (optind < argc)
		return cli_fail(&e, "unexpected argument '%s'",
		    cli_quote(argv[optind]));
	return cli_check_combination(o, &seen, &e);
}

const char *cli_usage(void)
{
	return
"Usage: tasktop [-p PID[,PID...]] [-d SECONDS] [-t THEME] [--proc-root DIR]\n"
"               [--source auto|bpf|procfs]\n"
"       tasktop -b [-H] [--ustack] [-n N] [-d SECONDS] [-p PID[,PID...]]\n"
"       tasktop -b --stacks [--samples N [--interval SECONDS]] [-n N] [-p ...]\n"
"       tasktop --json [-n N] [-d SECONDS] [--stack] [--ustack] [--stacks]\n"
"                      [--netns] [-p PID[,PID...]]\n"
"       tasktop -h | --help,  -V | --version\n"
"\n"
"A top for processes and their threads: kernel stack, status and namespaces\n"
"of the selected thread; threads whose network namespace is not their\n"
"process's are marked.\n"
"\n"
"Options:\n"
"  -p, --pid LIST      show only these processes; a tid selects its thread\n"
"                      (comma-separated; may be repeated)\n"
"  -d, --delay SECS    seconds between refreshes (default 1; at least 0.05\n"
"                      interactively, 0 allowed with -b and --json)\n"
"  -t, --theme NAME    colour theme (interactive)\n"
"      --proc-root DIR read DIR instead of /proc\n"
"      --source SRC    where tasks are read: bpf (a task iterator: root or\n"
"                      CAP_BPF+CAP_PERFMON, kernel BTF), procfs, or auto\n"
"                      (default: bpf when it loads; -V says which and why)\n"
"  -b, --batch         plain text to stdout, like top -b\n"
"  -H, --threads       with -b: a row for every thread\n"
"      --json          one JSON object per refresh (JSON Lines)\n"
"      --stack         with --json: each thread's kernel stack\n"
"      --netns         with --json: each network namespace's interfaces,\n"
"                      addresses and listening sockets\n"
"      --stacks        with -b or --json: each process's threads grouped by\n"
"                      identical kernel stack, largest group first\n"
"      --samples N     with --stacks: sample the stacks N times (at most\n"
"                      1200) and give each group's share of thread-time\n"
"      --interval SECS with --samples: seconds between samples (default\n"
"                      0.05, 20 a second)\n"
"      --ustack        with --json or -b: each thread's user stack, unwound\n"
"                      over ptrace one thread at a time (needs ptrace rights)\n"
"  -n, --iterations N  with -b or --json: stop after N refreshes\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version and the source auto would use\n"
"\n"
"Keys:\n"
"  Up Down PgUp PgDn Home End, j g G     move (k is for signals)\n"
"  Right +, Left -                       expand into threads / collapse\n"
"  *                                     expand all / collapse all\n"
"  Tab                                   switch between tree and side pane\n"
"  F3 / then n N                         search by name, pid or tid\n"
"  F4 \\                                  filter\n"
"  p                                     attach to a pid or tid\n"
"  b                                     unwind the selected thread's user\n"
"                                        stack (again at each refresh)\n"
"  F5 t                                  tree / flat list\n"
"  F6 < >                                sort column\n"
"  I                                     invert the sort\n"
"  P M T                                 sort by CPU% / memory / TIME+\n"
"  H                                     flat list of threads\n"
"  K                                     hide / show kernel threads\n"
"  u                                     one user's processes\n"
"  F2 S                                  setup: the columns\n"
"  e, l                                  environment / open files\n"
"  #                                     hide / show the meters\n"
"  F                                     follow the selected row\n"
"  space, c, U                           tag / tag with children / untag all\n"
"  B                                     threads grouped by stack (Enter/Right\n"
"                                        unfold, s sample, Esc/q back)\n"
"  k F9                                  send a signal (asks first: Enter\n"
"                                        sends, Esc or Ctrl-C cancels)\n"
"  F7 ], F8 [                            nice - / nice + (asks first)\n"
"  Z                                     pause refreshing\n"
"  F1 ? h                                help\n"
"  q F10                                 quit\n"
"\n"
"Marks: '!' a thread (or a process with a thread) in another network\n"
"namespace, '*' another namespace type differs.\n";
}
