/*
 * run.c - the -b and --json loop: refresh, write, sleep -d, -n times.  A
 * signal stops it at the next sample boundary so that every line written is
 * whole; a reader that goes away (`| head`) ends it quietly.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tasktop/out.h"

/* With -n 1 there would be no CPU% at all (it needs two samples), so a
 * silent sample comes first, this long (or -d if shorter) before.  -d 0
 * asks for no waiting at all: then CPU% stays null, as it is unknown. */
#define OUT_PRESAMPLE_SECONDS	0.2

static volatile sig_atomic_t out_stop_requested;

static void out_on_stop_signal(int sig)
{
	(void)sig;
	out_stop_requested = 1;
}

/* No SA_RESTART: the signal must cut the sleep short. */
static void out_install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = out_on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* A closed pipe shows up as EPIPE from the write instead. */
	signal(SIGPIPE, SIG_IGN);
}

static double out_clock(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleep, resuming after unrelated signals; false when asked to stop. */
static bool out_sleep(double seconds)
{
	struct timespec left;

	left.tv_sec = (time_t)seconds;
	left.tv_nsec = (long)((seconds - (double)left.tv_sec) * 1e9);
	while (!out_stop_requested && nanosleep(&left, &left) != 0) {
		if (errno != EINTR)
			break;
	}
	return !out_stop_requested;
}

static int out_refresh(const struct cli_opts *cli, struct snapshot *s)
{
	int rc = snapshot_refresh(s, out_clock(CLOCK_MONOTONIC),
	    out_clock(CLOCK_REALTIME));
	if (rc < 0)
		fprintf(stderr, "tasktop: %s: %s\n", cli->proc_root,
		    strerror(-rc));
	return rc;
}

/* -1 to go on; else the exit status: 0 when the reader went away. */
static int out_emit(const struct buf *text)
{
	if (fwrite(text->data, 1, text->len, stdout) == text->len &&
	    fflush(stdout) == 0)
		return -1;
	if (errno == EPIPE)
		return 0;
	fprintf(stderr, "tasktop: write error: %s\n", strerror(errno));
	return 1;
}

static void out_write_sample(const struct cli_opts *cli, struct snapshot *s,
    struct view *view, struct buf *text, long iteration)
{
	const struct out_opts o = { .threads = cli->threads, .stack = cli->stack };

	buf_reset(text);
	if (cli->mode == MODE_JSON) {
		out_json_write(text, s, &o);
		return;
	}
	if (iteration > 0)
		buf_addc(text, '\n');	/* a blank line between samples, as top -b */
	out_batch_write(text, s, view, &o);
}

static int out_loop(const struct cli_opts *cli, struct snapshot *s,
    struct view *view, struct buf *text)
{
	for (long i = 0; cli->iterations < 0 || i < cli->iterations; i++) {
		int status;
		if (i > 0 && !out_sleep(cli->delay))
			break;
		if (out_stop_requested)
			break;
		if (out_refresh(cli, s) < 0)
			return 1;
		out_write_sample(cli, s, view, text, i);
		status = out_emit(text);
		if (status >= 0)
			return status;
	}
	return 0;
}

/* JSON shows every thread's wchan and syscall; batch a wchan on each row
 * (the leader's on a process row) and no syscall. */
static void out_set_scopes(const struct cli_opts *cli, struct snapshot *s)
{
	if (cli->mode == MODE_JSON)
		return;
	s->wchan_scope = cli->threads ? EXTRAS_ALL : EXTRAS_LEADERS;
	s->syscall_scope = EXTRAS_NONE;
}

int out_run(const struct cli_opts *cli, struct snapshot *s)
{
	struct view view;
	struct buf text;
	int status;

	out_set_scopes(cli, s);
	/* JSON numbers and top -b's columns take a '.', whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	out_install_signals();
	if (cli->iterations == 1 && cli->delay > 0) {
		if (out_refresh(cli, s) < 0)
			return 1;
		if (!out_sleep(cli->delay < OUT_PRESAMPLE_SECONDS ?
		    cli->delay : OUT_PRESAMPLE_SECONDS))
			return 0;
	}
	view_init(&view);
	buf_init(&text);
	status = out_loop(cli, s, &view, &text);
	view_free(&view);
	buf_free(&text);
	return status;
}
