/*
 * stack_frame.c - what a frame is for grouping and for the one-line summary:
 * a kernel frame's symbol without its offset, the entry and exit frames a
 * thread interrupted in user space shows (docs/ARCHITECTURE.md "Stack
 * groups"), and the frames that say nothing of why a thread waits.
 */
#include "config.h"

#include <string.h>

#include "tasktop/stack_group.h"

static bool has_prefix(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(s, prefix, n) == 0;
}

static bool is_named(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(s, name, len) == 0;
}

static bool matches_any(const char *s, size_t len, const char *const *names,
    const char *const *prefixes)
{
	for (; *names; names++)
		if (is_named(s, len, *names))
			return true;
	for (; *prefixes; prefixes++)
		if (has_prefix(s, len, *prefixes))
			return true;
	return false;
}

/*
 * "sym+0x1f/0x80 [module]" (%pB): the symbol ends at a '+' that starts the
 * offset; a module in brackets stays, as the same name in two modules is two
 * functions.  A frame without an offset ("0xffff…", an unknown address) is
 * compared whole.
 */
void stack_kernel_symbol(struct buf *out, const char *frame)
{
	const char *plus = strstr(frame, "+0x");
	const char *module;

	if (plus == NULL || plus == frame) {
		buf_adds(out, frame);
		return;
	}
	buf_add(out, frame, (size_t)(plus - frame));
	module = strstr(plus, " [");
	if (module != NULL)
		buf_adds(out, module);
}

/* x86_64 and aarch64: a user thread taken off its CPU by an interrupt, or
 * about to return to user space, shows only these. */
bool stack_frame_is_entry(const char *symbol, size_t len)
{
	static const char *const names[] = {
		"do_syscall_64", "common_interrupt", "ret_from_intr",
		"ret_to_user", "do_notify_resume", NULL,
	};
	static const char *const prefixes[] = {
		"asm_", "irqentry_", "entry_SYSCALL", "exit_to_user_mode",
		"syscall_exit_to_user_mode", "arch_exit_to_user_mode",
		"sysvec_", "restore_regs_and_return", "swapgs_restore",
		"el0_", "el1h_64_irq", NULL,
	};

	return matches_any(symbol, len, names, prefixes);
}

bool stack_frame_is_boring(const char *symbol, size_t len)
{
	static const char *const names[] = {
		"schedule", "__schedule", "io_schedule", "__cond_resched",
		"ret_from_fork", "ret_from_fork_asm", "kthread", NULL,
	};
	static const char *const prefixes[] = {
		"schedule_", "io_schedule_", "preempt_schedule", "__switch_to",
		NULL,
	};

	return matches_any(symbol, len, names, prefixes) ||
	    stack_frame_is_entry(symbol, len);
}
