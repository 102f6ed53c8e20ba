#include "config.h"

#include <string.h>

#include "scan.h"
#include "tasktop/proc.h"

/*
 * The machine-wide files behind the header's meters: /proc/stat's cpu
 * lines, /proc/meminfo and /proc/uptime.  Untrusted bytes like every other
 * parser here: every line is checked, a value is taken only when fully
 * parsed, and whatever is missing stays unknown.
 */

/* "cpu  1 2 3 4 5 6 7 8 9 10": user nice system idle iowait irq softirq
 * steal (guest time is inside user already).  Old kernels print fewer. */
static bool parse_cpu_times(struct scan *s, struct proc_cpu_times *t)
{
	unsigned long long v[8] = { 0 };
	int n = 0;

	while (n < 8 && scan_blanks(s) && scan_ull(s, &v[n]))
		n++;
	if (n < 4)
		return false;
	t->busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
	t->idle = v[3] + v[4];
	return true;
}

static void skip_line(struct scan *s)
{
	const char *start;

	scan_until(s, '\n', &start);
}

int proc_parse_cpustat(const char *buf, size_t len, struct proc_cpustat *out)
{
	struct scan s = scan_init(buf, len);
	struct proc_cpustat c;
	bool total = false;

	memset(&c, 0, sizeof c);
	while (!scan_done(&s)) {
		unsigned long long id;

		if (scan_lit(&s, "cpu ")) {
			s.p--;		/* the blank belongs to the numbers */
			total = parse_cpu_times(&s, &c.total);
			if (!total)
				return -1;
		} else if (scan_lit(&s, "cpu") && scan_ull(&s, &id)) {
			struct proc_cpu_times t;

			if (!parse_cpu_times(&s, &t))
				return -1;
			/* the ids in order, each once: numbers name the bars */
			if (id == c.ncpu && c.ncpu < PROC_CPU_MAX)
				c.cpu[c.ncpu++] = t;
			else if (id < c.ncpu || id > PROC_CPU_MAX * 4ull)
				return -1;
			else
				c.more = true;
		}
		skip_line(&s);
	}
	if (!total)
		return -1;
	*out = c;
	return 0;
}

static const struct {
	const char	*name;
	unsigned	 bit;
	size_t		 off;
} meminfo_fields[] = {
	{ "MemTotal:", PROC_MEM_TOTAL, offsetof(struct proc_meminfo, total_kb) },
	{ "MemAvailable:", PROC_MEM_AVAILABLE,
	    offsetof(struct proc_meminfo, available_kb) },
	{ "SwapTotal:", PROC_MEM_SWAP_TOTAL,
	    offsetof(struct proc_meminfo, swap_total_kb) },
	{ "SwapFree:", PROC_MEM_SWAP_FREE,
	    offsetof(struct proc_meminfo, swap_free_kb) },
};

int proc_parse_meminfo(const char *buf, size_t len, struct proc_meminfo *out)
{
	struct scan s = scan_init(buf, len);
	struct proc_meminfo m;

	memset(&m, 0, sizeof m);
	while (!scan_done(&s)) {
		for (size_t i = 0; i < sizeof meminfo_fields /
		    sizeof meminfo_fields[0]; i++) {
			unsigned long long v;

			if (!scan_lit(&s, meminfo_fields[i].name))
				continue;
			scan_blanks(&s);
			if (!scan_ull(&s, &v) || v > (1ull << 52))
				return -1;
			memcpy((char *)&m + meminfo_fields[i].off, &v, sizeof v);
			m.has |= meminfo_fields[i].bit;
			break;
		}
		skip_line(&s);
	}
	if (!(m.has & PROC_MEM_TOTAL) || m.total_kb == 0)
		return -1;
	*out = m;
	return 0;
}

/* "12345.67 2345.67": seconds since boot; by hand for the locale's sake
 * (see loadavg.c). */
int proc_parse_uptime(const char *buf, size_t len, double *out)
{
	struct scan s = scan_init(buf, len);
	unsigned long long whole, frac = 0;
	double scale = 1.0;

	if (!scan_ull(&s, &whole))
		return -1;
	if (scan_char(&s, '.')) {
		const char *start = s.p;

		if (!scan_ull(&s, &frac) || s.p - start > 9)
			return -1;
		for (const char *p = start; p < s.p; p++)
			scale *= 10.0;
	}
	if (!scan_done(&s) && *s.p != ' ' && *s.p != '\n')
		return -1;
	*out = (double)whole + (double)frac / scale;
	return 0;
}
