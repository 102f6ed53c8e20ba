/*
 * counters.c - SHR, context switches and IO bytes of the rows shown, and
 * their rates.  Read on demand like wchan (the refresh reads them for
 * nobody): once a refresh for what is on screen, so a rate is the change
 * between two consecutive refreshes, and a row that just came on screen
 * shows "-" until its second read.  No I/O: the source puts what it read.
 */
#include "config.h"

#include "tasktop/model.h"
#include "tasktop/record.h"

bool snapshot_counters_stale(const struct snapshot *s, const struct counters *c)
{
	return c->gen != s->generation;
}

static bool rate(bool prev_ok, unsigned long long then, unsigned long long now,
    double dt, double *out)
{
	if (!prev_ok || now < then || dt <= 0)
		return false;
	*out = (double)(now - then) / dt;
	return true;
}

void snapshot_put_counters(struct snapshot *s, struct counters *c,
    const struct counters_record *r)
{
	bool consecutive = c->gen != 0 && c->gen + 1 == s->generation;
	double dt = s->mono - c->mono;
	bool had_ctxt = consecutive && c->ctxt_state == FIELD_OK;
	bool had_io = consecutive && c->io_state == FIELD_OK;

	c->shr_state = r->shr_state;
	c->shr_kb = r->shr_state == FIELD_OK ? r->shr_kb : 0;
	c->ctxt_rate_ok = r->ctxt_state == FIELD_OK &&
	    rate(had_ctxt, c->ctxt, r->ctxt, dt, &c->ctxt_rate);
	c->ctxt_state = r->ctxt_state;
	c->ctxt = r->ctxt;
	c->io_rate_ok = r->io_state == FIELD_OK &&
	    rate(had_io, c->read_bytes, r->io.read_bytes, dt, &c->read_rate) &&
	    rate(had_io, c->write_bytes, r->io.write_bytes, dt, &c->write_rate);
	c->io_state = r->io_state;
	c->read_bytes = r->io.read_bytes;
	c->write_bytes = r->io.write_bytes;
	c->gen = s->generation;
	c->mono = s->mono;
}
