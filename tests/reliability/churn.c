/*
 * churn.c - the reliability tests' moving /proc: for a bounded time it keeps
 * creating and joining threads and forking children that soon exit, a few
 * hundred of each a second, so that tasks vanish between tasktop's readdir
 * and its reads, and tids are used up and handed out again.
 *
 *   churn [--seconds N] [--rate PER_SECOND]
 *
 * It prints "pid=P" when it starts and, when it stops (after N seconds, or
 * at SIGTERM or SIGINT), "threads=T forks=F seconds=S": what it made, so the
 * tests can report the rate they ran under.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_MSEC	1000000L

/* Threads not yet joined: when all are out, the next create waits for the
 * oldest, so a slow machine gets a lower rate instead of a pile of threads. */
#define THREADS_IN_FLIGHT	16

/* Short lives, in ms, so a task is listed by one readdir and gone by the
 * next read; some names are hostile, as a terminal must never see them. */
#define THREAD_LIFE_MS	8
#define CHILD_LIFE_MS	4
static const char *const task_names[] = {
	"churn", "churn\x1b[2J", "churn\xff", "churn\r\t",
};
#define TASK_NAME_COUNT (sizeof task_names / sizeof task_names[0])

struct options {
	long	seconds;
	long	rate;		/* threads a second, and as many forks */
};

static volatile sig_atomic_t stop_requested;
static struct timespec deadline;

static void request_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void install_stop_handlers(void)
{
	struct sigaction sa = { .sa_handler = request_stop };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void timespec_add_ns(struct timespec *t, long ns)
{
	t->tv_nsec += ns;
	while (t->tv_nsec >= NSEC_PER_SEC) {
		t->tv_nsec -= NSEC_PER_SEC;
		t->tv_sec++;
	}
}

static int timespec_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	    (double)(now.tv_nsec - start->tv_nsec) / NSEC_PER_SEC;
}

static int should_stop(void)
{
	struct timespec now;

	if (stop_requested)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return !timespec_before(&now, &deadline);
}

/* Sleep until the next tick of a fixed rate; a loop that fell behind starts
 * afresh from now rather than catching up in a burst. */
static void wait_for_tick(struct timespec *next, long period_ns)
{
	struct timespec now;

	timespec_add_ns(next, period_ns);
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (timespec_before(next, &now)) {
		*next = now;
		return;
	}
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, next, NULL) ==
	    EINTR && !stop_requested)
		;
}

static void sleep_ms(long ms)
{
	struct timespec t = { 0, ms * NSEC_PER_MSEC };

	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

static void *short_thread(void *arg)
{
	uintptr_t n = (uintptr_t)arg;

	prctl(PR_SET_NAME, task_names[n % TASK_NAME_COUNT], 0, 0, 0);
	sleep_ms((long)(n % THREAD_LIFE_MS));
	return NULL;
}

/* Only async-signal-safe calls: the parent has other threads.  A child
 * still there when the forking thread ends is killed with it. */
static void short_child(unsigned long n)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
	prctl(PR_SET_NAME, task_names[n % TASK_NAME_COUNT], 0, 0, 0);
	sleep_ms((long)(n % CHILD_LIFE_MS));
	_exit(0);
}

static unsigned long churn_threads(long period_ns)
{
	pthread_t ring[THREADS_IN_FLIGHT];
	size_t oldest = 0, live = 0;
	unsigned long made = 0;
	struct timespec next;

	clock_gettime(CLOCK_MONOTONIC, &next);
	while (!should_stop()) {
		if (live == THREADS_IN_FLIGHT) {
			pthread_join(ring[oldest], NULL);
			oldest = (oldest + 1) % THREADS_IN_FLIGHT;
			live--;
		}
		if (pthread_create(&ring[(oldest + live) % THREADS_IN_FLIGHT],
		    NULL, short_thread, (void *)(uintptr_t)made) == 0) {
			live++;
			made++;
		}
		wait_for_tick(&next, period_ns);
	}
	for (; live > 0; live--, oldest = (oldest + 1) % THREADS_IN_FLIGHT)
		pthread_join(ring[oldest], NULL);
	return made;
}

/* The children left at the end: reaped, or after a second given up on
 * (they die with this thread, see short_child). */
static void reap_children(void)
{
	struct timespec start;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (waitpid(-1, NULL, WNOHANG) >= 0 && seconds_since(&start) < 1.0)
		sleep_ms(1);
}

/* Children are reaped a tick after they exit at the earliest, so some are
 * zombies when tasktop looks. */
static void *churn_forks(void *arg)
{
	long period_ns = *(long *)arg;
	unsigned long made = 0;
	struct timespec next;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &next);
	while (!should_stop()) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		pid = fork();
		if (pid == 0)
			short_child(made);
		if (pid > 0)
			made++;
		wait_for_tick(&next, period_ns);
	}
	reap_children();
	return (void *)(uintptr_t)made;
}

static void usage_error(const char *msg)
{
	fprintf(stderr, "churn: %s\n"
	    "usage: churn [--seconds N] [--rate PER_SECOND]\n", msg);
	exit(2);
}

static long parse_count(const char *arg, long min, long max, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		usage_error(what);
	return v;
}

static void parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "seconds", required_argument, NULL, 's' },
		{ "rate", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*o = (struct options){ .seconds = 30, .rate = 500 };
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 's': o->seconds = parse_count(optarg, 1, 3600,
		    "--seconds: want 1 to 3600"); break;
		case 'r': o->rate = parse_count(optarg, 1, 100000,
		    "--rate: want 1 to 100000 a second"); break;
		default: usage_error("unknown option");
		}
	}
	if (optind != argc)
		usage_error("unexpected argument");
}

int main(int argc, char **argv)
{
	struct options o;
	struct timespec start;
	pthread_t forker;
	void *forks = NULL;
	unsigned long threads;
	long period_ns;
	int err;

	parse_options(argc, argv, &o);
	install_stop_handlers();
	period_ns = NSEC_PER_SEC / o.rate;
	clock_gettime(CLOCK_MONOTONIC, &start);
	deadline = start;
	deadline.tv_sec += o.seconds;
	printf("pid=%ld\n", (long)getpid());
	fflush(stdout);

	err = pthread_create(&forker, NULL, churn_forks, &period_ns);
	if (err != 0) {
		fprintf(stderr, "churn: pthread_create: %s\n", strerror(err));
		return 1;
	}
	threads = churn_threads(period_ns);
	pthread_join(forker, &forks);
	printf("threads=%lu forks=%lu seconds=%.2f\n", threads,
	    (unsigned long)(uintptr_t)forks, seconds_since(&start));
	return 0;
}
