/*
 * ns_view.c - the namespace overview (`o`): every namespace the snapshot's
 * threads are in, by type, with its name, container, how many processes
 * and threads are in it and who holds it.  A namespace only some threads
 * are in shows too: counted by thread, not by process (docs/ARCHITECTURE.md,
 * "Namespace overview").  Enter lists its tasks; Enter on one jumps there.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "ns_ui.h"
#include "selection.h"
#include "state.h"

#define KEY_ESCAPE 27

static size_t task_comm_view(const struct task *t, const char **comm)
{
	if (t->stat_state != FIELD_OK) {
		*comm = "?";
		return 1;
	}
	return task_comm(t, comm);
}

void ns_view_open(struct ui *ui)
{
	ui->ns.level = NS_VIEW_LIST;
	ns_ui_build_overview(ui);
	if (ui->ns.cursor >= (long)ui->ns.overview.n)
		ui->ns.cursor = 0;
}

static long list_len(const struct ui *ui)
{
	return ui->ns.level == NS_VIEW_TASKS ? (long)ui->ns.ntids :
	    (long)ui->ns.overview.n;
}

static long *list_cursor(struct ui *ui)
{
	return ui->ns.level == NS_VIEW_TASKS ? &ui->ns.tasks_cursor :
	    &ui->ns.cursor;
}

static long *list_top(struct ui *ui)
{
	return ui->ns.level == NS_VIEW_TASKS ? &ui->ns.tasks_top : &ui->ns.top;
}

static int body_rows(void)
{
	return LINES - 3;	/* title, column titles, hint */
}

static void move_cursor(struct ui *ui, long delta)
{
	long *c = list_cursor(ui), n = list_len(ui);

	*c += delta;
	if (*c >= n)
		*c = n - 1;
	if (*c < 0)
		*c = 0;
}

static void enter(struct ui *ui)
{
	long c = *list_cursor(ui);
	int tid;

	if (c < 0 || c >= list_len(ui))
		return;
	if (ui->ns.level == NS_VIEW_LIST) {
		const struct ns_entry *e = &ui->ns.overview.v[c];

		ns_view_open_tasks(ui, e->type, e->ino);
		return;
	}
	tid = ui->ns.tids[c];
	ui->ns.level = NS_VIEW_CLOSED;
	attach_id(ui, tid);
}

void ns_view_key(struct ui *ui, int key)
{
	long page = body_rows() > 1 ? body_rows() - 1 : 1;

	switch (key) {
	case KEY_UP: move_cursor(ui, -1); break;
	case KEY_DOWN: case 'j': move_cursor(ui, 1); break;
	case KEY_PPAGE: move_cursor(ui, -page); break;
	case KEY_NPAGE: move_cursor(ui, page); break;
	case KEY_HOME: case 'g': move_cursor(ui, -list_len(ui)); break;
	case KEY_END: case 'G': move_cursor(ui, list_len(ui)); break;
	case '\n': case '\r': case KEY_ENTER: case KEY_RIGHT: enter(ui); break;
	case KEY_ESCAPE: case 'q': case KEY_LEFT: case 'o':
		if (ui->ns.level == NS_VIEW_TASKS && key != 'o')
			ui->ns.level = NS_VIEW_LIST;
		else
			ui->ns.level = NS_VIEW_CLOSED;
		break;
	default: break;
	}
}

/* "4120 nsdemo" or "thread 4123 netns of 4120". */
static void holder_text(struct ui *ui, const struct ns_entry *e, struct buf *b)
{
	const struct task *t = snapshot_task(ui->snap, e->holder_pid > 0 ?
	    e->holder_pid : e->holder_tid);
	const char *comm = "";
	size_t len = t ? task_comm_view(t, &comm) : 0;

	if (e->holder_tid == 0) {
		buf_adds(b, "a bind mount only");
	} else if (e->holder_pid > 0) {
		buf_printf(b, "%d ", e->holder_pid);
		buf_add(b, comm, len);
	} else {
		buf_printf(b, "thread %d ", e->holder_tid);
		buf_add(b, comm, len);
		if (t)
			buf_printf(b, " of %d", t->tgid);
	}
}

static void name_text(struct ui *ui, const struct ns_entry *e, struct buf *b)
{
	const struct ns_name *name = detail_ns_name(source_detail(ui->src), e->type, e->ino);
	int tid = e->holder_pid > 0 ? e->holder_pid : e->holder_tid;
	const struct task *t = tid > 0 ? snapshot_task(ui->snap, tid) : NULL;
	const struct ns_facts *f = t == NULL ? NULL : detail_ns_facts(
	    source_detail(ui->src), e->type, e->ino, t->tgid, tid);

	if (name != NULL)
		buf_add(b, name->name, name->name_len);
	if (f != NULL && f->cgroup_state == FIELD_OK &&
	    cgroup_kind_is_container(f->cgroup.kind)) {
		buf_printf(b, "%s%s ", name ? "  " : "",
		    cgroup_kind_name(f->cgroup.kind));
		buf_add(b, f->cgroup.id, cgroup_short_id_len(&f->cgroup));
	}
}

