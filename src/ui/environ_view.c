/*
 * environ_view.c - e: the selected process's environment
 * (/proc/<pid>/environ), a line a variable, sanitized, scrollable.  Like
 * htop it is read once when opened.  Another user's needs ptrace access:
 * the refusal says so; a kernel thread has none, and that is said.
 */
#include "config.h"

#include <string.h>

#include "tasktop/detail.h"
#include "tasktop/source.h"

#include "state.h"
#include "text_view.h"
#include "view_state.h"

void environ_view_open(struct ui *ui)
{
	struct buf env;
	enum field_state st;
	size_t start = 0;
	int pid = ui->sel.pid, tid = ui->sel.tid ? ui->sel.tid : ui->sel.pid;
	const struct process *proc = pid > 0 ? snapshot_process(ui->snap, pid) :
	    NULL;

	if (pid <= 0) {
		ui_message(ui, true, "nothing selected");
		return;
	}
	/* The kernel answers ESRCH for a kernel thread's environ (it has no
	 * memory of its own): that is not "gone". */
	if (proc && proc->kernel_thread) {
		ui_message(ui, false, "process %d is a kernel thread: it has no "
		    "environment", pid);
		return;
	}
	buf_init(&env);
	st = detail_read_environ(source_detail(ui->src), pid, tid, &env);
	if (st != FIELD_OK) {
		ui_message(ui, true, "environment of process %d: %s", pid,
		    st == FIELD_DENIED ? "permission denied (another user's "
		    "environment needs ptrace access: the same user, or "
		    "CAP_SYS_PTRACE)" : field_state_str(st));
		buf_free(&env);
		return;
	}
	text_view_open(ui, "environment of process %d (%s; any other key "
	    "closes)", pid, "Up Down PgUp PgDn scroll");
	for (size_t i = 0; i <= env.len; i++) {
		if (i < env.len && env.data[i] != '\0')
			continue;
		if (i > start)
			text_view_add(ui, env.data + start, i - start);
		start = i + 1;
	}
	buf_free(&env);
}
