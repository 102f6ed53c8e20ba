#include "config.h"

#include <limits.h>
#include <string.h>

#include "scan.h"

bool scan_char(struct scan *s, char c)
{
	if (scan_done(s) || *s->p != c)
		return false;
	s->p++;
	return true;
}

bool scan_lit(struct scan *s, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, lit, n) != 0)
		return false;
	s->p += n;
	return true;
}

bool scan_blanks(struct scan *s)
{
	const char *start = s->p;

	while (!scan_done(s) && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
	return s->p != start;
}

bool scan_ull(struct scan *s, unsigned long long *v)
{
	const char *p = s->p;
	unsigned long long n = 0;

	for (; p < s->end && *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (n > (ULLONG_MAX - d) / 10)
			return false;
		n = n * 10 + d;
	}
	if (p == s->p)
		return false;
	s->p = p;
	*v = n;
	return true;
}

/* An optional '-' then decimal digits, within long long. */
static bool scan_ll(struct scan *s, long long *v)
{
	struct scan t = *s;
	bool neg = scan_char(&t, '-');
	unsigned long long mag;

	if (!scan_ull(&t, &mag))
		return false;
	if (neg ? mag > (unsigned long long)LLONG_MAX + 1 : mag > LLONG_MAX)
		return false;
	/* -LLONG_MIN overflows: build the negative value from -(mag - 1) - 1 */
	*v = neg ? (mag == 0 ? 0 : -(long long)(mag - 1) - 1) : (long long)mag;
	*s = t;
	return true;
}

bool scan_ll_range(struct scan *s, long long min, long long max,
    long long *v)
{
	struct scan t = *s;
	long long n;

	if (!scan_ll(&t, &n) || n < min || n > max)
		return false;
	*v = n;
	*s = t;
	return true;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool scan_hex(struct scan *s, unsigned long long *v)
{
	const char *p = s->p;
	unsigned long long n = 0;
	int d;

	for (; p < s->end && (d = hex_value(*p)) >= 0; p++) {
		if (n > ULLONG_MAX >> 4)
			return false;
		n = n << 4 | (unsigned)d;
	}
	if (p == s->p)
		return false;
	s->p = p;
	*v = n;
	return true;
}

size_t scan_until(struct scan *s, char c, const char **start)
{
	const char *nl = memchr(s->p, c, (size_t)(s->end - s->p));
	size_t n = (size_t)((nl != NULL ? nl : s->end) - s->p);

	*start = s->p;
	s->p = nl != NULL ? nl + 1 : s->end;
	return n;
}