#define HOLDER_COLS 27
#define COLS_TITLE "TYPE    INODE      PROCS  PART THREADS HOLDER                      NAME / CONTAINER"

static void entry_draw(struct ui *ui, int y, const struct ns_entry *e,
    bool selected)
{
	struct buf *b = &ui->text;
	enum theme_elem style = selected ? THEME_CURSOR :
	    e->ref_processes == 0 ? (e->type == NS_NET ? THEME_NETNS :
	    THEME_NSDIFF) : THEME_NORMAL;
	int x;

	draw_fill(ui, y, 0, COLS, style);
	buf_reset(b);
	buf_printf(b, "%-6s %-11llu %5zu %5zu %7zu ", ns_type_name(e->type),
	    (unsigned long long)e->ino, e->ref_processes,
	    e->processes - e->ref_processes, e->threads);
	x = draw_cell(ui, y, 0, COLS, style, b->data, b->len);
	buf_reset(b);
	holder_text(ui, e, b);
	draw_cell(ui, y, x, HOLDER_COLS, style, b->data, b->len);
	x += HOLDER_COLS + 1;
	buf_reset(b);
	name_text(ui, e, b);
	if (x < COLS)
		draw_cell(ui, y, x, COLS - x, style, b->data, b->len);
}

static void task_draw(struct ui *ui, int y, int tid, bool selected)
{
	const struct task *t = snapshot_task(ui->snap, tid);
	struct buf *b = &ui->text;
	enum theme_elem style = selected ? THEME_CURSOR : THEME_NORMAL;
	const char *comm;
	size_t len;

	draw_fill(ui, y, 0, COLS, style);
	if (t == NULL)
		return;
	if (!selected && (t->ns_differs & (1u << NS_NET)))
		style = THEME_NETNS;
	buf_reset(b);
	buf_printf(b, "%8d %8d %s  ", t->tid, t->tgid,
	    t->tid == t->tgid ? "process" : "thread ");
	len = task_comm_view(t, &comm);
	buf_add(b, comm, len);
	draw_cell(ui, y, 0, COLS, style, b->data, b->len);
}

static void title_draw(struct ui *ui)
{
	static const char tasks_title[] = "     TID      PID KIND     NAME";
	struct buf *b = &ui->text;

	buf_reset(b);
	if (ui->ns.level == NS_VIEW_LIST) {
		buf_printf(b, "namespaces: %zu  (Enter: its tasks, Esc: back; "
		    "PART: processes only some threads of which are in it)",
		    ui->ns.overview.n);
	} else {
		const struct ns_name *name = detail_ns_name(source_detail(ui->src),
		    ui->ns.tasks_type, ui->ns.tasks_ino);

		buf_printf(b, "tasks in %s %llu", ns_type_name(ui->ns.tasks_type),
		    (unsigned long long)ui->ns.tasks_ino);
		if (name) {
			buf_addc(b, ' ');
			buf_add(b, name->name, name->name_len);
		}
		buf_printf(b, ": %zu  (Enter: go there, Esc: back)", ui->ns.ntids);
	}
	draw_fill(ui, 0, 0, COLS, THEME_HEADER);
	draw_cell(ui, 0, 0, COLS, THEME_HEADER, b->data, b->len);
	draw_fill(ui, 1, 0, COLS, THEME_TITLE);
	if (ui->ns.level == NS_VIEW_LIST)
		draw_cell(ui, 1, 0, COLS, THEME_TITLE, COLS_TITLE,
		    sizeof COLS_TITLE - 1);
	else
		draw_cell(ui, 1, 0, COLS, THEME_TITLE, tasks_title,
		    sizeof tasks_title - 1);
}

void ns_view_draw(struct ui *ui)
{
	long *top = list_top(ui), cur = *list_cursor(ui), n = list_len(ui);
	int rows = body_rows();

	title_draw(ui);
	if (cur < *top)
		*top = cur;
	if (cur >= *top + rows)
		*top = cur - rows + 1;
	if (*top < 0)
		*top = 0;
	for (int y = 0; y < rows && *top + y < n; y++) {
		long i = *top + y;
		if (ui->ns.level == NS_VIEW_LIST)
			entry_draw(ui, 2 + y, &ui->ns.overview.v[i], i == cur);
		else
			task_draw(ui, 2 + y, ui->ns.tids[i], i == cur);
	}
}
