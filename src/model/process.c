#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "priv.h"
#include "process.h"
#include "task.h"

struct process *process_new(int pid)
{
	struct process *p = oom_calloc(1, sizeof *p, "process");

	p->pid = pid;
	p->state = '?';
	p->group_cpu_ns = UINT64_MAX;	/* no clock read yet: no delta */
	return p;
}

/* The tasks are the snapshot's: only the arrays are p's. */
void process_free(struct process *p)
{
	if (p == NULL)
		return;
	free(p->threads);
	free(p->prev_threads);
	free(p->children);
	free(p->cmdline);
	free(p);
}

/*
 * While each task put is the one the last refresh had at its place (most
 * refreshes), nothing is written.  The first put that is not would write
 * over one of the last refresh's: those are copied aside (prev_threads)
 * first, for the rest of the puts to be predicted from and for the sweep,
 * and dropped after it.  So a process keeps one array, not two.
 */
void process_add_thread(struct process *p, struct task *t)
{
	if (p->prev_threads == NULL && p->nthreads < p->prev_nthreads) {
		if (p->threads[p->nthreads] == t) {
			p->nthreads++;
			return;
		}
		p->prev_threads = oom_malloc(p->prev_nthreads *
		    sizeof *p->prev_threads, "process");
		memcpy(p->prev_threads, p->threads,
		    p->prev_nthreads * sizeof *p->prev_threads);
	}
	model_grow(&p->threads, &p->threads_cap, p->nthreads + 1,
	    sizeof *p->threads);
	p->threads[p->nthreads++] = t;
}

struct task *const *process_prev_threads(const struct process *p)
{
	return p->prev_threads != NULL ? p->prev_threads : p->threads;
}

void process_drop_prev(struct process *p)
{
	free(p->prev_threads);
	p->prev_threads = NULL;
	p->prev_nthreads = 0;
}

bool process_take_mm(struct process *p, const struct task *t,
    const struct proc_stat *ps, unsigned generation)
{
	bool leader = t->tid == p->pid;
	bool changed;

	if (t->stat_state != FIELD_OK || task_is_dead(t))
		return false;	/* a zombie's stat has no memory */
	if (p->mm_gen == generation && (p->mm_from_leader || !leader))
		return false;
	p->mm_gen = generation;
	p->mm_from_leader = leader;
	if (ps == NULL)
		return false;
	changed = p->vsize != ps->vsize || p->rss_pages != ps->rss_pages;
	p->vsize = ps->vsize;
	p->rss_pages = ps->rss_pages;
	return changed;
}

static int task_tid_cmp(const void *a, const void *b)
{
	int x = (*(struct task *const *)a)->tid;
	int y = (*(struct task *const *)b)->tid;

	return (x > y) - (x < y);
}

static bool threads_ascending(const struct process *p)
{
	size_t i;

	for (i = 1; i < p->nthreads; i++)
		if (p->threads[i - 1]->tid > p->threads[i]->tid)
			return false;
	return true;
}

void process_order_threads(struct process *p)
{
	size_t i;

	if (!threads_ascending(p))
		qsort(p->threads, p->nthreads, sizeof *p->threads,
		    task_tid_cmp);
	p->leader = NULL;
	for (i = 0; i < p->nthreads; i++) {
		if (p->threads[i]->tid != p->pid)
			continue;
		p->leader = p->threads[i];
		/* tids wrap, so a thread may sort before its leader */
		memmove(p->threads + 1, p->threads, i * sizeof *p->threads);
		p->threads[0] = p->leader;
		return;
	}
}

struct task *process_info_thread(const struct process *p)
{
	size_t i;

	if (p->leader && !task_is_dead(p->leader) &&
	    p->leader->stat_state == FIELD_OK)
		return p->leader;
	for (i = 0; i < p->nthreads; i++)
		if (p->threads[i]->stat_state == FIELD_OK &&
		    !task_is_dead(p->threads[i]))
			return p->threads[i];
	if (p->leader)
		return p->leader;
	return p->nthreads ? p->threads[0] : NULL;
}

