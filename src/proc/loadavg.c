#include "config.h"

#include "scan.h"
#include "tasktop/proc.h"

/*
 * "0.27 0.10 0.03 1/85 6507".  Parsed by hand rather than with strtod:
 * the UI sets LC_NUMERIC from the environment, and a locale with a decimal
 * comma would make strtod stop at the kernel's '.'.
 */
static bool scan_decimal(struct scan *s, double *v)
{
	unsigned long long whole, frac = 0;
	double scale = 1.0;

	if (!scan_ull(s, &whole))
		return false;
	if (scan_char(s, '.')) {
		const char *start = s->p;
		if (!scan_ull(s, &frac))
			return false;
		for (const char *p = start; p < s->p; p++)
			scale *= 10.0;
	}
	*v = (double)whole + (double)frac / scale;
	return true;
}

int proc_parse_loadavg(const char *buf, size_t len, double load[3])
{
	struct scan s = scan_init(buf, len);
	double v[3];

	for (int i = 0; i < 3; i++) {
		bool last = i == 2;

		if (!scan_decimal(&s, &v[i]))
			return -1;
		if (!scan_char(&s, ' ') && !(last && (scan_done(&s) ||
		    scan_char(&s, '\n'))))
			return -1;
	}
	for (int i = 0; i < 3; i++)
		load[i] = v[i];
	return 0;
}
