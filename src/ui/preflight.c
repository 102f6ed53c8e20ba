/*
 * preflight.c - what must hold before curses touches the terminal: the
 * theme loads (a bad -t is a bad value: one line, exit 2), stdin and stdout
 * are a terminal (a pipe would get escape codes: -b and --json are for
 * that), and the terminal can place the cursor (TERM=dumb would get a
 * blank screen with fragments of the key hint).  Each failure is one line
 * on stderr; nothing reaches stdout.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "state.h"
#include "terminal.h"
#include "theme.h"
/* After the ui headers: term.h defines macros (lines, columns, ...) that would
 * rename its fields. */
#include <term.h>

#define TERM_QUOTE_COLS 40

/* Our text with untrusted parts, sanitized, as one line on stderr. */
static void report(const char *msg)
{
	struct buf b;

	buf_init(&b);
	text_sanitize(&b, msg, strlen(msg), TEXT_ASCII);
	fprintf(stderr, "tasktop: %s\n", b.data);
	buf_free(&b);
}

static const char *not_a_terminal(void)
{
	bool in = isatty(STDIN_FILENO), out = isatty(STDOUT_FILENO);

	if (in && out)
		return NULL;
	return !in && !out ? "stdin and stdout are" : !in ? "stdin is" :
	    "stdout is";
}

/* TERM from the environment is untrusted: quoted sanitized and short. */
static void terminal_unusable(const char *why)
{
	const char *term = getenv("TERM");
	char msg[256];
	struct buf q;

	buf_init(&q);
	text_fit_cell(&q, term ? term : "", term ? strlen(term) : 0,
	    TERM_QUOTE_COLS, false, TEXT_ASCII);
	snprintf(msg, sizeof msg, "cannot use this terminal (TERM=%s: %s)",
	    q.data, why);
	buf_free(&q);
	report(msg);
}

/* 0 when curses can draw here, else 1 (as for an unset TERM). */
static int terminal_capable(void)
{
	int err = 0;
	char *cup;

	if (!getenv("TERM") || !*getenv("TERM")) {
		report("cannot use this terminal (TERM is not set)");
		return 1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		terminal_unusable("not in the terminfo database");
		return 1;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (cup == NULL || cup == (char *)-1) {
		terminal_unusable("no cursor addressing");
		return 1;
	}
	return 0;
}

int ui_preflight(struct ui *ui)
{
	const char *which;
	char msg[128];

	if (ui->cli->theme && theme_load(ui->cli->theme, &ui->theme,
	    ui->theme_error, sizeof ui->theme_error) < 0) {
		report(ui->theme_error);
		return 2;
	}
	if (!ui->cli->theme)
		theme_default(&ui->theme);
	if ((which = not_a_terminal()) != NULL) {
		snprintf(msg, sizeof msg, "%s not a terminal: use -b for text "
		    "or --json for JSON Lines", which);
		report(msg);
		return 2;
	}
	return terminal_capable();
}