/* A zombie leader still names the process and tells its state. */
static const struct task *process_named_thread(const struct process *p)
{
	if (p->leader && p->leader->stat_state == FIELD_OK)
		return p->leader;
	return process_info_thread(p);
}

size_t process_comm(const struct process *p, const char **comm)
{
	const struct task *t = process_named_thread(p);

	if (t == NULL) {
		*comm = "";
		return 0;
	}
	return task_comm(t, comm);
}

static void process_set_rss(struct process *p, const struct task *info,
    unsigned generation, long page_kb)
{
	unsigned long long pages;

	if (p->mm_gen != generation) {	/* only a zombie (or none) put */
		p->vsize = 0;
		p->rss_pages = 0;
	}
	p->rss_state = info ? info->stat_state : FIELD_UNAVAILABLE;
	if (p->rss_state != FIELD_OK) {
		p->rss_kb = 0;
		return;
	}
	pages = p->rss_pages > 0 ? (unsigned long long)p->rss_pages : 0;
	p->rss_kb = pages * (unsigned long long)page_kb;
}

/*
 * The group's CPU% from its own clock, which counts the threads that ran
 * and exited between two refreshes (a thread born and gone in between is
 * in no thread's delta).  Only across two reads of one group: not when a
 * new task is behind its pid (reused) nor when the clock went back (a
 * walk that missed a thread exiting under it).
 */
static bool process_group_cpu(struct process *p, double interval)
{
	if (!p->group_cpu_ok || p->group_cpu_prev == UINT64_MAX ||
	    p->group_cpu_ns < p->group_cpu_prev || interval <= 0 ||
	    (p->leader != NULL && p->leader->renewed))
		return false;
	p->cpu_valid = true;
	p->cpu_percent = cpu_percent(p->group_cpu_ns - p->group_cpu_prev,
	    interval);
	return true;
}

/* TIME+ of a group and its CPU% (the group's clock, else the threads'
 * sum).  The group's own CPU time counts its exited threads, which no live
 * thread's stat holds. */
static void process_sum_cpu(struct process *p, long hz, double interval)
{
	bool group;
	size_t i;

	p->cpu_valid = false;
	p->cpu_percent = 0;
	p->time_valid = false;
	p->time_ticks = 0;
	group = process_group_cpu(p, interval);
	for (i = 0; i < p->nthreads; i++) {
		const struct task *t = p->threads[i];

		if (t->stat_state == FIELD_OK) {
			p->time_valid = true;
			p->time_ticks += t->stat.utime + t->stat.stime;
		}
		if (group || !p->threads[i]->cpu_valid)
			continue;
		p->cpu_valid = true;
		p->cpu_percent += p->threads[i]->cpu_percent;
	}
	if (p->group_cpu_ok && hz > 0) {
		p->time_valid = true;
		p->time_ticks = p->group_cpu_ns / 1000000000u *
		    (unsigned long long)hz + p->group_cpu_ns % 1000000000u *
		    (unsigned long long)hz / 1000000000u;
	}
}

void process_set_kernel_thread(struct process *p)
{
	p->kernel_thread = (p->pid == 2 || p->ppid == 2) &&
	    p->cmdline_len == 0;
}

/*
 * cmdline and status are the costly reads, and they only change on exec
 * (which renames comm) or with a new task behind the pid, so they are
 * due only then.
 */
bool process_update(struct process *p, unsigned generation, long page_kb,
    long hz, double interval)
{
	const struct task *info = process_info_thread(p);
	const struct task *named = process_named_thread(p);
	bool named_ok = named && named->stat_state == FIELD_OK;

	p->state = named_ok ? named->stat.state : '?';
	p->ppid = named_ok ? named->stat.ppid : 0;
	process_set_rss(p, info, generation, page_kb);
	process_sum_cpu(p, hz, interval);
	process_set_kernel_thread(p);
	return info != NULL && (p->cmdline_state == FIELD_UNREAD ||
	    info->renewed || info->renamed);
}
