/*
 * signal.c - the kill prompt: pick a signal and whether it goes to the
 * selected thread (tgkill) or its whole process (kill), then confirm.
 * A pidfd taken when the prompt opens pins the process the user looked at:
 * if it exits and its pid is reused while the prompt waits, the signal
 * fails with ESRCH instead of reaching a stranger.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

const struct signal_choice signal_choices[] = {
	{ "TERM", SIGTERM }, { "KILL", SIGKILL }, { "HUP", SIGHUP },
	{ "INT", SIGINT }, { "STOP", SIGSTOP }, { "CONT", SIGCONT },
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },
};

const size_t signal_nchoices = sizeof signal_choices / sizeof signal_choices[0];

void signal_prompt_open(struct ui *ui)
{
	if (ui->sel.pid <= 0) {
		ui_message(ui, true, "nothing selected to signal");
		return;
	}
	ui->kill.open = true;
	ui->kill.choice = 0;
	ui->kill.pid = ui->sel.pid;
	ui->kill.tid = ui->sel.tid;
	ui->kill.whole_process = ui->sel.tid == 0;
	ui->kill.pidfd = (int)syscall(SYS_pidfd_open, ui->kill.pid, 0);
}

static void signal_prompt_close(struct signal_prompt *k)
{
	k->open = false;
	if (k->pidfd >= 0)
		close(k->pidfd);
	k->pidfd = -1;
}

/* Without a pidfd (kernels before 5.3) the pid is all there is. */
static int signal_send(const struct signal_prompt *k, int signo)
{
	if (k->pidfd >= 0) {
		if (k->whole_process)
			return (int)syscall(SYS_pidfd_send_signal, k->pidfd,
			    signo, NULL, 0);
		/* Still the same thread group?  Then its tid is its own. */
		if (syscall(SYS_pidfd_send_signal, k->pidfd, 0, NULL, 0) < 0)
			return -1;
	} else if (k->whole_process) {
		return kill(k->pid, signo);
	}
	return (int)syscall(SYS_tgkill, k->pid, k->tid, signo);
}

static void signal_confirmed(struct ui *ui)
{
	const struct signal_choice *c = &signal_choices[ui->kill.choice];
	const char *what = ui->kill.whole_process ? "process" : "thread";
	int id = ui->kill.whole_process ? ui->kill.pid : ui->kill.tid;

	int rc = signal_send(&ui->kill, c->signo), err = errno;

	signal_prompt_close(&ui->kill);
	if (rc < 0)
		ui_message(ui, true, "SIG%s to %s %d: %s", c->name, what, id,
		    err == ESRCH ? "it has exited" : strerror(err));
	else
		ui_message(ui, false, "sent SIG%s to %s %d", c->name, what, id);
}

void signal_prompt_key(struct ui *ui, int key)
{
	struct signal_prompt *k = &ui->kill;

	if (key >= '1' && key < '1' + (int)signal_nchoices) {
		k->choice = (size_t)(key - '1');
	} else if (key == KEY_RIGHT || key == KEY_DOWN) {
		k->choice = (k->choice + 1) % signal_nchoices;
	} else if (key == KEY_LEFT || key == KEY_UP) {
		k->choice = (k->choice + signal_nchoices - 1) % signal_nchoices;
	} else if ((key == '\t' || key == 't') && k->tid != 0) {
		k->whole_process = !k->whole_process;
	} else if (key == 'y' || key == 'Y') {
		signal_confirmed(ui);
	} else {
		signal_prompt_close(k);
		ui_message(ui, false, "no signal sent");
	}
}

void signal_prompt_describe(const struct ui *ui, struct buf *out)
{
	const struct signal_prompt *k = &ui->kill;

	buf_reset(out);
	buf_printf(out, "send SIG%s to %s %d? ", signal_choices[k->choice].name,
	    k->whole_process ? "process" : "thread",
	    k->whole_process ? k->pid : k->tid);
	for (size_t i = 0; i < signal_nchoices; i++)
		buf_printf(out, "%s%zu %s", i ? " " : "", i + 1, signal_choices[i].name);
	if (k->tid != 0)
		buf_adds(out, k->whole_process ? "  t: only the thread" :
		    "  t: whole process");
	buf_adds(out, "  y: send  other key: cancel");
}
