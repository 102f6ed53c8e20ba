/*
 * workload - the reference load of tests/bench: N processes of M sleeping
 * threads, K of those threads in a network namespace of their own, and one
 * thread that moves into another network namespace on SIGUSR1, so that the
 * bench can time how long a viewer takes to mark it.
 *
 *   workload -p N -t M -k K
 *
 * Prints "setns-thread PID TID HOME-NETNS AWAY-NETNS" (inodes; AWAY 0 when
 * not root) and then "ready TASKS" once every
 * task is up.  Each SIGUSR1 moves the setns thread into the other namespace
 * (the one made at start, then back home, ...) and prints
 * "setns TID INODE EPOCH-SECONDS" when done.  SIGTERM, SIGINT or SIGHUP to
 * the generator or to its process group ends them all.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Sleeping threads need almost no stack; 10,000 default 8 MiB stacks would
 * only inflate the address space the viewers report. */
#define THREAD_STACK_BYTES (64 * 1024)

struct workload_opts {
	long procs;
	long threads;	/* tasks per process, the leader included */
	long netns;
};

struct sleeper {
	bool own_netns;
	int report_fd;	/* one byte: 'k' up, 'E' unshare failed */
	int block_fd;	/* read end of a pipe nobody writes: sleep forever */
};

struct setns_thread {
	int command_fd;	/* one byte a move */
	int home_fd;	/* the generator's netns */
	int away_fd;	/* the netns made at start; -1 when not root */
	pid_t tid;
};

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("workload: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* Whole lines with one write(2): several threads print. */
static void say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > 0 && write(STDOUT_FILENO, line, (size_t)n) < 0)
		exit(1);
}

static long parse_count(const char *arg, char flag, long min)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > 100000)
		die("-%c: '%s' is not a count (%ld..100000)", flag, arg, min);
	return v;
}

static void usage_exit(void)
{
	fputs("usage: workload -p PROCESSES -t THREADS-PER-PROCESS "
	    "-k NETNS-THREADS\n", stderr);
	exit(2);
}

static struct workload_opts parse_opts(int argc, char **argv)
{
	struct workload_opts o = { .procs = 1, .threads = 1, .netns = 0 };
	int c;

	while ((c = getopt(argc, argv, "p:t:k:h")) != -1) {
		switch (c) {
		case 'p': o.procs = parse_count(optarg, 'p', 1); break;
		case 't': o.threads = parse_count(optarg, 't', 1); break;
		case 'k': o.netns = parse_count(optarg, 'k', 0); break;
		default: usage_exit();
		}
	}
	if (optind != argc)
		usage_exit();
	if (o.netns > o.procs * (o.threads - 1))
		die("-k %ld: only %ld threads are not leaders", o.netns,
		    o.procs * (o.threads - 1));
	if (o.netns > 0 && geteuid() != 0)
		die("-k %ld needs root (unshare(CLONE_NEWNET)); use -k 0",
		    o.netns);
	return o;
}

static int open_net_ns(void)
{
	int fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		die("/proc/thread-self/ns/net: %s", strerror(errno));
	return fd;
}

static unsigned long net_ns_inode(void)
{
	struct stat st;

	if (stat("/proc/thread-self/ns/net", &st) != 0)
		return 0;
	return (unsigned long)st.st_ino;
}

static unsigned long fd_inode(int fd)
{
	struct stat st;

	if (fd < 0 || fstat(fd, &st) != 0)
		return 0;
	return (unsigned long)st.st_ino;
}

/* The namespace the setns thread moves into: made by the still
 * single-threaded generator, which then goes back home. */
static int make_away_net_ns(int home_fd)
{
	int away_fd;

	if (geteuid() != 0)
		return -1;
	if (unshare(CLONE_NEWNET) != 0)
		die("unshare(CLONE_NEWNET): %s", strerror(errno));
	away_fd = open_net_ns();
	if (setns(home_fd, CLONE_NEWNET) != 0)
		die("setns home: %s", strerror(errno));
	return away_fd;
}

static void *setns_thread_main(void *arg)
{
	struct setns_thread *st = arg;
	bool away = false;
	struct timespec now;
	char cmd;

	__atomic_store_n(&st->tid, gettid(), __ATOMIC_SEQ_CST);
	while (read(st->command_fd, &cmd, 1) == 1) {
		if (st->away_fd < 0) {
			say("setns %d failed: not root\n", st->tid);
			continue;
		}
		if (setns(away ? st->home_fd : st->away_fd, CLONE_NEWNET) != 0) {
			say("setns %d failed: %s\n", st->tid, strerror(errno));
			continue;
		}
		away = !away;
		clock_gettime(CLOCK_REALTIME, &now);
		say("setns %d %lu %lld.%06ld\n", st->tid, net_ns_inode(),
		    (long long)now.tv_sec, now.tv_nsec / 1000);
	}
	return NULL;
}

