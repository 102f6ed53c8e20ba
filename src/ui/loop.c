/*
 * loop.c - ui_run: the terminal set up and torn down, and the event loop.
 * One poll() waits on the terminal, a signalfd (resize, quit signals) and
 * the refresh timer; keys are handled between refreshes, and a dead
 * terminal ends the loop instead of spinning on it.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "tasktop/util.h"
#include "draw.h"
#include "keys.h"
#include "keyseq.h"
#include "selection.h"
#include "settings_ui.h"
#include "state.h"
#include "terminal.h"
#include "theme.h"
#include "ustack.h"
#include "view_state.h"
#include "groups_view.h"

#define ESC_DELAY_MS 25
#define BRACKETED_PASTE_ON	"\033[?2004h"
#define BRACKETED_PASTE_OFF	"\033[?2004l"
#define KEY_QUIET_S 0.010
#define KEY_GRACE_S 0.250

/* SIGWINCH and the quit signals arrive on an fd instead of interrupting. */
static int signals_open(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	/* Ctrl-\ and stray user signals end it as cleanly, terminal restored */
	sigaddset(&set, SIGQUIT);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	if (sigprocmask(SIG_BLOCK, &set, old) < 0)
		return -1;
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

static void terminal_resized(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
}

static void signals_read(struct ui *ui, int fd)
{
	struct signalfd_siginfo si;

	while (read(fd, &si, sizeof si) == (ssize_t)sizeof si) {
		if (si.ssi_signo == SIGWINCH) {
			terminal_resized();
			continue;
		}
		/* Ctrl-C typed (the terminal's SIGINT comes from the kernel,
		 * kill(1)'s from a user) cancels a prompt instead of quitting. */
		if (si.ssi_signo == SIGINT && si.ssi_code == SI_KERNEL &&
		    ui_cancel_prompt(ui))
			continue;
		ui->quit = true;
		ui->exit_status = 128 + (int)si.ssi_signo;
	}
}

static bool terminal_start(struct ui *ui)
{
	if (!newterm(NULL, stdout, stdin))
		return false;
	/* ncurses 6 flushes its buffer after every cursor move while the
	 * screen has not yet been left and resumed (_nc_mvcur while _endwin
	 * is ewInitial): a repaint was ~50 write(2)s, each a packet of its
	 * own over ssh.  Left and resumed once, before anything is drawn, a
	 * repaint is one write (two past its buffer, (LINES+2) x (COLS+6)
	 * bytes); tests/tui/repaint_writes.sh counts them. */
	endwin();
	doupdate();
	set_escdelay(ESC_DELAY_MS);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	key_aliases_learn(&ui->keyseq);
	nodelay(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	palette_apply(ui);
	/* Pasted text comes bracketed, so that it is never taken for keys. */
	fputs(BRACKETED_PASTE_ON, stdout);
	fflush(stdout);
	return true;
}

#define SEQUENCE_WAIT_MS 50

static void keys_dispatch(struct ui *ui)
{
	struct keyseq_event ev;

	while (keyseq_next(&ui->keyseq, &ev))
		if (!ui->quit) {
			if (ev.pasted)
				ui_handle_paste(ui, ev.key);
			else
				ui_handle_key(ui, ev.key);
		}
}

/* The rest of an escape sequence split across reads (a slow link): curses
 * waited its escape delay already, this is the margin beyond it.  A
 * terminal that hung up polls readable for ever with nothing to read: that
 * is no more input (the caller's next read sees the end of file). */
static bool more_input_soon(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, SEQUENCE_WAIT_MS) > 0 &&
	    !(p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* Keys waiting on the terminal.  False when it is gone: readable but no
 * bytes means end of file. */
static bool keys_read(struct ui *ui)
{
	int key, n = 0, avail = 0;

	for (;;) {
		while (!ui->quit && (key = getch()) != ERR) {
			keyseq_feed(&ui->keyseq, key);
			keys_dispatch(ui);
			n++;
		}
		if (ui->quit || !keyseq_pending(&ui->keyseq) ||
		    !more_input_soon())
			break;
	}
	if (keyseq_pending(&ui->keyseq)) {
		keyseq_flush(&ui->keyseq);
		keys_dispatch(ui);
	}
	if (n > 0)
		return true;
	return ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail > 0;
}

static int poll_timeout_ms(const struct ui *ui, double wake)
{
	double due = groups_view_due(ui);
	double left;

	/* a sampling round keeps its pace even while paused */
	if (due > 0 && (ui->paused || due < wake))
		wake = due;
	else if (ui->paused)
		return -1;
	left = wake - clock_seconds(CLOCK_MONOTONIC);
	return left <= 0 ? 0 : (int)(left * 1000.0) + 1;
}

/* The pause in the keys after which a moved cursor's detail is read. */
#define DETAIL_QUIET_MS	15

/* The refresh, or sooner the unwind helper's deadline, or the moved
 * cursor's detail. */
static int loop_timeout_ms(const struct ui *ui, double wake)
{
	int ms = poll_timeout_ms(ui, wake);
	int unwind = ustack_timeout_ms(ui, clock_seconds(CLOCK_MONOTONIC));

	if (unwind >= 0 && (ms < 0 || unwind < ms))
		ms = unwind;
	if (ui->detail_later && (ms < 0 || ms > DETAIL_QUIET_MS))
		ms = DETAIL_QUIET_MS;
	return ms;
}

/* Each -p id opens its process; a tid also selects that thread. */
static void select_given(struct ui *ui, const int *select, size_t nselect)
{
	for (size_t i = 0; i < nselect; i++) {
		const struct task *t = snapshot_task(ui->snap, select[i]);
		if (t && t->tid != t->tgid)
			ui_set_expanded(ui, t->tgid, true);
	}
	ui_rebuild(ui);
	if (nselect > 0) {
		long row = view_find_id(&ui->view, ui->snap, select[0]);
		if (row >= 0)
			selection_set_row(ui, row);
	}
	ui_read_detail(ui);
}

/* A refresh reads no wchan nor syscall: the rows drawn fetch theirs
 * (ui_fetch_shown), the selected thread its detail. */
static void ui_init(struct ui *ui, const struct cli_opts *cli,
    struct source *src, struct snapshot *s)
{
	ui_state_init(ui, cli, src, s);
	settings_start(ui);
	/* the first refreshes already read what the meters show (screen.c
	 * says from then on whether they are shown) */
	source_want_system(src, !ui->meters_hidden);
}

/* The saved theme (tasktoprc) when -t named none.  A bad one is told on the
 * hint line and on stderr at exit: a setting is not a bad value typed now
 * (a bad -t is, and ui_preflight ends the run). */
static void saved_theme_load(struct ui *ui)
{
	if (ui->cli->theme || !(ui->settings.has & SETTINGS_HAS_THEME))
		return;
	if (theme_load(ui->settings.theme, &ui->theme, ui->theme_error,
	    sizeof ui->theme_error) < 0)
		ui_message(ui, true, "%s", ui->theme_error);
}

/* stdin readable, hung up or gone: false when the loop must end. */
static bool terminal_event(struct ui *ui, short revents)
{
	if (revents & POLLIN) {
		if (keys_read(ui))
			return true;
	} else if (!(revents & (POLLHUP | POLLERR | POLLNVAL))) {
		return true;
	}
	ui->quit = true;
	ui->exit_status = 128 + SIGHUP;
	return false;
}

static void event_loop(struct ui *ui, int sigfd)
{
	double delay = ui->delay > 0 ? ui->delay : 1.0;
	double next_refresh = clock_seconds(CLOCK_MONOTONIC) + delay;
	struct pollfd fds[3] = {
		{ .fd = STDIN_FILENO, .events = POLLIN },
		{ .fd = sigfd, .events = POLLIN },
		{ .fd = -1, .events = POLLIN },		/* the unwind helper */
	};

	double wake = next_refresh;

	while (!ui->quit) {
		double now;
		int n;

		screen_draw(ui);
		ustack_send_due(ui);
		fds[2].fd = ustack_fd(ui);
		n = poll(fds, 3, loop_timeout_ms(ui, wake));
		if (n < 0 && errno != EINTR)
			break;
		if (n == 0 && ui->detail_later)
			ui_read_detail(ui);	/* the keys paused */
		if (n > 0 && fds[1].revents)
			signals_read(ui, sigfd);
		/* results and the helper's deadline, also while paused */
		ustack_service(ui, clock_seconds(CLOCK_MONOTONIC));
		if (n > 0 && fds[0].revents && !terminal_event(ui, fds[0].revents))
			break;
		now = clock_seconds(CLOCK_MONOTONIC);
		groups_view_tick(ui, now);
		if (ui->quit || ui->paused || now < wake)
			continue;
		/* Keys that came as the refresh fell due are painted first and
		 * the rescan waits for a short quiet spell, so typing never
		 * queues behind it; a key stream delays it KEY_GRACE_S at most. */
		if (n > 0 && now < next_refresh + KEY_GRACE_S) {
			wake = now + KEY_QUIET_S;
			continue;
		}
		ui_refresh(ui);
		next_refresh = clock_seconds(CLOCK_MONOTONIC) + delay;
		wake = next_refresh;
	}
}

/* Error text from a file or argv goes to stderr only sanitized. */
static void error_report(const char *text)
{
	struct buf b;

	if (!text[0])
		return;
	buf_init(&b);
	text_sanitize(&b, text, strlen(text), TEXT_ASCII);
	fprintf(stderr, "tasktop: %s\n", b.data);
	buf_free(&b);
}

int ui_run(const struct cli_opts *cli, struct source *src, struct snapshot *s,
    const int *select, size_t nselect)
{
	static struct ui ui;
	sigset_t old_mask;
	int sigfd, status;

	ui_init(&ui, cli, src, s);
	status = ui_preflight(&ui);
	if (status != 0) {
		ui_state_free(&ui);
		return status;
	}
	saved_theme_load(&ui);
	/* before curses leaves canonical mode: a crash restores the shell's modes */
	fatal_signals_install();
	status = 1;
	sigfd = signals_open(&old_mask);
	if (sigfd < 0) {
		perror("tasktop: signalfd");
	} else if (!terminal_start(&ui)) {
		fprintf(stderr, "tasktop: cannot use this terminal (check TERM)\n");
	} else {
		ui_refresh(&ui);
		select_given(&ui, select, nselect);
		event_loop(&ui, sigfd);
		fputs(BRACKETED_PASTE_OFF, stdout);
		fflush(stdout);
		endwin();
		status = ui.exit_status;
		/* saved on quit (q, F10) like htop; not when a signal or the
		 * terminal's loss ends it: the user did not choose to leave */
		if (status == 0)
			settings_finish(&ui);
	}
	if (sigfd >= 0)
		close(sigfd);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	error_report(ui.theme_error);
	error_report(ui.settings_error);
	ui_state_free(&ui);
	return status;
}
