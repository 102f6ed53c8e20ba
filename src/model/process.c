#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Past this a cmdline is cut: nobody reads a megabyte in one row. */
#define CMDLINE_MAX	(1u << 20)

struct process *process_new(int pid)
{
	struct process *p = calloc(1, sizeof(*p));

	if (p == NULL) {
		fprintf(stderr, "tasktop: out of memory (process %d)\n", pid);
		abort();
	}
	p->pid = pid;
	p->state = '?';
	return p;
}

/* The tasks are the snapshot's: only the arrays are p's. */
void process_free(struct process *p)
{
	if (p == NULL)
		return;
	free(p->threads);
	free(p->children);
	free(p->cmdline);
	free(p);
}

void process_add_thread(struct process *p, struct task *t)
{
	model_grow(&p->threads, &p->threads_cap, p->nthreads + 1,
	    sizeof(*p->threads));
	p->threads[p->nthreads++] = t;
}

void process_order_threads(struct process *p)
{
	size_t i;

	p->leader = NULL;
	for (i = 0; i < p->nthreads; i++) {
		if (p->threads[i]->tid != p->pid)
			continue;
		p->leader = p->threads[i];
		/* tids wrap, so a thread may sort before its leader */
		memmove(p->threads + 1, p->threads, i * sizeof(*p->threads));
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

/*
 * The leader's own files when it lives (fixtures and old kernels may carry
 * only those); through a live thread otherwise, since a zombie leader's
 * cmdline and status have lost the process's memory and credentials.
 */
static int process_file_tid(const struct process *p, const struct task *info)
{
	return info == p->leader ? 0 : info->tid;
}

static void process_read_cmdline(struct snapshot *s, struct process *p,
    const struct task *info)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	enum field_state st;
	size_t len = 0;

	if (priv->cmdline_cap == 0)
		model_grow(&priv->cmdline_buf, &priv->cmdline_cap, 4096, 1);
	for (;;) {
		st = proc_read_task_file(&s->root, p->pid,
		    process_file_tid(p, info), "cmdline", priv->cmdline_buf,
		    priv->cmdline_cap, &len);
		if (st != FIELD_OK || len + 1 < priv->cmdline_cap ||
		    priv->cmdline_cap >= CMDLINE_MAX)
			break;
		model_grow(&priv->cmdline_buf, &priv->cmdline_cap,
		    priv->cmdline_cap * 2, 1);
	}
	p->cmdline_state = st;
	p->cmdline_len = st == FIELD_OK ? len : 0;
	free(p->cmdline);
	p->cmdline = NULL;
	if (p->cmdline_len == 0)
		return;
	p->cmdline = malloc(p->cmdline_len + 1);
	if (p->cmdline == NULL) {
		fprintf(stderr, "tasktop: out of memory (cmdline)\n");
		abort();
	}
	memcpy(p->cmdline, priv->cmdline_buf, p->cmdline_len);
	p->cmdline[p->cmdline_len] = '\0';
}

static void process_read_uid(struct snapshot *s, struct process *p,
    const struct task *info)
{
	char buf[4096];
	struct proc_status status;
	size_t len = 0;

	p->uid_state = proc_read_task_file(&s->root, p->pid,
	    process_file_tid(p, info), "status", buf, sizeof(buf), &len);
	if (p->uid_state == FIELD_OK &&
	    (proc_parse_status(buf, len, &status) != 0 ||
	    !(status.has & STATUS_HAS_UID)))
		p->uid_state = FIELD_UNAVAILABLE;
	if (p->uid_state != FIELD_OK) {
		p->user = NULL;
		return;
	}
	p->uid = status.uid[0];
	p->user = user_cache_name(&snapshot_priv(s)->users, p->uid);
}

static const struct task_sighting *sighting_of(const struct task *t,
    const struct task_sighting *sightings, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sightings[i].task == t)
			return &sightings[i];
	return NULL;
}

/*
 * cmdline and status are the costly reads, and they only change on exec
 * (which renames comm) or with a new task behind the pid, so they are
 * reread only then.
 */
static bool process_needs_reread(const struct process *p, bool fresh,
    const struct task *info, const struct task_sighting *sightings, size_t n)
{
	const struct task_sighting *ts = sighting_of(info, sightings, n);

	if (fresh || p->cmdline_state == FIELD_UNREAD)
		return true;
	return ts != NULL && (ts->fresh || ts->comm_changed);
}

static void process_set_rss(const struct snapshot *s, struct process *p,
    const struct task *info)
{
	unsigned long long pages;

	p->rss_state = info ? info->stat_state : FIELD_UNAVAILABLE;
	if (p->rss_state != FIELD_OK) {
		p->rss_kb = 0;
		return;
	}
	pages = info->stat.rss_pages > 0 ?
	    (unsigned long long)info->stat.rss_pages : 0;
	p->rss_kb = pages * (unsigned long long)s->page_kb;
}

void process_update(struct snapshot *s, struct process *p, bool fresh,
    const struct task_sighting *sightings, size_t n)
{
	struct task *info = process_info_thread(p);
	const struct task *named = process_named_thread(p);
	bool named_ok = named && named->stat_state == FIELD_OK;

	p->state = named_ok ? named->stat.state : '?';
	p->ppid = named_ok ? named->stat.ppid : 0;
	process_set_rss(s, p, info);
	if (info && process_needs_reread(p, fresh, info, sightings, n)) {
		process_read_cmdline(s, p, info);
		process_read_uid(s, p, info);
	}
	p->kernel_thread = (p->pid == 2 || p->ppid == 2) &&
	    p->cmdline_len == 0;
}
