#include "config.h"

#include "internal.h"

double cpu_percent(unsigned long long dticks, double dt, long hz)
{
	if (dt <= 0 || hz <= 0)
		return 0;
	return (double)dticks / (double)hz / dt * 100.0;
}

/*
 * A first sighting has nothing to take a delta from; neither does a
 * refresh without elapsed time, or one after a read that failed.
 */
void task_update_cpu(struct task *t, bool had_sample, double interval,
    long hz)
{
	unsigned long long ticks;

	if (t->stat_state != FIELD_OK) {
		t->cpu_valid = false;
		t->cpu_percent = 0;
		return;
	}
	ticks = t->stat.utime + t->stat.stime;
	t->cpu_valid = had_sample && interval > 0 && ticks >= t->prev_ticks;
	t->cpu_percent = t->cpu_valid ?
	    cpu_percent(ticks - t->prev_ticks, interval, hz) : 0;
	t->prev_ticks = ticks;
}

void process_sum_cpu(struct process *p)
{
	size_t i;

	p->cpu_valid = false;
	p->cpu_percent = 0;
	p->time_valid = false;
	p->time_ticks = 0;
	for (i = 0; i < p->nthreads; i++) {
		const struct task *t = p->threads[i];

		if (t->stat_state == FIELD_OK) {
			p->time_valid = true;
			p->time_ticks += t->stat.utime + t->stat.stime;
		}
		if (!p->threads[i]->cpu_valid)
			continue;
		p->cpu_valid = true;
		p->cpu_percent += p->threads[i]->cpu_percent;
	}
}
