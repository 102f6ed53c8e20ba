#include "config.h"

#include <limits.h>
#include <string.h>

#include "scan.h"
#include "syscall_table.h"
#include "tasktop/proc.h"

/* count " 0x…" words and nothing after them but a newline; the last two
 * are the user stack and program counters */
static bool hex_words(struct scan s, int count, unsigned long long *sp_pc,
    unsigned long long *pc)
{
	unsigned long long v[8];

	for (int i = 0; i < count; i++)
		if (!scan_char(&s, ' ') || !scan_lit(&s, "0x") ||
		    !scan_hex(&s, &v[i]))
			return false;
	scan_char(&s, '\n');
	*sp_pc = v[count - 2] | v[count - 1];
	*pc = v[count - 1];
	return scan_done(&s);
}

int proc_parse_syscall(const char *buf, size_t len, struct proc_syscall *out)
{
	struct scan s = scan_init(buf, len);
	long long nr;
	unsigned long long sp_pc, pc;

	out->kind = SYSCALL_NONE;
	out->nr = -1;
	out->pc = 0;
	if (scan_lit(&s, "running")) {
		scan_char(&s, '\n');
		if (!scan_done(&s))
			return -1;
		out->kind = SYSCALL_RUNNING;
		return 0;
	}
	if (!scan_ll_range(&s, -1, LONG_MAX, &nr))
		return -1;
	/* blocked outside a syscall: only sp and pc follow */
	if (nr == -1) {
		if (!hex_words(s, 2, &sp_pc, &pc))
			return -1;
		out->pc = pc;
		return 0;
	}
	if (!hex_words(s, 8, &sp_pc, &pc))
		return -1;
	/* Kernel threads have no user registers: "0 0x0 … 0x0" is no read(). */
	if (sp_pc == 0)
		return 0;
	out->kind = SYSCALL_IN;
	out->nr = (long)nr;
	out->pc = pc;
	return 0;
}

static const char *table_lookup(const struct syscall_table *t, long nr)
{
	return nr >= 0 && (size_t)nr < t->len ? t->names[nr] : NULL;
}

const char *syscall_name_arch(const char *arch, long nr)
{
	if (arch == NULL)
		return NULL;
	if (strcmp(arch, "x86_64") == 0)
		return table_lookup(&syscall_table_x86_64, nr);
	if (strcmp(arch, "aarch64") == 0)
		return table_lookup(&syscall_table_aarch64, nr);
	return NULL;
}

const char *syscall_name(long nr)
{
#if defined(__x86_64__)
	return syscall_name_arch("x86_64", nr);
#elif defined(__aarch64__)
	return syscall_name_arch("aarch64", nr);
#else
	(void)nr;
	return NULL;
#endif
}
