#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "scan.h"
#include "tasktop/proc.h"

/* How a status line's value is written. */
enum status_value {
	VALUE_NAME, VALUE_STATE, VALUE_ID, VALUE_IDS, VALUE_CREDS,
	VALUE_COUNT, VALUE_HEX, VALUE_KB, VALUE_CPUS,
};

/* The kernel escapes only a task name's newline and backslash; any other
 * byte after a backslash is kept as it came. */
static char unescape(char c)
{
	return c == 'n' ? '\n' : c == '\\' ? '\\' : 0;
}

static bool parse_name(struct scan s, struct proc_status *out)
{
	size_t n = 0;

	while (!scan_done(&s) && n < PROC_COMM_MAX - 1) {
		char c = *s.p++;
		char esc = c == '\\' && !scan_done(&s) ? unescape(*s.p) : 0;
		if (esc != 0) {
			c = esc;
			s.p++;
		}
		out->name[n++] = c;
	}
	out->name[n] = '\0';
	out->name_len = n;
	return true;
}

static bool parse_state(struct scan s, struct proc_status *out)
{
	char c;

	if (scan_done(&s))
		return false;
	c = *s.p;
	if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
		return false;
	out->state = c;
	return true;
}

/* One non-negative int filling the whole value (an id, a mode). */
static bool parse_id(struct scan s, int *v)
{
	long long n;

	if (!scan_ll_range(&s, 0, INT_MAX, &n) || !scan_done(&s))
		return false;
	*v = (int)n;
	return true;
}

/* Blank-separated ids; keeps up to max, needs at least one. */
static bool parse_ids(struct scan s, int *ids, int max, int *count)
{
	int kept[PROC_NSID_MAX], n = 0;
	long long v;

	while (!scan_done(&s)) {
		if (!scan_ll_range(&s, 0, INT_MAX, &v))
			return false;
		if (n < max && n < PROC_NSID_MAX)
			kept[n++] = (int)v;
		if (!scan_blanks(&s) && !scan_done(&s))
			return false;
	}
	if (n == 0)
		return false;
	memcpy(ids, kept, (size_t)n * sizeof *kept);
	*count = n;
	return true;
}

/* Uid:/Gid:: exactly real, effective, saved, fs. */
static bool parse_creds(struct scan s, unsigned *ids)
{
	unsigned long long v;
	unsigned tmp[4];

	for (int i = 0; i < 4; i++) {
		if (!scan_ull(&s, &v) || v > UINT_MAX)
			return false;
		tmp[i] = (unsigned)v;
		if (!scan_blanks(&s) && !scan_done(&s))
			return false;
	}
	if (!scan_done(&s))
		return false;
	memcpy(ids, tmp, sizeof tmp);
	return true;
}

/* The three number forms: decimal, hex, decimal then " kB".  The field is
 * only written once the whole value parsed. */
static bool parse_number(struct scan s, enum status_value form,
    unsigned long long *v)
{
	unsigned long long n;
	bool ok = form == VALUE_HEX ? scan_hex(&s, &n) : scan_ull(&s, &n);

	if (ok && form == VALUE_KB)
		ok = scan_lit(&s, " kB");
	if (!ok || !scan_done(&s))
		return false;
	*v = n;
	return true;
}

static bool parse_cpus(struct scan s, struct proc_status *out)
{
	size_t n = 0;

	for (; !scan_done(&s) && n < sizeof out->cpus_allowed_list - 1; s.p++)
		if (*s.p >= 0x20 && *s.p < 0x7f)
			out->cpus_allowed_list[n++] = *s.p;
	out->cpus_allowed_list[n] = '\0';
	return true;
}

/* Both context-switch lines are needed before STATUS_HAS_CTXT is set, so
 * the first one parsed is remembered in a bit the header does not use. */
#define STATUS_HAS_VCTXT_ONLY	(1u << 30)
#define STATUS_HAS_NVCTXT_ONLY	(1u << 31)

#define AT(field)	offsetof(struct proc_status, field)

