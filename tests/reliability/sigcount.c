/*
 * sigcount.c - a target for tasktop's kill prompt that tells which signals
 * reached it: it catches every signal that can be caught and writes a line
 * "signal N" for each, so a test sees one that does no harm (SIGCONT,
 * SIGUSR1) as well as one that would end a sleeper.  SIGSTOP shows as the
 * stopped state in /proc, SIGKILL as its death.
 *
 *   sigcount [--lifetime SECONDS]
 *
 * Prints "pid=P" once every handler is in place.  The stop signals from a
 * terminal are caught too; SIGALRM is not, it ends a forgotten run.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void report_signal(int sig)
{
	char line[32] = "signal ";
	size_t len = strlen(line);

	/* snprintf is not async-signal-safe: two digits by hand */
	if (sig >= 10)
		line[len++] = (char)('0' + sig / 10);
	line[len++] = (char)('0' + sig % 10);
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

int main(int argc, char **argv)
{
	unsigned lifetime = 120;

	if (argc == 3 && strcmp(argv[1], "--lifetime") == 0)
		lifetime = (unsigned)strtoul(argv[2], NULL, 10);
	else if (argc != 1) {
		fprintf(stderr, "usage: sigcount [--lifetime SECONDS]\n");
		return 2;
	}
	catch_all_but_alarm();
	alarm(lifetime);
	printf("pid=%ld\n", (long)getpid());
	fflush(stdout);
	for (;;)
		pause();
}
