/*
 * signal.c - the kill prompt: pick a signal and whether it goes to the
 * selected thread or its whole process, then confirm.  The task shown is
 * pinned when the prompt opens (act.h): the signal reaches it or, when it
 * exited meanwhile, nobody; a proc root of another pid namespace is no
 * exception, as no number is ever passed to the kernel.
 */
#include "config.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "signal_prompt.h"
#include "state.h"
#include "tags.h"
#include "view_state.h"

const struct signal_choice signal_choices[] = {
	{ "TERM", SIGTERM }, { "KILL", SIGKILL }, { "HUP", SIGHUP },
	{ "INT", SIGINT }, { "STOP", SIGSTOP }, { "CONT", SIGCONT },
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },
};

const size_t signal_nchoices = sizeof signal_choices / sizeof signal_choices[0];

/* What the screen shows of the selected task, for the pin to check. */
static struct act_task shown_task(const struct ui *ui, int id)
{
	const struct task *t = snapshot_task(ui->snap, id);
	struct act_task a = { .tid = id, .tgid = ui->sel.pid };

	if (t && t->stat_state == FIELD_OK) {
		a.starttime_known = true;
		a.starttime = t->stat.starttime;
	}
	return a;
}

/* With tags, k asks about all of them (htop's habit) and lists them; each
 * is pinned against its tag when the signal is sent. */
static void tagged_prompt_open(struct ui *ui)
{
	struct signal_prompt *k = &ui->kill;

	k->ntags = tags_list(ui, &k->tags, &k->tags_cap);
	k->tagged = k->ntags > 0;
	k->open = k->tagged;
	k->choice = 0;
	k->tid = 0;
	k->whole_process = true;
}

/* A thread row pins the thread, and its process by the leader: sent to the
 * whole process, the signal reaches it even when the thread exited while
 * the prompt waited (through the thread's pin, nothing would).  A process
 * row pins its leader. */
void signal_prompt_open(struct ui *ui)
{
	struct signal_prompt *k = &ui->kill;
	int id = ui->sel.tid ? ui->sel.tid : ui->sel.pid;
	struct act_task shown;
	int rc;

	if (tags_count(ui) > 0) {
		tagged_prompt_open(ui);
		return;
	}
	k->tagged = false;
	if (ui->sel.pid <= 0) {
		ui_message(ui, true, "nothing selected to signal");
		return;
	}
	shown = shown_task(ui, id);
	rc = act_pin(&k->pin, source_proc_root(ui->src), &shown);
	if (rc < 0) {
		ui_message(ui, true, "cannot signal %s %d: %s",
		    ui->sel.tid ? "thread" : "process", id, act_strerror(rc));
		return;
	}
	if (ui->sel.tid != 0 && ui->sel.tid != ui->sel.pid) {
		shown = shown_task(ui, ui->sel.pid);
		/* refused, it stays unpinned: the thread's pin serves */
		(void)act_pin(&k->group_pin, source_proc_root(ui->src), &shown);
	}
	k->open = true;
	k->choice = 0;
	k->pid = ui->sel.pid;
	k->tid = ui->sel.tid;
	/* an exited thread (a zombie leader) takes no signal: its process */
	k->whole_process = ui->sel.tid == 0 || k->pin.exited;
}

static void signal_prompt_close(struct signal_prompt *k)
{
	k->open = false;
	k->tagged = false;
	act_unpin(&k->pin);
	act_unpin(&k->group_pin);
}

void signal_prompt_free(struct ui *ui)
{
	signal_prompt_close(&ui->kill);
	free(ui->kill.tags);
	ui->kill.tags = NULL;
	ui->kill.tags_cap = ui->kill.ntags = 0;
}

static int tag_signal(const struct ui *ui, const struct tag *g, int signo)
{
	struct act_pin pin;
	int rc;

	act_pin_init(&pin);
	rc = act_pin(&pin, source_proc_root(ui->src), &g->task);
	if (rc == 0)
		rc = act_signal(&pin, signo, g->process ? ACT_PROCESS : ACT_THREAD);
	act_unpin(&pin);
	return rc;
}

static int tag_id(const struct tag *g)
{
	return g->process ? g->task.tgid : g->task.tid;
}

/* Every tagged task; the first refusal is told with the count. */
static void tagged_confirmed(struct ui *ui)
{
	struct signal_prompt *k = &ui->kill;
	const struct signal_choice *c = &signal_choices[k->choice];
	const struct tag *failed = NULL;
	size_t ok = 0;
	int err = 0;

	for (size_t i = 0; i < k->ntags; i++) {
		int rc = tag_signal(ui, &k->tags[i], c->signo);

		if (rc == 0) {
			ok++;
		} else if (!failed) {
			failed = &k->tags[i];
			err = rc;
		}
	}
	signal_prompt_close(k);
	if (!failed)
		ui_message(ui, false, "sent SIG%s to %zu tagged task%s", c->name,
		    ok, ok == 1 ? "" : "s");
	else
		ui_message(ui, true, "SIG%s sent to %zu of %zu tagged; %s %d: %s",
		    c->name, ok, k->ntags, failed->process ? "process" : "thread",
		    tag_id(failed), act_strerror(err));
}

