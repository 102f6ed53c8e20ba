/*
 * cells.c - the text of a row in each column.  A thread row shows its own
 * values; a process row its leader's (the thread whose stat describes the
 * process), or sums over its threads (CPU%, TIME+).  What could not be read
 * shows "-", never a made-up number.  The values are the stat fields the
 * refresh read: NI, PRI, CPU and START are fields 19, 18, 39 and 22 of
 * /proc/<pid>/task/<tid>/stat, TIME+ is utime + stime.
 */
#include "config.h"

#include <stdio.h>

#include "tasktop/util.h"
#include "columns.h"
#include "format.h"
#include "state.h"
#include "view_state.h"

/* The task whose stat stands for the row: the thread, else the leader
 * while it lives, else the first thread whose stat was read. */
static const struct task *row_stat_task(const struct view_row *row)
{
	const struct process *p = row->proc;

	if (row->task)
		return row->task->stat_state == FIELD_OK ? row->task : NULL;
	if (p->leader && !p->leader_exited && p->leader->stat_state == FIELD_OK)
		return p->leader;
	for (size_t i = 0; i < p->nthreads; i++)
		if (p->threads[i] != p->leader &&
		    p->threads[i]->stat_state == FIELD_OK)
			return p->threads[i];
	return NULL;
}

/* Memory, owner and thread count belong to the process: shown on its row,
 * and on a thread's row only where no process row is (the flat thread
 * list). */
static bool per_process(const struct ui *ui, const struct view_row *row)
{
	return !row->task || (ui->opts.flat_threads && !ui->opts.tree);
}

static const char *dash(char *out, size_t size)
{
	snprintf(out, size, "-");
	return out;
}

static const char *time_cell(const struct ui *ui, const struct view_row *row,
    const struct task *t, char *out, size_t size)
{
	const struct process *p = row->proc;

	if (row->task && t)
		format_time(out, size, t->stat.utime + t->stat.stime,
		    ui->snap->hz);
	else if (!row->task && p->time_valid)
		format_time(out, size, p->time_ticks, ui->snap->hz);
	else
		return dash(out, size);
	return out;
}

static const char *start_cell(const struct ui *ui, const struct task *t,
    char *out, size_t size)
{
	if (!t || ui->snap->hz <= 0 || ui->boot_wall <= 0)
		return dash(out, size);
	format_start(out, size, ui->boot_wall +
	    (double)t->stat.starttime / (double)ui->snap->hz, ui->snap->wall);
	return out;
}

/* A thread row's own counters, a process row the process's; "-" until
 * two consecutive reads (and for IO without ptrace access). */
static const char *rate_cell(const struct view_row *row, enum column c,
    char *out, size_t size)
{
	const struct counters *k = row->task ? &task_shown(row->task)->counters :
	    &row->proc->counters;

	if (c == COL_CTXT) {
		if (!k->ctxt_rate_ok)
			return dash(out, size);
		snprintf(out, size, "%.0f", k->ctxt_rate);
		return out;
	}
	if (!k->io_rate_ok)
		return dash(out, size);
	format_kb(out, size, (unsigned long long)((c == COL_IO_READ ?
	    k->read_rate : k->write_rate) / 1024), UI_MEM_COLS);
	return out;
}

static const char *process_cell(const struct ui *ui,
    const struct view_row *row, const struct task *t, enum column c,
    char *out, size_t size)
{
	const struct process *p = row->proc;

	if (!per_process(ui, row))
		return "";
	switch (c) {
	case COL_USER:
		return p->uid_state == FIELD_OK && p->user ? p->user : "?";
	case COL_MEM:
		if (p->rss_state != FIELD_OK)
			return dash(out, size);
		format_kb(out, size, p->rss_kb, UI_MEM_COLS);
		return out;
	case COL_MEMPCT:
		if (p->rss_state != FIELD_OK || !ui->snap->sys.mem_ok)
			return dash(out, size);
		format_cpu(out, size, true, (double)p->rss_kb * 100.0 /
		    (double)ui->snap->sys.mem.total_kb);
		return out;
	case COL_VIRT:
		if (!t)
			return dash(out, size);
		format_kb(out, size, p->vsize / 1024, UI_MEM_COLS);
		return out;
	case COL_THREADS:
		snprintf(out, size, "%zu", p->nthreads);
		return out;
	case COL_SHR:
		if (p->counters.shr_state != FIELD_OK)
			return dash(out, size);
		format_kb(out, size, p->counters.shr_kb, UI_MEM_COLS);
		return out;
	default:
		return "";
	}
}

/* Where the row's thread waits: nothing while it runs (a wait channel
 * read before would be stale), "-" when the kernel did not tell. */
static const char *wchan_cell(const struct view_row *row, char *out,
    size_t size)
{
	const struct task *w = ui_row_wchan_task(row);

	if (w && w->stat_state == FIELD_OK && w->stat.state == 'R')
		return "";
	if (!w || task_shown(w)->wchan_state != FIELD_OK)
		return dash(out, size);
	return task_shown(w)->wchan;
}

const char *cell_text(const struct ui *ui, const struct view_row *row,
    enum column c, char *out, size_t size)
{
	const struct task *t = row_stat_task(row);
	const struct process *p = row->proc;

	switch (c) {
	case COL_ID:
		snprintf(out, size, "%d", row->task ? row->task->tid : p->pid);
		return out;
	case COL_STATE:
		snprintf(out, size, "%c", row->task ? (t ? t->stat.state : '?') :
		    p->state ? p->state : '?');
		return out;
	case COL_CPU:
		if (row->task)
			format_cpu(out, size, row->task->cpu_valid,
			    row->task->cpu_percent);
		else
			format_cpu(out, size, p->cpu_valid, p->cpu_percent);
		return out;
	case COL_USER: case COL_MEM: case COL_VIRT: case COL_THREADS:
	case COL_SHR: case COL_MEMPCT:
		return process_cell(ui, row, t, c, out, size);
	case COL_CTXT: case COL_IO_READ: case COL_IO_WRITE:
		return rate_cell(row, c, out, size);
	case COL_NICE:
	case COL_PRIO:
		if (!t)
			return dash(out, size);
		snprintf(out, size, "%d", c == COL_NICE ? t->stat.nice :
		    t->stat.priority);
		return out;
	case COL_TIME:
		return time_cell(ui, row, t, out, size);
	case COL_PROCESSOR:
		if (!t || t->stat.processor < 0)
			return dash(out, size);
		snprintf(out, size, "%d", t->stat.processor);
		return out;
	case COL_START:
		return start_cell(ui, t, out, size);
	case COL_WCHAN:
		return wchan_cell(row, out, size);
	default:
		return "";
	}
}
