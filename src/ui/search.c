/*
 * search.c - find the next row whose name, pid or tid matches, looking
 * into collapsed processes too: a match there opens the process.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "selection.h"
#include "state.h"
#include "view_state.h"

/* A query of digits names an id exactly; anything else is a substring of
 * the name, ignoring ASCII case. */
static bool query_id(const char *query, int *id)
{
	char *end;
	long v;

	if (!*query || strspn(query, "0123456789") != strlen(query))
		return false;
	v = strtol(query, &end, 10);
	if (v <= 0 || v > 0x7fffffff)
		return false;
	*id = (int)v;
	return true;
}

static bool name_contains(const char *name, size_t len, const char *query)
{
	size_t qlen = strlen(query);

	if (qlen == 0 || qlen > len)
		return false;
	for (size_t i = 0; i + qlen <= len; i++)
		if (strncasecmp(name + i, query, qlen) == 0)
			return true;
	return false;
}

static bool task_matches(const struct task *t, const char *query)
{
	const char *comm;
	size_t len = task_comm(t, &comm);
	int id;

	if (query_id(query, &id))
		return t->tid == id;
	return t->stat_state == FIELD_OK && name_contains(comm, len, query);
}

static bool process_matches(struct ui *ui, const struct process *p,
    const char *query)
{
	int id;

	if (query_id(query, &id))
		return p->pid == id;
	/* The command line may not name the program (systemd runs as
	 * /sbin/init): its comm counts too. */
	if (p->leader && task_matches(p->leader, query))
		return true;
	buf_reset(&ui->text);
	process_display_name(p, &ui->text);
	return name_contains(ui->text.data, ui->text.len, query);
}

/* A thread of a collapsed process that matches; 0 when none. */
static int hidden_thread_match(const struct process *p, const char *query)
{
	for (size_t i = 0; i < p->nthreads; i++)
		if (p->threads[i]->tid != p->pid &&
		    task_matches(p->threads[i], query))
			return p->threads[i]->tid;
	return 0;
}

/* The row to select when row i matches, else -1.  A matching thread of a
 * collapsed process opens it and is selected. */
static long row_match(struct ui *ui, size_t i, const char *query)
{
	const struct view_row *row = &ui->view.rows[i];
	struct process *p = row->proc;
	int tid;

	if (row->task)
		return task_matches(row->task, query) ? (long)i : -1;
	if (process_matches(ui, p, query))
		return (long)i;
	if (ui_is_expanded(ui, p->pid) || !(tid = hidden_thread_match(p, query)))
		return -1;
	ui_set_expanded(ui, p->pid, true);
	ui_rebuild(ui);
	return view_find_task(&ui->view, tid);
}

bool search_step(struct ui *ui, const char *query, int dir, bool include_current)
{
	size_t n = ui->view.n;
	long start = ui->cursor < 0 ? 0 : ui->cursor;
	size_t first = include_current ? 0 : 1;

	if (n == 0 || !*query)
		return false;
	for (size_t k = first; k < first + n; k++) {
		long i = ((start + dir * (long)k) % (long)n + (long)n) % (long)n;
		long hit = row_match(ui, (size_t)i, query);
		if (hit < 0)
			continue;
		selection_set_row(ui, hit);
		ui_read_detail(ui);
		return true;
	}
	return false;
}
