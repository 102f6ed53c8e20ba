/*
 * sigcount.c - a target for tasktop's kill prompt that tells which signals
 * reached it: it catches every signal that can be caught and writes a line
 * "signal N" for each, so a test sees one that does no harm (SIGCONT,
 * SIGUSR1) as well as one that would end a sleeper.  SIGSTOP shows as the
 * stopped state in /proc, SIGKILL as its death.
 *
 *   sigcount [--lifetime SECONDS] [--thread | --threads N]
 *
 * Prints "pid=P" once every handler is in place.  With --thread (or N of
 * them, at most 8) more threads are started first, each id printed as
 * "thread=T", every line says which thread took the signal ("signal N
 * tid T"), and a SIGUSR2 sent to one of those threads ends that thread.
 * With --leader-exits the main thread then calls pthread_exit: the leader
 * is a zombie while the others live.  The stop signals from a
 * terminal are caught too; SIGALRM is not, it ends a forgotten run.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int with_tids;

/* snprintf is not async-signal-safe: digits by hand */
static size_t put_number(char *out, long v)
{
	char digits[24];
	size_t n = 0, len = 0;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (n > 0)
		out[len++] = digits[--n];
	return len;
}

static void report_signal(int sig)
{
	char line[64] = "signal ";
	size_t len = strlen(line);

	len += put_number(line + len, sig);
	if (with_tids) {
		memcpy(line + len, " tid ", 5);
		len += 5;
		len += put_number(line + len, (long)syscall(SYS_gettid));
	}
	line[len++] = '\n';
	while (write(STDOUT_FILENO, line, len) < 0 && errno == EINTR)
		;
}

static void catch_all_but_alarm(void)
{
	struct sigaction sa = { .sa_handler = report_signal };

	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (int sig = 1; sig < SIGRTMIN; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGALRM)
			sigaction(sig, &sa, NULL);
}

#define MAX_THREADS 8

static volatile long thread_tids[MAX_THREADS];
static _Thread_local volatile sig_atomic_t leave;

static void *extra_thread(void *arg)
{
	volatile long *tid = arg;

	*tid = (long)syscall(SYS_gettid);
	while (!leave)
		pause();
	return NULL;
}

/* The thread that takes SIGUSR2 leaves (the main thread ignores it). */
static void on_usr2(int sig)
{
	report_signal(sig);
	leave = 1;
}

int main(int argc, char **argv)
{
	unsigned lifetime = 120;
	int nthreads = 0, leader_exits = 0;
	pthread_t t;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lifetime") == 0 && i + 1 < argc) {
			lifetime = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--thread") == 0) {
			nthreads = 1;
		} else if (strcmp(argv[i], "--leader-exits") == 0) {
			leader_exits = 1;
		} else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
			nthreads = atoi(argv[++i]);
		} else {
			fprintf(stderr, "usage: sigcount [--lifetime SECONDS] "
			    "[--thread | --threads N] [--leader-exits]\n");
			return 2;
		}
	}
	if (nthreads < 0 || nthreads > MAX_THREADS)
		return 2;
	with_tids = nthreads > 0;
	catch_all_but_alarm();
	if (with_tids)
		signal(SIGUSR2, on_usr2);
	alarm(lifetime);
	for (int i = 0; i < nthreads; i++) {
		if (pthread_create(&t, NULL, extra_thread,
		    (void *)&thread_tids[i]) != 0)
			return 1;
		while (thread_tids[i] == 0)
			usleep(1000);
	}
	printf("pid=%ld\n", (long)getpid());
	for (int i = 0; i < nthreads; i++)
		printf("thread=%ld\n", thread_tids[i]);
	fflush(stdout);
	if (leader_exits && nthreads > 0)
		pthread_exit(NULL);
	for (;;)
		pause();
}
