/*
 * batch_stacks.c - -b --stacks: what each process's threads are doing, as
 * groups of threads with one call chain (docs/ARCHITECTURE.md "Stack
 * groups"), largest first, the way pt-pmp and Go's goroutine dumps print
 * them:
 *
 *   PID 4120  stackdemo  46 threads, 5 groups by kernel stack
 *   40 threads  S  cpu 0.0%  tids 4121-4160
 *       futex_wait_queue+0x6c/0xb0
 *       …
 *
 * A group's line always begins with its count and "threads" ("thread"), so
 * `grep -E '^[0-9]+ threads?'` finds them; the chain lines are indented.
 * The threads nothing could be read of (neither stack, wchan nor syscall)
 * are no group: their line begins "not grouped: ".
 * Frames and names are sanitized: this text often lands on a terminal.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include "tasktop/out.h"
#include "internal.h"

#define FRAME_INDENT "    "

struct stacks_writer {
	struct buf	*out;
	struct buf	 raw;
	enum text_mode	 mode;
	const struct out_opts *o;
};

static void add_sanitized(struct stacks_writer *w, const char *s, size_t len)
{
	text_sanitize(w->out, s, len, w->mode);
}

/* The threads nothing was read of: no group, whatever gs counts. */
static const struct stack_group *unread_group(const struct stack_groups *gs)
{
	for (size_t i = 0; i < gs->n; i++)
		if (gs->g[i].basis == STACK_BASIS_NONE)
			return &gs->g[i];
	return NULL;
}

/* Why, and that root may read it: root is denied some tasks too (another
 * user namespace's init). */
static void add_why(struct buf *out, enum field_state why, const char *them)
{
	buf_adds(out, field_state_str(why));
	if (why == FIELD_DENIED && geteuid() != 0)
		buf_printf(out, "; root can read %s", them);
}

/* How the threads were compared: the kernel stack, or, where it could not
 * be read, wchan and syscall; said once per process. */
static void process_basis(struct stacks_writer *w, const struct stack_groups *gs,
    unsigned long grouped)
{
	unsigned long fallback = 0;
	enum field_state why = FIELD_DENIED;

	for (size_t i = 0; i < gs->n; i++) {
		if (gs->g[i].basis != STACK_BASIS_WCHAN)
			continue;
		fallback += gs->g[i].weight;
		why = gs->g[i].kernel_state;
	}
	if (fallback == 0) {
		buf_adds(w->out, " by kernel stack");
		return;
	}
	if (fallback == grouped)
		buf_adds(w->out, " by wchan and syscall");
	else
		buf_printf(w->out, " by kernel stack, %lu %s by wchan and "
		    "syscall", fallback, gs->rounds ? "thread-samples" : "threads");
	buf_adds(w->out, " (kernel stack: ");
	add_why(w->out, why, "it");
	buf_addc(w->out, ')');
}

/* ", 3 groups by kernel stack", and the threads it could not group. */
static void process_grouping(struct stacks_writer *w,
    const struct stack_groups *gs)
{
	const struct stack_group *none = unread_group(gs);
	size_t ngroups = gs->n - (none != NULL);

	if (ngroups == 0) {
		buf_adds(w->out, ", not grouped: kernel stack, wchan and "
		    "syscall: ");
		add_why(w->out, none->kernel_state, "them");
		return;
	}
	buf_printf(w->out, ", %zu group%s", ngroups, ngroups == 1 ? "" : "s");
	if (gs->rounds > 0)
		buf_printf(w->out, " over %lu samples %.3g s apart",
		    gs->rounds, w->o->sample_interval);
	process_basis(w, gs, gs->total - (none ? none->weight : 0));
	if (none)
		buf_printf(w->out, "; %lu %s not grouped (kernel stack, wchan "
		    "and syscall: %s)", none->weight, gs->rounds ?
		    "thread-samples" : none->weight == 1 ? "thread" : "threads",
		    field_state_str(none->kernel_state));
}

static void process_line(struct stacks_writer *w, const struct process *p,
    const struct stack_groups *gs)
{
	buf_printf(w->out, "PID %d  ", p->pid);
	buf_reset(&w->raw);
	process_display_name(p, &w->raw);
	add_sanitized(w, w->raw.data, w->raw.len);
	buf_printf(w->out, "  %zu thread%s", p->nthreads,
	    p->nthreads == 1 ? "" : "s");
	if (gs == NULL || gs->n == 0) {
		buf_adds(w->out, ", none left to group\n");
		return;
	}
	process_grouping(w, gs);
	buf_addc(w->out, '\n');
}

static void group_line(struct stacks_writer *w, const struct stack_groups *gs,
    const struct stack_group *g)
{
	/* not beginning with the count: it is no group */
	if (g->basis == STACK_BASIS_NONE)
		buf_adds(w->out, "not grouped: ");
	buf_printf(w->out, "%zu thread%s  ", g->ntids, g->ntids == 1 ? "" : "s");
	buf_reset(&w->raw);
	stack_group_states(&w->raw, g);
	add_sanitized(w, w->raw.data, w->raw.len);
	if (gs->rounds > 0 && gs->total > 0)
		buf_printf(w->out, "  %.0f%% of thread-time (%lu of %lu "
		    "samples)", 100.0 * (double)g->weight / (double)gs->total,
		    g->weight, gs->total);
	else if (g->cpu_valid && isfinite(g->cpu_percent))
		buf_printf(w->out, "  cpu %.1f%%", g->cpu_percent);
	else
		buf_adds(w->out, "  cpu -");
	buf_adds(w->out, "  tids ");
	buf_reset(&w->raw);
	stack_tids_ranges(&w->raw, g->tids, g->ntids);
	buf_add(w->out, w->raw.data, w->raw.len);
	buf_addc(w->out, '\n');
}

static void group_chain(struct stacks_writer *w, const struct stack_group *g)
{
	for (int i = 0, n = stack_group_chain_lines(g); i < n; i++) {
		buf_adds(w->out, FRAME_INDENT);
		buf_reset(&w->raw);
		stack_group_chain_line(g, i, &w->raw);
		add_sanitized(w, w->raw.data, w->raw.len);
		buf_addc(w->out, '\n');
	}
}

static void process_groups(struct stacks_writer *w, const struct process *p)
{
	const struct stack_groups *gs = w->o->stack_groups(w->o->stack_ctx, p);

	buf_addc(w->out, '\n');
	process_line(w, p, gs);
	for (size_t i = 0; gs != NULL && i < gs->n; i++) {
		group_line(w, gs, &gs->g[i]);
		group_chain(w, &gs->g[i]);
	}
}

void out_batch_stacks_write(struct buf *out, const struct snapshot *s,
    const struct out_opts *o)
{
	struct stacks_writer w = {
		.out = out, .mode = text_mode_from_locale(), .o = o,
	};

	buf_init(&w.raw);
	out_batch_header(out, s);
	for (size_t i = 0; i < s->nlist; i++)
		process_groups(&w, s->list[i]);
	buf_free(&w.raw);
}
