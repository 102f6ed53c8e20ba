/*
 * stack_group_text.c - a group in words, shared by the batch text and the
 * grouped view: its chain in one line, its states, its tids as ranges.
 * Raw bytes out (frames are the kernel's and the target's): the caller
 * sanitizes.
 */
#include "config.h"

#include <string.h>

#include "tasktop/stack_group.h"

struct summary {
	struct buf	*out;
	const char	*arrow;
	int		 items;
};

static void summary_item(struct summary *s, const char *text, size_t len)
{
	if (s->items++ > 0)
		buf_adds(s->out, s->arrow);
	buf_add(s->out, text, len);
}

/* Kernel frames by symbol, schedule and the entry path left out; when all
 * are left out the innermost still says something. */
static void summary_kernel(struct summary *s, const struct stack_group *g,
    struct buf *sym, int most)
{
	int shown = 0;

	for (int i = 0; i < g->nkernel && shown < most; i++) {
		buf_reset(sym);
		stack_kernel_symbol(sym, g->kernel[i]);
		if (stack_frame_is_boring(sym->data, sym->len))
			continue;
		summary_item(s, sym->data, sym->len);
		shown++;
	}
	if (shown == 0 && g->nkernel > 0) {
		buf_reset(sym);
		stack_kernel_symbol(sym, g->kernel[0]);
		summary_item(s, sym->data, sym->len);
	}
}

static void summary_wchan(struct summary *s, const struct stack_group *g)
{
	struct buf *out = s->out;

	if (s->items++ > 0)
		buf_adds(out, s->arrow);
	buf_adds(out, "wchan ");
	buf_adds(out, g->wchan != NULL ? g->wchan : "-");
	buf_adds(out, ", syscall ");
	buf_adds(out, g->syscall != NULL ? g->syscall : "-");
}

static void summary_user(struct summary *s, const struct stack_group *g)
{
	for (int i = 0; i < g->nuser; i++) {
		const struct stack_frame *f = &g->user[i];
		const char *name = f->function != NULL ? f->function : f->text;
		if (!f->inlined)
			summary_item(s, name, strlen(name));
	}
}

void stack_group_summary(struct buf *out, const struct stack_group *g,
    const char *arrow)
{
	struct summary s = { .out = out, .arrow = arrow };
	struct buf sym;

	buf_init(&sym);
	if (g->basis == STACK_BASIS_NONE)
		summary_item(&s, "not grouped: nothing read",
		    strlen("not grouped: nothing read"));
	else if (g->basis == STACK_BASIS_WCHAN)
		summary_wchan(&s, g);
	else if (g->in_user)
		summary_item(&s, "in user space", strlen("in user space"));
	else	/* with user frames, the kernel's innermost says enough */
		summary_kernel(&s, g, &sym, g->nuser > 0 ? 1 : g->nkernel);
	summary_user(&s, g);
	if (s.items == 0)
		buf_adds(out, "no frames");
	buf_free(&sym);
}

void stack_group_states(struct buf *out, const struct stack_group *g)
{
	if (g->nstates == 1) {
		buf_addc(out, g->states[0].state);
		return;
	}
	for (size_t i = 0; i < g->nstates; i++)
		buf_printf(out, "%s%lu %c", i > 0 ? " " : "", g->states[i].n,
		    g->states[i].state);
}

void stack_tids_ranges(struct buf *out, const int *tids, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		while (j + 1 < n && tids[j + 1] == tids[j] + 1)
			j++;
		if (i > 0)
			buf_addc(out, ',');
		if (j == i)
			buf_printf(out, "%d", tids[i]);
		else
			buf_printf(out, "%d-%d", tids[i], tids[j]);
		i = j + 1;
	}
}

/*
 * The chain unfolded, a line a frame: kernel frames (or what stood in for
 * them), then user frames.  Line numbers run over these parts in order.
 */
static int chain_head_lines(const struct stack_group *g)
{
	if (g->basis == STACK_BASIS_WCHAN)
		return 2;
	return g->in_user || g->basis == STACK_BASIS_NONE ? 1 : 0;
}

static int chain_user_error_lines(const struct stack_group *g)
{
	return g->user_state != FIELD_UNREAD && g->user_state != FIELD_OK;
}

int stack_group_chain_lines(const struct stack_group *g)
{
	return chain_head_lines(g) + g->nkernel + (g->kernel_truncated ? 1 : 0) +
	    chain_user_error_lines(g) + g->nuser;
}

static void chain_head_line(const struct stack_group *g, int i,
    struct buf *out)
{
	if (g->basis == STACK_BASIS_NONE) {
		buf_printf(out, "(not grouped: kernel stack, wchan and syscall "
		    "all unread: %s)", field_state_str(g->kernel_state));
		return;
	}
	if (g->basis != STACK_BASIS_WCHAN) {
		buf_adds(out, "(in user space: no kernel frames)");
		return;
	}
	buf_adds(out, i == 0 ? "wchan " : "syscall ");
	buf_adds(out, i == 0 ? (g->wchan ? g->wchan : "-") :
	    (g->syscall ? g->syscall : "-"));
}

void stack_group_chain_line(const struct stack_group *g, int i,
    struct buf *out)
{
	if (i < chain_head_lines(g)) {
		chain_head_line(g, i, out);
		return;
	}
	i -= chain_head_lines(g);
	if (i < g->nkernel) {
		buf_adds(out, g->kernel[i]);
		return;
	}
	i -= g->nkernel;
	if (g->kernel_truncated && i-- == 0) {
		buf_adds(out, "(deeper frames not kept)");
		return;
	}
	if (chain_user_error_lines(g) && i-- == 0) {
		buf_adds(out, "user stack: ");
		buf_adds(out, g->user_error != NULL ? g->user_error :
		    field_state_str(g->user_state));
		return;
	}
	/* an inlined frame's text says so (the unwinder's "name (inlined)") */
	if (i < g->nuser)
		buf_adds(out, g->user[i].text);
}
