/*
 * run.c - the -b and --json loop: refresh, write, sleep -d, -n times.  A
 * signal stops it at the next sample boundary so that every line written is
 * whole; a reader that goes away (`| head`) ends it quietly.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tasktop/out.h"
#include "tasktop/util.h"
#include "internal.h"

/* The first sample would have no CPU% (it needs two), so a silent sample
 * comes first, this long (or -d if shorter) before, whatever -n: the first
 * record is the same with -n 1 as with -n 3 or none.  -d 0 asks for no
 * waiting at all, and so does --ustack without -d (out_presample_seconds):
 * then the first CPU% stays null, as it is unknown.  --ustack unwinds
 * after the sample, not during this wait (ustacks.c). */
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

/*
 * JSON shows every thread's wchan and syscall; batch a wchan on each row
 * (the leader's on a process row) and no syscall.  Read after the refresh
 * through the detail reader, and only when stale (the model says).
 */
void out_fill_extras(struct source *src, struct snapshot *s, bool every,
    bool syscalls)
{
	for (size_t i = 0; i < s->nlist; i++) {
		struct process *p = s->list[i];
		for (size_t j = 0; j < p->nthreads; j++) {
			struct task *t = p->threads[j];
			if (!every && t != p->leader)
				continue;
			source_fill_wchan(src, s, t);
			if (syscalls)
				source_fill_syscall(src, s, t);
		}
	}
}

static int out_refresh(const struct cli_opts *cli, struct source *src,
    struct snapshot *s, bool extras)
{
	int rc = source_refresh(src, s, clock_seconds(CLOCK_MONOTONIC),
	    clock_seconds(CLOCK_REALTIME));
	if (rc < 0) {
		fprintf(stderr, "tasktop: %s: %s\n", cli->proc_root,
		    strerror(-rc));
		return rc;
	}
	/* -p: few processes, and a thread named shows its row; -b --stacks
	 * prints no rows: the groups read what they need */
	if (extras && (cli->mode == MODE_JSON || !cli->stacks))
		out_fill_extras(src, s, cli->mode == MODE_JSON || cli->threads ||
		    cli->nids > 0, cli->mode == MODE_JSON);
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

/* -p TID without -H: the thread named is shown, under its process, as the
 * interactive mode opens that process. */
static void named_threads_expand(struct intmap *named,
    const struct cli_opts *cli, const struct snapshot *s)
{
	intmap_free(named);
	intmap_init(named);
	for (size_t i = 0; i < cli->nids; i++) {
		const struct task *t = snapshot_task(s, cli->ids[i]);
		if (t && t->tid != t->tgid)
			intmap_put(named, t->tgid, (void *)1);
	}
}

/* Which threads --ustack unwinds: every one shown (JSON, -H, --stacks),
 * else the leaders and the threads named by -p TID. */
static bool ustack_every_thread(const struct cli_opts *cli)
{
	return cli->mode == MODE_JSON || cli->threads || cli->stacks;
}

/* False when a signal cut --samples short: nothing is written then. */
static bool out_write_sample(const struct cli_opts *cli, struct source *src,
    struct snapshot *s, struct view *view, struct buf *text, long iteration,
    struct ns_overview *overview, struct out_stacks *stacks,
    struct out_ustacks *us)
{
	static struct intmap named;	/* -p TID: the processes shown with threads */
	struct out_opts o = { .threads = cli->threads, .stack = cli->stack,
	    .detail = source_detail(src), .netns = cli->netns,
	    .overview = overview, .expanded = &named,
	    .source = source_name(src), .ustack = cli->ustack,
	    .ustacks = us ? &us->by_tid : NULL };

	named_threads_expand(&named, cli, s);
	if (us != NULL)
		out_ustacks_collect(us, s, ustack_every_thread(cli), &named);
	buf_reset(text);
	if (!out_stacks_prepare(stacks, &o, out_sleep))
		return false;
	if (cli->mode == MODE_JSON)
		out_json_write(text, s, &o);
	else if (cli->stacks)
		out_batch_stacks_write(text, s, &o);
	else {
		if (iteration > 0)
			buf_addc(text, '\n');	/* a blank line between samples, as top -b */
		out_batch_write(text, s, view, &o);
	}
	out_stacks_done(stacks);
	return true;
}

static int out_loop(const struct cli_opts *cli, struct source *src,
    struct snapshot *s, struct view *view, struct buf *text,
    struct ns_overview *overview, struct out_stacks *stacks,
    struct out_ustacks *us)
{
	for (long i = 0; cli->iterations < 0 || i < cli->iterations; i++) {
		int status;
		if (i > 0 && !out_sleep(cli->delay))
			break;
		if (out_stop_requested)
			break;
		if (out_refresh(cli, src, s, true) < 0)
			return 1;
		if (!out_write_sample(cli, src, s, view, text, i, overview,
		    stacks, us))
			break;
		status = out_emit(text);
		if (status >= 0)
			return status;
	}
	return 0;
}

/*
 * How long before the first sample the silent one is taken; 0: none.  A
 * stack snapshot (--ustack) does not wait unless -d is given, as eu-stack,
 * gdb and pstack don't: its state, kernel stack, wchan and syscall are read
 * before any thread is stopped, and CPU% needs an interval that the
 * unwinding's few ms are too short for (a running thread's
 * sum_exec_runtime lags by up to a tick), so it stays null.
 */
static double out_presample_seconds(const struct cli_opts *cli)
{
	if (cli->ustack && !cli->delay_given)
		return 0;
	return cli->delay < OUT_PRESAMPLE_SECONDS ?
	    cli->delay : OUT_PRESAMPLE_SECONDS;
}

/* The silent first sample; -1 to go on, else the exit status. */
static int out_presample(const struct cli_opts *cli, struct source *src,
    struct snapshot *s, double seconds)
{
	if (out_refresh(cli, src, s, false) < 0)
		return 1;
	if (!out_sleep(seconds))
		return 0;
	return -1;
}

int out_run(const struct cli_opts *cli, struct source *src,
    struct snapshot *s)
{
	struct out_stacks stacks;
	struct view view;
	struct buf text;
	struct ns_overview overview;	/* "namespaces" scratch, kept */
	struct out_ustacks ustacks;	/* --ustack */
	double presample = out_presample_seconds(cli);
	int status;

	/* JSON numbers and top -b's columns take a '.', whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	out_install_signals();
	if (cli->ustack)
		out_ustacks_init(&ustacks, cli->ids, cli->nids);
	if (presample > 0) {
		status = out_presample(cli, src, s, presample);
		if (status >= 0) {
			if (cli->ustack)
				out_ustacks_free(&ustacks);
			return status;
		}
	}
	ns_overview_init(&overview);
	view_init(&view);
	buf_init(&text);
	out_stacks_init(&stacks, cli, src, s);
	status = out_loop(cli, src, s, &view, &text, &overview, &stacks,
	    cli->ustack ? &ustacks : NULL);
	if (cli->ustack)
		out_ustacks_free(&ustacks);
	out_stacks_free(&stacks);
	view_free(&view);
	buf_free(&text);
	ns_overview_free(&overview);
	return status;
}
