/*
 * scan.h - a cursor over untrusted bytes from /proc.
 *
 * Every proc_parse_*() must be safe on any bytes and any len: the buffer is
 * not NUL-terminated (a fuzzer hands over exactly len bytes), may hold NULs,
 * and may be cut anywhere.  So every step here checks the end, every number
 * checks for overflow, and a parser fills its output only with values it
 * fully parsed (tests/unit/test_proc_bytes.c runs them all that way).
 */
#ifndef TASKTOP_PROC_SCAN_H
#define TASKTOP_PROC_SCAN_H

#include <stdbool.h>
#include <stddef.h>

struct scan {
	const char	*p;
	const char	*end;
};

static inline struct scan scan_init(const char *buf, size_t len)
{
	return (struct scan){ buf, buf + len };
}

static inline bool scan_done(const struct scan *s)
{
	return s->p >= s->end;
}

/* Consume c if it is next. */
bool scan_char(struct scan *s, char c);
/* Consume the literal if it comes next (all of it, or nothing). */
bool scan_lit(struct scan *s, const char *lit);
/* Skip spaces and tabs; true when at least one was skipped. */
bool scan_blanks(struct scan *s);
/* Decimal digits, at least one; false on overflow or no digit. */
bool scan_ull(struct scan *s, unsigned long long *v);
/* Hex digits without prefix, at least one, within 64 bits. */
bool scan_hex(struct scan *s, unsigned long long *v);
/* Bytes up to (not including) the next c, or to the end; s moves past c. */
size_t scan_until(struct scan *s, char c, const char **start);

/* A signed number that must fit [min, max]. */
bool scan_ll_range(struct scan *s, long long min, long long max,
    long long *v);

#endif