/* A blocked read(2) of a pipe nobody writes: state S, wchan pipe_read. */
static void sleep_on(int block_fd)
{
	char byte;

	while (read(block_fd, &byte, 1) < 0 && errno == EINTR)
		continue;
}

static void *sleeper_main(void *arg)
{
	const struct sleeper *s = arg;
	char byte = 'k';

	if (s->own_netns && unshare(CLONE_NEWNET) != 0)
		byte = 'E';
	if (write(s->report_fd, &byte, 1) == 1)
		sleep_on(s->block_fd);
	return NULL;
}

static pthread_attr_t small_stack_attr(void)
{
	pthread_attr_t attr;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, THREAD_STACK_BYTES);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	return attr;
}

static void make_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC) != 0)
		die("pipe: %s", strerror(errno));
}

/* Start threads-1 sleepers, the first netns of them unsharing. */
static char start_sleepers(long threads, long netns, int block_fd)
{
	pthread_attr_t attr = small_stack_attr();
	struct sleeper own = { true, -1, block_fd };
	struct sleeper shared = { false, -1, block_fd };
	int report[2];
	pthread_t t;
	char status = 'k', byte;
	long i;

	make_pipe(report);
	own.report_fd = shared.report_fd = report[1];
	for (i = 0; i < threads - 1; i++) {
		if (pthread_create(&t, &attr, sleeper_main,
		    i < netns ? &own : &shared) != 0)
			return 'E';
	}
	for (i = 0; i < threads - 1; i++) {
		if (read(report[0], &byte, 1) != 1 || byte != 'k')
			status = 'E';
	}
	return status;
}

static void sleeper_process(long threads, long netns, int ready_fd)
{
	sigset_t none;
	int block[2];
	char status;

	signal(SIGUSR1, SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	make_pipe(block);
	status = start_sleepers(threads, netns, block[0]);
	if (write(ready_fd, &status, 1) != 1)
		_exit(1);
	sleep_on(block[0]);
	_exit(0);
}

static long netns_share(const struct workload_opts *o, long proc_index)
{
	return o->netns / o->procs + (proc_index < o->netns % o->procs);
}

static pid_t *start_processes(const struct workload_opts *o)
{
	pid_t *pids = calloc((size_t)o->procs, sizeof(*pids));
	int ready[2];
	char status;
	long i;

	if (pids == NULL)
		die("out of memory");
	make_pipe(ready);
	for (i = 0; i < o->procs; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			die("fork: %s", strerror(errno));
		if (pids[i] == 0)
			sleeper_process(o->threads, netns_share(o, i), ready[1]);
	}
	for (i = 0; i < o->procs; i++) {
		if (read(ready[0], &status, 1) != 1 || status != 'k')
			die("a sleeper process failed to start its threads "
			    "(thread limit? unshare?)");
	}
	close(ready[0]);
	close(ready[1]);
	return pids;
}

static void stop_processes(const pid_t *pids, long n)
{
	long i;

	for (i = 0; i < n; i++)
		kill(pids[i], SIGTERM);
	for (i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);
}

static void start_setns_thread(struct setns_thread *st, int *command_write)
{
	pthread_attr_t attr = small_stack_attr();
	int command[2];
	pthread_t t;

	make_pipe(command);
	st->command_fd = command[0];
	*command_write = command[1];
	st->tid = 0;
	if (pthread_create(&t, &attr, setns_thread_main, st) != 0)
		die("pthread_create: %s", strerror(errno));
	while (__atomic_load_n(&st->tid, __ATOMIC_SEQ_CST) == 0)
		sched_yield();
}

/* Forward SIGUSR1 to the setns thread until asked to stop. */
static void serve_signals(const sigset_t *set, int command_write)
{
	siginfo_t info;
	const char move = 'm';

	for (;;) {
		if (sigwaitinfo(set, &info) < 0)
			continue;
		if (info.si_signo == SIGUSR1) {
			if (write(command_write, &move, 1) != 1)
				return;
		} else if (info.si_signo != SIGCHLD) {
			return;
		}
	}
}

int main(int argc, char **argv)
{
	struct workload_opts o = parse_opts(argc, argv);
	struct setns_thread st;
	sigset_t set;
	int command_write;
	pid_t *pids;

	if (getpgrp() != getpid() && setpgid(0, 0) != 0)
		die("setpgid: %s", strerror(errno));
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);

	st.home_fd = open_net_ns();
	st.away_fd = make_away_net_ns(st.home_fd);
	start_setns_thread(&st, &command_write);
	pids = start_processes(&o);
	say("setns-thread %d %d %lu %lu\n", (int)getpid(), (int)st.tid,
	    net_ns_inode(), fd_inode(st.away_fd));
	say("ready %ld\n", 2 + o.procs * o.threads);

	serve_signals(&set, command_write);
	stop_processes(pids, o.procs);
	free(pids);
	return 0;
}
