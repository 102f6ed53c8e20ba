/*
 * fatal.c - a crash must not leave the user's terminal in raw mode on the
 * alternate screen.  The handler only uses async-signal-safe calls: it
 * writes the reset sequence and the saved terminal modes, then lets the
 * signal do what it would have done.
 */
#include "config.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "terminal.h"

static struct termios saved_modes;
static bool saved_modes_ok;

/* Mouse reporting and bracketed paste off, normal screen, attributes reset,
 * cursor shown, cursor keys and keypad back in normal mode (curses'
 * keypad() set them). */
static const char reset_sequence[] =
    "\033[?1006l\033[?1002l\033[?1000l\033[?2004l\033[?1049l\033[0m\033[?25h"
    "\033[?1l\033>\r\n";

static void fatal_handler(int sig)
{
	ssize_t unused = write(STDOUT_FILENO, reset_sequence,
	    sizeof reset_sequence - 1);

	(void)unused;
	if (saved_modes_ok)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
	raise(sig);
}

void fatal_signals_install(void)
{
	static const int fatal[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
	struct sigaction sa;

	saved_modes_ok = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fatal_handler;
	sigemptyset(&sa.sa_mask);
	/* The default action comes back for the re-raise. */
	sa.sa_flags = (int)(SA_RESETHAND | SA_NODEFER);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}
