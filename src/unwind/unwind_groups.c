/*
 * unwind_groups.c - an unwind result as a stack-group sample
 * (tasktop/unwind_groups.h): kernel frames as read before the stop, user
 * frames compared by function (the demangled symbol; without one, the
 * frame as shown, pc and all), inlined ones shown and not compared.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tasktop/unwind_groups.h"

/* What one sample points into, rebuilt for each thread. */
struct unwound_scratch {
	const char	*kernel[UNWIND_MAX_KFRAMES];
	struct stack_frame user[UNWIND_MAX_FRAMES];
	size_t		 text_at[UNWIND_MAX_FRAMES];
	struct buf	 text;
	char		 sysbuf[32];
};

/* "name+0x1f (file.c:42)", "name (inlined) (file.c:40)", "0x7f12… [libc.so.6]". */
static void frame_text(struct buf *out, const struct unwind_frame *f)
{
	unwind_frame_function(out, f);
	if (f->file != NULL)
		buf_printf(out, " (%s:%d)", unwind_basename(f->file), f->line);
	else if (f->module != NULL)
		buf_printf(out, " [%s]", unwind_basename(f->module));
}

static void sample_user(struct stack_sample *smp, const struct unwind_result *r,
    struct unwound_scratch *sc)
{
	size_t n = r->nframes < UNWIND_MAX_FRAMES ? r->nframes : UNWIND_MAX_FRAMES;

	if (!r->has_frames) {
		smp->user_state = FIELD_UNAVAILABLE;
		smp->user_error = r->error != NULL ? r->error :
		    unwind_reason_str(r->reason);
		return;
	}
	buf_reset(&sc->text);
	for (size_t i = 0; i < n; i++) {
		sc->text_at[i] = sc->text.len;
		frame_text(&sc->text, &r->frames[i]);
		buf_addc(&sc->text, '\0');
	}
	/* the text is complete: its bytes stay put now */
	for (size_t i = 0; i < n; i++) {
		sc->user[i].text = sc->text.data + sc->text_at[i];
		sc->user[i].function = r->frames[i].symbol;
		sc->user[i].inlined = r->frames[i].inlined;
	}
	smp->user_state = FIELD_OK;
	smp->user = sc->user;
	smp->nuser = (int)n;
}

static const char *syscall_word(const struct unwind_result *r, char *buf,
    size_t cap)
{
	const char *name;

	if (r->syscall_state != FIELD_OK)
		return NULL;
	if (r->syscall_kind == SYSCALL_RUNNING)
		return "running";
	if (r->syscall_kind == SYSCALL_NONE)
		return "none";
	name = syscall_name(r->syscall_nr);
	if (name != NULL)
		return name;
	snprintf(buf, cap, "syscall_%ld", r->syscall_nr);
	return buf;
}

static void sample_kernel(struct stack_sample *smp,
    const struct unwind_result *r, struct unwound_scratch *sc)
{
	size_t n = r->nkstack < UNWIND_MAX_KFRAMES ? r->nkstack :
	    UNWIND_MAX_KFRAMES;

	smp->kernel_state = (enum field_state)r->kstack_state;
	for (size_t i = 0; i < n; i++)
		sc->kernel[i] = r->kstack[i];
	smp->kernel = sc->kernel;
	smp->nkernel = smp->kernel_state == FIELD_OK ? (int)n : 0;
	if (smp->kernel_state == FIELD_OK)
		return;
	smp->wchan = r->wchan_state == FIELD_OK && r->wchan != NULL &&
	    r->wchan[0] && strcmp(r->wchan, "0") != 0 ? r->wchan : NULL;
	smp->syscall = syscall_word(r, sc->sysbuf, sizeof sc->sysbuf);
}

void stack_collect_unwound(const struct snapshot *s, const struct process *p,
    const struct intmap *results, struct stack_groups *gs)
{
	static struct unwound_scratch sc;

	stack_groups_reset(gs);
	for (size_t i = 0; i < p->nthreads; i++) {
		const struct task *t = p->threads[i];
		const struct unwind_result *r = intmap_get(results, t->tid);
		bool stat_ok = t->stat_state == FIELD_OK;
		struct stack_sample smp = {
			.tid = t->tid,
			.state = stat_ok ? t->stat.state : '?',
			.cpu_valid = stat_ok && t->cpu_valid,
			.cpu_percent = t->cpu_percent,
			.kernel_state = FIELD_UNREAD,
			.user_state = FIELD_UNREAD,
		};

		if (t->seen != s->generation ||
		    (stat_ok && (t->stat.state == 'Z' || t->stat.state == 'X')))
			continue;
		if (r != NULL && r->reason == UNWIND_REASON_GONE)
			continue;
		if (r != NULL) {
			sample_kernel(&smp, r, &sc);
			sample_user(&smp, r, &sc);
		}
		stack_groups_add(gs, &smp);
	}
	stack_groups_finish(gs);
}
