/*
 * side_pane.c - the selected thread (or a process's leader) in detail: its
 * kernel stack (after b, the whole call chain: pane_chain.c), wchan and syscall, its namespaces against the process's
 * reference thread, and its status fields.  A field that could not be read
 * says why instead of showing a value.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "layout.h"
#include "state.h"
#include "pane.h"

void pane_put(struct pane_lines *pl, enum theme_elem style,
    const char *s, size_t len)
{
	int y = pl->line++ - pl->ui->side_scroll;

	if (y < 0 || y >= pl->r->h - 1)
		return;
	draw_cell(pl->ui, pl->r->y + 1 + y, pl->r->x, pl->r->w, style, s, len);
}

void pane_put2(struct pane_lines *pl, enum theme_elem left_style,
    const char *left, size_t left_len, enum theme_elem right_style,
    const char *right, size_t right_len)
{
	int y = pl->line++ - pl->ui->side_scroll, half = pl->r->w / 2;

	if (y < 0 || y >= pl->r->h - 1)
		return;
	draw_cell(pl->ui, pl->r->y + 1 + y, pl->r->x, half - 1, left_style,
	    left, left_len);
	draw_cell(pl->ui, pl->r->y + 1 + y, pl->r->x + half, pl->r->w - half,
	    right_style, right, right_len);
}

void pane_printf(struct pane_lines *pl, enum theme_elem style,
    const char *fmt, ...)
{
	struct buf *b = &pl->ui->text;
	va_list ap;

	buf_reset(b);
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
	pane_put(pl, style, b->data, b->len);
}

/* Our own (printable) text over as many lines as it takes, broken at
 * spaces: the reason a field is missing must not be cut off. */