static const struct status_line {
	const char	*key;		/* with its ':' */
	unsigned	 bit;
	enum status_value value;
	size_t		 at;		/* the field it fills */
	size_t		 count_at;	/* VALUE_IDS: how many it kept */
} status_lines[] = {
	{ "Name:", STATUS_HAS_NAME, VALUE_NAME, 0, 0 },
	{ "State:", STATUS_HAS_STATE, VALUE_STATE, 0, 0 },
	{ "Tgid:", STATUS_HAS_TGID, VALUE_ID, AT(tgid), 0 },
	{ "Pid:", STATUS_HAS_PID, VALUE_ID, AT(pid), 0 },
	{ "PPid:", STATUS_HAS_PPID, VALUE_ID, AT(ppid), 0 },
	{ "TracerPid:", STATUS_HAS_TRACERPID, VALUE_ID, AT(tracer_pid), 0 },
	{ "Uid:", STATUS_HAS_UID, VALUE_CREDS, AT(uid), 0 },
	{ "Gid:", STATUS_HAS_GID, VALUE_CREDS, AT(gid), 0 },
	{ "NStgid:", STATUS_HAS_NSTGID, VALUE_IDS, AT(nstgid), AT(nstgid_n) },
	{ "NSpid:", STATUS_HAS_NSPID, VALUE_IDS, AT(nspid), AT(nspid_n) },
	{ "voluntary_ctxt_switches:", STATUS_HAS_VCTXT_ONLY, VALUE_COUNT,
	    AT(voluntary_ctxt_switches), 0 },
	{ "nonvoluntary_ctxt_switches:", STATUS_HAS_NVCTXT_ONLY, VALUE_COUNT,
	    AT(nonvoluntary_ctxt_switches), 0 },
	{ "Cpus_allowed_list:", STATUS_HAS_CPUS, VALUE_CPUS, 0, 0 },
	{ "CapEff:", STATUS_HAS_CAPEFF, VALUE_HEX, AT(cap_eff), 0 },
	{ "Seccomp:", STATUS_HAS_SECCOMP, VALUE_ID, AT(seccomp), 0 },
	{ "VmRSS:", STATUS_HAS_VMRSS, VALUE_KB, AT(vm_rss_kb), 0 },
	{ "Kthread:", STATUS_HAS_KTHREAD, VALUE_ID, AT(kthread), 0 },
};

static bool parse_value(struct scan s, const struct status_line *l,
    struct proc_status *out)
{
	char *field = (char *)out + l->at;

	switch (l->value) {
	case VALUE_NAME:
		return parse_name(s, out);
	case VALUE_STATE:
		return parse_state(s, out);
	case VALUE_ID:
		return parse_id(s, (int *)field);
	case VALUE_IDS:
		return parse_ids(s, (int *)field, PROC_NSID_MAX,
		    (int *)((char *)out + l->count_at));
	case VALUE_CREDS:
		return parse_creds(s, (unsigned *)field);
	case VALUE_COUNT:
	case VALUE_HEX:
	case VALUE_KB:
		return parse_number(s, l->value, (unsigned long long *)field);
	case VALUE_CPUS:
		return parse_cpus(s, out);
	}
	return false;
}

static void parse_line(struct scan line, struct proc_status *out)
{
	for (size_t i = 0; i < sizeof status_lines / sizeof *status_lines; i++) {
		const struct status_line *l = &status_lines[i];
		if (!scan_lit(&line, l->key))
			continue;
		/* Name keeps its own leading blanks: only the kernel's tab goes */
		if (l->bit == STATUS_HAS_NAME)
			scan_char(&line, '\t');
		else
			scan_blanks(&line);
		if (!(out->has & l->bit) && parse_value(line, l, out))
			out->has |= l->bit;
		return;
	}
}

int proc_parse_status(const char *buf, size_t len, struct proc_status *out)
{
	struct scan s = scan_init(buf, len);
	const unsigned ctxt = STATUS_HAS_VCTXT_ONLY | STATUS_HAS_NVCTXT_ONLY;

	memset(out, 0, sizeof *out);
	while (!scan_done(&s)) {
		const char *start;
		size_t n = scan_until(&s, '\n', &start);
		parse_line(scan_init(start, n), out);
	}
	if ((out->has & ctxt) == ctxt)
		out->has |= STATUS_HAS_CTXT;
	out->has &= ~ctxt;
	return out->has & (STATUS_HAS_NAME | STATUS_HAS_PID) ? 0 : -1;
}
