#include "config.h"

#include <limits.h>
#include <string.h>

#include "scan.h"
#include "tasktop/proc.h"

/* Field numbers as in proc(5); the fields after comm are found by position. */
enum {
	STAT_STATE = 3,
	STAT_PPID = 4,
	STAT_UTIME = 14,
	STAT_STIME = 15,
	STAT_PRIORITY = 18,
	STAT_NICE = 19,
	STAT_NUM_THREADS = 20,
	STAT_STARTTIME = 22,
	STAT_VSIZE = 23,
	STAT_RSS = 24,		/* the last field we need */
	STAT_PROCESSOR = 39,	/* since Linux 2.2.8 */
};

struct stat_fields {
	struct scan	 at[STAT_PROCESSOR + 1];	/* one token each */
	int		 n;				/* highest field seen */
};

/* Split what follows ") " into space-separated tokens up to the newline. */
static void split_fields(struct scan s, struct stat_fields *f)
{
	f->n = STAT_STATE - 1;
	while (!scan_done(&s) && *s.p != '\n' && f->n < STAT_PROCESSOR) {
		const char *start;
		size_t n = scan_until(&s, ' ', &start);
		const char *nl = memchr(start, '\n', n);
		if (nl != NULL) {
			n = (size_t)(nl - start);
			s.p = nl;
		}
		f->at[++f->n] = scan_init(start, n);
	}
}

/* The whole token is one number within [min, max]. */
static bool field_ll(const struct stat_fields *f, int i, long long min,
    long long max, long long *v)
{
	struct scan s = f->at[i];

	return i <= f->n && scan_ll_range(&s, min, max, v) && scan_done(&s);
}

static bool field_ull(const struct stat_fields *f, int i,
    unsigned long long *v)
{
	struct scan s = f->at[i];

	return i <= f->n && scan_ull(&s, v) && scan_done(&s);
}

static bool field_task_state(const struct stat_fields *f, char *state)
{
	const struct scan *s = &f->at[STAT_STATE];
	char c;

	if (f->n < STAT_STATE || s->end - s->p != 1)
		return false;
	c = *s->p;
	if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
		return false;
	*state = c;
	return true;
}

static bool parse_fields(const struct stat_fields *f, struct proc_stat *out)
{
	long long ppid, prio, nice, threads, rss, cpu;

	if (!field_task_state(f, &out->state) ||
	    !field_ll(f, STAT_PPID, 0, INT_MAX, &ppid) ||
	    !field_ull(f, STAT_UTIME, &out->utime) ||
	    !field_ull(f, STAT_STIME, &out->stime) ||
	    !field_ll(f, STAT_PRIORITY, LONG_MIN, LONG_MAX, &prio) ||
	    !field_ll(f, STAT_NICE, LONG_MIN, LONG_MAX, &nice) ||
	    !field_ll(f, STAT_NUM_THREADS, 0, LONG_MAX, &threads) ||
	    !field_ull(f, STAT_STARTTIME, &out->starttime) ||
	    !field_ull(f, STAT_VSIZE, &out->vsize) ||
	    !field_ll(f, STAT_RSS, LONG_MIN, LONG_MAX, &rss))
		return false;
	for (int i = STAT_STATE + 1; i <= STAT_RSS; i++)
		if (f->at[i].p == f->at[i].end)
			return false;
	out->ppid = (int)ppid;
	out->priority = (long)prio;
	out->nice = (long)nice;
	out->num_threads = (long)threads;
	out->rss_pages = (long)rss;
	out->processor = -1;
	if (f->n >= STAT_PROCESSOR) {
		if (!field_ll(f, STAT_PROCESSOR, 0, INT_MAX, &cpu))
			return false;
		out->processor = (int)cpu;
	}
	return true;
}

/* "pid (" then comm up to the LAST ')' then " " and the fields. */
static bool split_comm(const char *buf, size_t len, struct scan *comm,
    struct scan *rest)
{
	struct scan s = scan_init(buf, len);
	unsigned long long pid;
	const char *close;

	if (!scan_ull(&s, &pid) || !scan_lit(&s, " ("))
		return false;
	close = memrchr(s.p, ')', (size_t)(s.end - s.p));
	if (close == NULL)
		return false;
	*comm = scan_init(s.p, (size_t)(close - s.p));
	*rest = scan_init(close + 1, (size_t)(s.end - close - 1));
	return scan_char(rest, ' ');
}

int proc_parse_stat(const char *buf, size_t len, struct proc_stat *out)
{
	struct scan comm, rest;
	struct stat_fields f;

	memset(out, 0, sizeof *out);
	out->processor = -1;
	if (!split_comm(buf, len, &comm, &rest))
		return -1;
	split_fields(rest, &f);
	if (!parse_fields(&f, out)) {
		memset(out, 0, sizeof *out);
		out->processor = -1;
		return -1;
	}
	out->comm_len = (size_t)(comm.end - comm.p);
	if (out->comm_len > PROC_COMM_MAX - 1)
		out->comm_len = PROC_COMM_MAX - 1;
	memcpy(out->comm, comm.p, out->comm_len);
	out->comm[out->comm_len] = '\0';
	return 0;
}
