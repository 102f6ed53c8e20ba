/*
 * identity.c - a process's cmdline and user, taken after a refresh for
 * the processes whose identity is due (new, or exec'd: process_update()).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "priv.h"
#include "process.h"

bool snapshot_next_identity(const struct snapshot *s, size_t *it, int *pid,
    int *tid)
{
	const struct snapshot_priv *priv = snapshot_priv(s);
	const struct process *p;
	const struct task *info;

	while (*it < priv->nidentity) {
		p = priv->identity[(*it)++];
		info = process_info_thread(p);
		if (info == NULL)
			continue;
		*pid = p->pid;
		*tid = info->tid;
		return true;
	}
	return false;
}

static void process_take_cmdline(struct process *p,
    const struct identity_record *r)
{
	p->cmdline_state = r->cmdline_state;
	p->cmdline_len = r->cmdline_state == FIELD_OK ? r->cmdline_len : 0;
	free(p->cmdline);
	p->cmdline = NULL;
	if (p->cmdline_len == 0)
		return;
	p->cmdline = oom_malloc(p->cmdline_len + 1, "cmdline");
	memcpy(p->cmdline, r->cmdline, p->cmdline_len);
	p->cmdline[p->cmdline_len] = '\0';
}

void snapshot_put_identity(struct snapshot *s, int pid,
    const struct identity_record *r)
{
	struct process *p = snapshot_process(s, pid);

	if (p == NULL || p->seen != s->generation)
		return;
	process_take_cmdline(p, r);
	p->uid_state = r->uid_state;
	p->uid = r->uid_state == FIELD_OK ? r->uid : 0;
	p->user = r->uid_state == FIELD_OK ?
	    user_cache_name(&snapshot_priv(s)->users, p->uid) : NULL;
	process_set_kernel_thread(p);
}