static void signal_confirmed(struct ui *ui)
{
	const struct signal_choice *c = &signal_choices[ui->kill.choice];
	const char *what = ui->kill.whole_process ? "process" : "thread";
	int id = ui->kill.whole_process ? ui->kill.pid : ui->kill.tid;
	int rc;

	if (ui->kill.tagged) {
		tagged_confirmed(ui);
		return;
	}
	if (ui->kill.whole_process && ui->kill.group_pin.dirfd >= 0)
		rc = act_signal(&ui->kill.group_pin, c->signo, ACT_PROCESS);
	else
		rc = act_signal(&ui->kill.pin, c->signo,
		    ui->kill.whole_process ? ACT_PROCESS : ACT_THREAD);
	signal_prompt_close(&ui->kill);
	if (rc < 0)
		ui_message(ui, true, "SIG%s to %s %d: %s", c->name, what, id,
		    act_strerror(rc));
	else
		ui_message(ui, false, "sent SIG%s to %s %d", c->name, what, id);
}

void signal_prompt_cancel(struct ui *ui)
{
	signal_prompt_close(&ui->kill);
	ui_message(ui, false, "no signal sent");
}

/* Enter confirms (htop's habit), y too; the choosing keys choose; any
 * other key cancels: a stray key must never send. */
void signal_prompt_key(struct ui *ui, int key)
{
	struct signal_prompt *k = &ui->kill;

	if (key >= '1' && key < '1' + (int)signal_nchoices) {
		k->choice = (size_t)(key - '1');
	} else if (key == KEY_RIGHT || key == KEY_DOWN) {
		k->choice = (k->choice + 1) % signal_nchoices;
	} else if (key == KEY_LEFT || key == KEY_UP) {
		k->choice = (k->choice + signal_nchoices - 1) % signal_nchoices;
	} else if ((key == '\t' || key == 't') && k->tid != 0 &&
	    !k->pin.exited) {
		k->whole_process = !k->whole_process;
	} else if (key == '\n' || key == '\r' || key == KEY_ENTER ||
	    key == 'y' || key == 'Y') {
		signal_confirmed(ui);
	} else {
		signal_prompt_cancel(ui);
	}
}

/*
 * Sent to one thread, these still act on its whole process: STOP and CONT
 * always, the others by their default action (only a handler makes them
 * the thread's alone).  The prompt says so before anything is sent; procs
 * names the process or processes ("process 812", "processes 812, 913").
 */
static void whole_process_note(struct buf *out, const struct signal_choice *c,
    const char *procs, const char *threads)
{
	switch (c->signo) {
	case SIGSTOP:
		buf_printf(out, "SIGSTOP stops all of %s, not only %s.", procs,
		    threads);
		break;
	case SIGCONT:
		buf_printf(out, "SIGCONT resumes all of %s.", procs);
		break;
	case SIGKILL:
		buf_printf(out, "SIGKILL ends all of %s.", procs);
		break;
	default:
		buf_printf(out, "Unless it is handled, SIG%s ends all of %s.",
		    c->name, procs);
		break;
	}
}

#define NOTE_PIDS_MAX 4

/*
 * The processes of the tagged threads (a tagged process is asked about as
 * one already): "process 812", "processes 812, 913", the first few then
 * "...".  False when no thread is tagged.  At most NOTE_PIDS_MAX compared
 * per tag: the prompt is drawn at every refresh, and tags may be many.
 */
static bool tagged_threads_processes(const struct signal_prompt *k,
    struct buf *out)
{
	int pids[NOTE_PIDS_MAX];
	size_t n = 0;
	bool more = false;

	for (size_t i = 0; i < k->ntags; i++) {
		const struct tag *g = &k->tags[i];
		size_t j = 0;

		if (g->process)
			continue;
		while (j < n && pids[j] != g->task.tgid)
			j++;
		if (j < n)
			continue;
		if (n == NOTE_PIDS_MAX)
			more = true;
		else
			pids[n++] = g->task.tgid;
	}
	if (n == 0)
		return false;
	buf_adds(out, n > 1 ? "processes " : "process ");
	for (size_t j = 0; j < n; j++)
		buf_printf(out, "%s%d", j ? ", " : "", pids[j]);
	if (more)
		buf_adds(out, ", ...");
	return true;
}