void pane_wrapped(struct pane_lines *pl, enum theme_elem style,
    const char *s)
{
	size_t len = strlen(s);

	while (len > 0) {
		size_t n = text_fit(s, len, pl->r->w, NULL), cut = n;

		while (n < len && cut > 0 && s[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = n > 0 ? n : 1;
		pane_put(pl, style, s, cut);
		for (s += cut, len -= cut; len > 0 && *s == ' '; s++, len--)
			;
	}
}

/* "  label  value" where value is raw kernel bytes. */
static void pane_field(struct pane_lines *pl, const char *label,
    const char *value, size_t len)
{
	struct buf *b = &pl->ui->text;

	buf_reset(b);
	buf_printf(b, "  %-10s", label);
	buf_add(b, value, len);
	pane_put(pl, THEME_PANE, b->data, b->len);
}

void pane_stack(struct pane_lines *pl, const struct task_detail *d)
{
	char why[320];

	pane_printf(pl, THEME_PANE_TITLE, "kernel stack");
	switch (d->stack_state) {
	case FIELD_OK:
		for (int i = 0; i < d->stack.n; i++) {
			const char *f = proc_stack_frame(&d->stack, i);
			buf_reset(&pl->ui->text);
			buf_adds(&pl->ui->text, "  ");
			buf_adds(&pl->ui->text, f);
			pane_put(pl, THEME_PANE, pl->ui->text.data, pl->ui->text.len);
		}
		if (d->stack.n == 0)
			pane_printf(pl, THEME_PANE, "  (no kernel frames)");
		if (d->stack.truncated)
			pane_printf(pl, THEME_PANE, "  ... more frames");
		break;
	case FIELD_DENIED:
		snprintf(why, sizeof why, "kernel stack: permission denied (%s)",
		    d->stack_why[0] ? d->stack_why : "no reason known");
		pane_wrapped(pl, THEME_ERROR, why);
		break;
	case FIELD_GONE:
		pane_printf(pl, THEME_ERROR, "thread exited");
		break;
	default:
		pane_printf(pl, THEME_ERROR, "kernel stack: %s",
		    field_state_str(d->stack_state));
		break;
	}
}

static void pane_wchan_syscall(struct pane_lines *pl, const struct task_detail *d)
{
	const char *name;

	if (d->status_state == FIELD_OK && d->status.state == 'R')
		pane_printf(pl, THEME_PANE, "  %-10snone (running)", "wchan");
	else if (d->wchan_state == FIELD_OK)
		pane_field(pl, "wchan", d->wchan, strnlen(d->wchan, sizeof d->wchan));
	else if (d->wchan_state == FIELD_UNAVAILABLE)
		pane_wrapped(pl, THEME_ERROR, "  wchan     - (the kernel says 0: "
		    "running, or not allowed to tell)");
	else
		pane_printf(pl, THEME_ERROR, "  %-10s%s", "wchan",
		    field_state_str(d->wchan_state));
	if (d->syscall_state != FIELD_OK) {
		pane_printf(pl, THEME_ERROR, "  %-10s%s", "syscall",
		    field_state_str(d->syscall_state));
		return;
	}
	switch (d->syscall.kind) {
	case SYSCALL_RUNNING:
		pane_printf(pl, THEME_PANE, "  %-10srunning", "syscall");
		break;
	case SYSCALL_NONE:
		pane_printf(pl, THEME_PANE, "  %-10snone (blocked outside a syscall)",
		    "syscall");
		break;
	case SYSCALL_IN:
		name = syscall_name(d->syscall.nr);
		pane_printf(pl, THEME_PANE, "  %-10s%s (%ld)", "syscall",
		    name ? name : "?", d->syscall.nr);
		break;
	}
}

static void pane_ids(struct pane_lines *pl, const char *label, const int *ids,
    int n)
{
	struct buf *b = &pl->ui->text;

	buf_reset(b);
	buf_printf(b, "  %-10s", label);
	for (int i = 0; i < n; i++)
		buf_printf(b, "%s%d", i ? " " : "", ids[i]);
	pane_put(pl, THEME_PANE, b->data, b->len);
}

static const char *seccomp_name(int mode)
{
	static const char *const names[] = { "disabled", "strict", "filter" };

	return mode >= 0 && mode <= 2 ? names[mode] : "?";
}

/* The kernel's words for a state letter, as status prints them. */
static const char *state_name(char state)
{
	switch (state) {
	case 'R': return "running";
	case 'S': return "sleeping";
	case 'D': return "disk sleep";
	case 'T': return "stopped";
	case 't': return "tracing stop";
	case 'Z': return "zombie";
	case 'X': return "dead";
	case 'I': return "idle";
	default: return "?";
	}
}

/* A status line only when status had it: an absent field is not a 0. */
#define STATUS_LINE(pl, st, bit, ...) \
	do { \
		if ((st)->has & (bit)) \
			pane_printf((pl), THEME_PANE, __VA_ARGS__); \
	} while (0)

static void pane_status_ids(struct pane_lines *pl, const struct proc_status *st)
{
	if (st->has & STATUS_HAS_NAME)
		pane_field(pl, "Name", st->name, st->name_len);
	STATUS_LINE(pl, st, STATUS_HAS_STATE, "  %-10s%c (%s)", "State",
	    st->state, state_name(st->state));
	STATUS_LINE(pl, st, STATUS_HAS_TGID, "  %-10s%d", "Tgid", st->tgid);
	STATUS_LINE(pl, st, STATUS_HAS_PID, "  %-10s%d", "Pid", st->pid);
	STATUS_LINE(pl, st, STATUS_HAS_PPID, "  %-10s%d", "PPid", st->ppid);
	STATUS_LINE(pl, st, STATUS_HAS_TRACERPID, "  %-10s%d", "TracerPid",
	    st->tracer_pid);
	STATUS_LINE(pl, st, STATUS_HAS_UID, "  %-10s%u %u %u %u", "Uid",
	    st->uid[0], st->uid[1], st->uid[2], st->uid[3]);
	STATUS_LINE(pl, st, STATUS_HAS_GID, "  %-10s%u %u %u %u", "Gid",
	    st->gid[0], st->gid[1], st->gid[2], st->gid[3]);
	if (st->has & STATUS_HAS_NSTGID)
		pane_ids(pl, "NStgid", st->nstgid, st->nstgid_n);
	if (st->has & STATUS_HAS_NSPID)
		pane_ids(pl, "NSpid", st->nspid, st->nspid_n);
}

static void pane_status(struct pane_lines *pl, const struct task_detail *d)
{
	const struct proc_status *st = &d->status;

	pane_printf(pl, THEME_PANE_TITLE, "status");
	if (d->status_state != FIELD_OK) {
		pane_printf(pl, THEME_ERROR, "  %s", field_state_str(d->status_state));
		return;
	}
	pane_status_ids(pl, st);
	STATUS_LINE(pl, st, STATUS_HAS_CTXT, "  %-10s%llu voluntary, %llu not",
	    "ctxt", st->voluntary_ctxt_switches, st->nonvoluntary_ctxt_switches);
	if (st->has & STATUS_HAS_CPUS)
		pane_field(pl, "Cpus", st->cpus_allowed_list,
		    strnlen(st->cpus_allowed_list, sizeof st->cpus_allowed_list));
	STATUS_LINE(pl, st, STATUS_HAS_CAPEFF, "  %-10s%016llx", "CapEff",
	    st->cap_eff);
	STATUS_LINE(pl, st, STATUS_HAS_SECCOMP, "  %-10s%d (%s)", "Seccomp",
	    st->seccomp, seccomp_name(st->seccomp));
}

static void pane_title(struct ui *ui, const struct rect *r,
    const struct process *p)
{
	struct buf *b = &ui->text;
	const struct task *t = snapshot_task(ui->snap, ui->detail.tid);

	draw_fill(ui, r->y, r->x, r->w, THEME_PANE_TITLE);
	buf_reset(b);
	buf_printf(b, "%s %d", ui->detail.tid == ui->detail.tgid ? "leader" : "thread",
	    ui->detail.tid);
	if (t && t->stat_state == FIELD_OK) {
		const char *comm;
		size_t len = task_comm(t, &comm);

		buf_adds(b, " ");
		buf_add(b, comm, len);
	}
	buf_printf(b, " of process %d", ui->detail.tgid);
	if (p && p->leader_exited)
		buf_adds(b, " (leader exited)");
	if (ui->focus == FOCUS_SIDE)
		buf_adds(b, " [Tab: back]");
	draw_cell(ui, r->y, r->x, r->w, THEME_PANE_TITLE, b->data, b->len);
}

static bool detail_gone(const struct task_detail *d)
{
	return d->status_state == FIELD_GONE && d->stack_state != FIELD_OK;
}

static void side_scroll_clamp(struct ui *ui, int rows)
{
	int max = ui->side_lines - rows;

	if (ui->side_scroll > max)
		ui->side_scroll = max;
	if (ui->side_scroll < 0)
		ui->side_scroll = 0;
}

void side_pane_draw(struct ui *ui, const struct rect *r)
{
	struct pane_lines pl = { .ui = ui, .r = r, .line = 0 };
	const struct process *p;

	if (r->w <= 0 || r->h <= 0)
		return;
	side_scroll_clamp(ui, r->h - 1);
	if (!ui->detail_valid) {
		draw_fill(ui, r->y, r->x, r->w, THEME_PANE_TITLE);
		pane_printf(&pl, THEME_PANE, "nothing selected");
		return;
	}
	p = snapshot_process(ui->snap, ui->detail.tgid);
	pane_title(ui, r, p);
	if (detail_gone(&ui->detail)) {
		pane_printf(&pl, THEME_ERROR, "thread exited");
	} else {
		if (!pane_call_chain(&pl, &ui->detail))
			pane_stack(&pl, &ui->detail);
		pane_wchan_syscall(&pl, &ui->detail);
		pane_printf(&pl, THEME_PANE, "%s", "");
		pane_namespaces(&pl, &ui->detail, p);
		pane_printf(&pl, THEME_PANE, "%s", "");
		pane_status(&pl, &ui->detail);
	}
	ui->side_lines = pl.line;
}
