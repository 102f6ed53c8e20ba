/*
 * json_stacks.c - --json --stacks: each process's "stack_groups", largest
 * first (docs/ARCHITECTURE.md "Stack groups"):
 *
 *   {"tids": [...], "states": {"S": 40}, "kernel": [frames] | null,
 *    "user": [frames] | null, "user_error": null | "why",
 *    "cpu_percent": x | null, "samples": n | null,
 *    "basis": "kernel" | "wchan" | "none",
 *    "kernel_error": null | "permission denied"}
 *
 * "kernel" is [] for threads in user space and null when the stack could
 * not be read: then "basis" is "wchan" and the group carries "wchan" and
 * "syscall", what it was grouped by.  "none": nothing was read of these
 * threads (neither stack, wchan nor syscall): they are not a group, only
 * listed.  "samples" counts thread-samples when
 * sampled (then "states" counts them too and "cpu_percent" is null); the
 * process's "stack_rounds" says how many rounds (null: one live look).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "internal.h"

static void json_text_or_null(struct buf *out, const char *s)
{
	if (s != NULL)
		json_escape(out, s, strlen(s));
	else
		buf_adds(out, "null");
}

static void json_tids(struct buf *out, const struct stack_group *g)
{
	buf_adds(out, "\"tids\":[");
	for (size_t i = 0; i < g->ntids; i++)
		buf_printf(out, "%s%d", i > 0 ? "," : "", g->tids[i]);
	buf_addc(out, ']');
}

static void json_states(struct buf *out, const struct stack_group *g)
{
	buf_adds(out, ",\"states\":{");
	for (size_t i = 0; i < g->nstates; i++) {
		char letter = g->states[i].state;
		if (i > 0)
			buf_addc(out, ',');
		json_escape(out, &letter, 1);
		buf_printf(out, ":%lu", g->states[i].n);
	}
	buf_addc(out, '}');
}

static void json_kernel(struct buf *out, const struct stack_group *g)
{
	buf_adds(out, ",\"kernel\":");
	if (g->basis != STACK_BASIS_KERNEL) {
		buf_adds(out, "null");
		return;
	}
	buf_addc(out, '[');
	for (int i = 0; i < g->nkernel; i++) {
		if (i > 0)
			buf_addc(out, ',');
		json_escape(out, g->kernel[i], strlen(g->kernel[i]));
	}
	buf_addc(out, ']');
}

static void json_user(struct buf *out, const struct stack_group *g)
{
	buf_adds(out, ",\"user\":");
	if (g->user_state != FIELD_OK) {
		buf_adds(out, "null,\"user_error\":");
		json_text_or_null(out, g->user_error != NULL ? g->user_error :
		    g->user_state != FIELD_UNREAD ?
		    field_state_str(g->user_state) : NULL);
		return;
	}
	buf_addc(out, '[');
	for (int i = 0; i < g->nuser; i++) {
		if (i > 0)
			buf_addc(out, ',');
		json_escape(out, g->user[i].text, strlen(g->user[i].text));
	}
	buf_adds(out, "],\"user_error\":null");
}

static void json_group_tail(struct buf *out, const struct stack_groups *gs,
    const struct stack_group *g)
{
	buf_adds(out, ",\"cpu_percent\":");
	if (gs->rounds == 0 && g->cpu_valid && isfinite(g->cpu_percent))
		buf_printf(out, "%.1f", g->cpu_percent);
	else
		buf_adds(out, "null");
	if (gs->rounds > 0)
		buf_printf(out, ",\"samples\":%lu", g->weight);
	else
		buf_adds(out, ",\"samples\":null");
	buf_printf(out, ",\"basis\":\"%s\",\"kernel_error\":",
	    g->basis == STACK_BASIS_KERNEL ? "kernel" :
	    g->basis == STACK_BASIS_WCHAN ? "wchan" : "none");
	if (g->basis == STACK_BASIS_KERNEL) {
		buf_adds(out, "null");
		return;
	}
	json_text_or_null(out, field_state_str(g->kernel_state));
	buf_adds(out, ",\"wchan\":");
	json_text_or_null(out, g->wchan);
	buf_adds(out, ",\"syscall\":");
	json_text_or_null(out, g->syscall);
}

void out_json_stack_groups(struct buf *out, const struct stack_groups *gs)
{
	buf_adds(out, "\"stack_groups\":");
	if (gs == NULL) {
		buf_adds(out, "null,\"stack_rounds\":null");
		return;
	}
	buf_addc(out, '[');
	for (size_t i = 0; i < gs->n; i++) {
		const struct stack_group *g = &gs->g[i];
		if (i > 0)
			buf_addc(out, ',');
		buf_addc(out, '{');
		json_tids(out, g);
		json_states(out, g);
		json_kernel(out, g);
		json_user(out, g);
		json_group_tail(out, gs, g);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
	if (gs->rounds > 0)
		buf_printf(out, ",\"stack_rounds\":%lu", gs->rounds);
	else
		buf_adds(out, ",\"stack_rounds\":null");
}
