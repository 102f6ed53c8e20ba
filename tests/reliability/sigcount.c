/*
 * sigcount.c - a target for tasktop's kill prompt that tells which signals
 * reached it: it catches every signal that can be caught and writes a line
 * "signal N" for each, so a test sees one that does no harm (SIGCONT,
 * SIGUSR1) as well as one that would end a sleeper.  SIGSTOP shows as the
 * stopped state in /proc, SIGKILL as its death.
 *
 *   sigcount [--lifetime SECONDS] [--thread]
 *
 * Prints "pid=P" once every handler is in place.  With --thread a second
 * thread is started first, its id printed as "thread=T", and every line
 * says which thread took the signal: "signal N tid T".  The stop signals from a
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

static volatile long second_tid;

static void *second_thread(void *arg)
{
	(void)arg;
	second_tid = (long)syscall(SYS_gettid);
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned lifetime = 120;
	pthread_t t;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lifetime") == 0 && i + 1 < argc) {
			lifetime = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--thread") == 0) {
			with_tids = 1;
		} else {
			fprintf(stderr, "usage: sigcount [--lifetime SECONDS] "
			    "[--thread]\n");
			return 2;
		}
	}
	catch_all_but_alarm();
	alarm(lifetime);
	if (with_tids && pthread_create(&t, NULL, second_thread, NULL) != 0)
		return 1;
	while (with_tids && second_tid == 0)
		usleep(1000);
	printf("pid=%ld\n", (long)getpid());
	if (with_tids)
		printf("thread=%ld\n", second_tid);
	fflush(stdout);
	for (;;)
		pause();
}
