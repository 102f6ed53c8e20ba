/*
 * system.c - the machine behind the header's meters: each CPU's busy share
 * since the previous refresh (a delta of /proc/stat's ticks, like CPU%),
 * memory and swap, uptime.  No I/O: the source puts what it read.
 */
#include "config.h"

#include <string.h>

#include "tasktop/record.h"

#include "priv.h"

/* The busy share of the ticks between two samples; false when nothing
 * passed or the counters went back (a CPU was hot-plugged). */
static bool busy_share(const struct proc_cpu_times *then,
    const struct proc_cpu_times *now, double *share)
{
	unsigned long long busy, idle;

	if (now->busy < then->busy || now->idle < then->idle)
		return false;
	busy = now->busy - then->busy;
	idle = now->idle - then->idle;
	if (busy + idle == 0)
		return false;
	*share = (double)busy / (double)(busy + idle);
	return true;
}

static void put_cpus(struct system_meters *m, const struct proc_cpustat *c)
{
	m->cpu_valid = m->prev_ok &&
	    busy_share(&m->prev.total, &c->total, &m->cpu_busy);
	m->ncpu = c->ncpu;
	m->cpu_more = c->more;
	for (size_t i = 0; i < c->ncpu; i++)
		m->cpu_ok[i] = m->prev_ok && i < m->prev.ncpu &&
		    busy_share(&m->prev.cpu[i], &c->cpu[i], &m->cpu_share[i]);
	m->prev = *c;
	m->prev_ok = true;
}

void snapshot_put_system(struct snapshot *s, const struct system_record *r)
{
	struct system_meters *m = &s->sys;

	if (r->cpu_state == FIELD_OK) {
		put_cpus(m, &r->cpu);
	} else {
		m->cpu_valid = false;
		m->ncpu = 0;
		m->prev_ok = false;
	}
	m->mem_ok = r->mem_state == FIELD_OK;
	if (m->mem_ok)
		m->mem = r->mem;
	m->uptime_ok = r->uptime_state == FIELD_OK;
	if (m->uptime_ok)
		m->uptime = r->uptime;
}