/* Segments kept whole, joined by two spaces while they fit in cols. */
struct wrap {
	struct buf	*out;
	int		 cols;
	int		 lines;
	size_t		 line_start;
};

static void wrap_join(struct wrap *w, const char *seg, size_t len,
    const char *sep)
{
	size_t used = w->out->len - w->line_start;

	if (w->lines == 0) {
		w->lines = 1;
	} else if ((int)(used + strlen(sep) + len) <= w->cols) {
		buf_adds(w->out, sep);
	} else {
		buf_addc(w->out, '\n');
		w->line_start = w->out->len;
		w->lines++;
	}
	buf_add(w->out, seg, len);
}

static void wrap_add(struct wrap *w, const char *seg, size_t len)
{
	wrap_join(w, seg, len, "  ");
}

/* A sentence wider than the screen (a note naming several processes)
 * breaks between its words; a narrower one is a segment. */
static void wrap_sentence(struct wrap *w, const char *s, size_t len)
{
	size_t i = 0;

	if ((int)len <= w->cols) {
		wrap_add(w, s, len);
		return;
	}
	while (i < len) {
		size_t j = i;

		while (j < len && s[j] != ' ')
			j++;
		wrap_join(w, s + i, j - i, i == 0 ? "  " : " ");
		i = j + 1;
	}
}

/* "send SIGTERM to 3 tagged: process 812, thread 913, process 99?", each
 * item a segment of its own so the list wraps; the first shown of them. */
static void tagged_describe(struct wrap *w, struct buf *seg,
    const struct signal_choice *c, const struct signal_prompt *k,
    size_t shown)
{
	buf_printf(seg, "send SIG%s to %zu tagged:", c->name, k->ntags);
	for (size_t i = 0; i < shown; i++) {
		wrap_add(w, seg->data, seg->len);
		buf_reset(seg);
		buf_printf(seg, "%s %d%s", k->tags[i].process ? "process" :
		    "thread", tag_id(&k->tags[i]), i + 1 < shown ? "," :
		    k->ntags > shown ? ", ...?" : "?");
	}
}

/* What a signal to a thread, or to tagged threads, does to their
 * processes; nothing when only processes are signalled. */
static void threads_note(struct wrap *w, struct buf *seg,
    const struct signal_prompt *k, const struct signal_choice *c)
{
	struct buf procs;

	buf_init(&procs);
	if (k->tagged ? tagged_threads_processes(k, &procs) :
	    !k->whole_process) {
		if (!k->tagged)
			buf_printf(&procs, "process %d", k->pid);
		buf_reset(seg);
		whole_process_note(seg, c, procs.data, k->tagged ?
		    "the tagged threads" : "this thread");
		wrap_sentence(w, seg->data, seg->len);
	}
	buf_free(&procs);
}

static int describe(const struct signal_prompt *k, int cols,
    size_t tags_shown, struct buf *out)
{
	const struct signal_choice *c = &signal_choices[k->choice];
	struct wrap w = { .out = out, .cols = cols };
	struct buf seg;

	buf_reset(out);
	buf_init(&seg);
	if (k->tagged)
		tagged_describe(&w, &seg, c, k, tags_shown);
	else if (k->whole_process)
		buf_printf(&seg, "send SIG%s to process %d?", c->name, k->pid);
	else
		buf_printf(&seg, "send SIG%s to thread %d (process %d)?",
		    c->name, k->tid, k->pid);
	wrap_add(&w, seg.data, seg.len);
	if (k->tid != 0 && k->pin.exited) {
		buf_reset(&seg);
		buf_printf(&seg, "(thread %d has exited: only its process takes "
		    "a signal)", k->tid);
		wrap_add(&w, seg.data, seg.len);
	} else if (k->tid != 0) {
		const char *t = k->whole_process ? "t: only the thread" :
		    "t: whole process";
		wrap_add(&w, t, strlen(t));
	}
	threads_note(&w, &seg, k, c);
	buf_reset(&seg);
	for (size_t i = 0; i < signal_nchoices; i++)
		buf_printf(&seg, "%s%zu %s", i ? " " : "", i + 1,
		    signal_choices[i].name);
	wrap_add(&w, seg.data, seg.len);
	wrap_add(&w, "Enter: send  Esc: cancel", 24);
	buf_free(&seg);
	return w.lines;
}

int signal_prompt_describe(const struct ui *ui, int cols, struct buf *out)
{
	const struct signal_prompt *k = &ui->kill;
	size_t shown = k->ntags < 8 ? k->ntags : 8;
	int lines = describe(k, cols, shown, out);

	/* what it does to the processes, the choices and Enter stay in
	 * view: fewer of the tagged are listed */
	while (k->tagged && lines > UI_HINT_MAX_LINES && shown > 1)
		lines = describe(k, cols, --shown, out);
	return lines;
}
