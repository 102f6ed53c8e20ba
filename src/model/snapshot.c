/*
 * snapshot.c - a snapshot's life: made empty, filled by refreshes
 * (refresh.c), freed; and looking tasks and processes up by id.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tasktop/util.h"
#include "priv.h"
#include "process.h"
#include "task.h"
#include "task_slots.h"
#include "tid_map.h"

void snapshot_init(struct snapshot *s)
{
	struct snapshot_priv *priv = oom_calloc(1, sizeof *priv, "snapshot");
	long page = sysconf(_SC_PAGESIZE);

	memset(s, 0, sizeof *s);
	user_cache_init(&priv->users);
	s->priv = priv;
	tid_map_init(&s->tasks);
	intmap_init(&s->procs);
	s->page_kb = page > 0 ? page / 1024 : 4;
	s->hz = sysconf(_SC_CLK_TCK);
}

void snapshot_free(struct snapshot *s)
{
	struct snapshot_priv *priv = snapshot_priv(s);
	size_t it = 0;
	uint32_t slot;
	void *v;

	while (tid_map_next(&s->tasks, &it, &slot))
		task_free(task_slot_at(slot), slot);
	it = 0;
	while (intmap_next(&s->procs, &it, NULL, &v))
		process_free(v);
	tid_map_free(&s->tasks);
	intmap_free(&s->procs);
	free(s->list);
	free(s->roots);
	if (priv) {
		free(priv->identity);
		free(priv->tree_mark);
		user_cache_free(&priv->users);
		free(priv);
	}
	memset(s, 0, sizeof *s);
}

struct process *snapshot_process(const struct snapshot *s, int pid)
{
	return intmap_get(&s->procs, pid);
}

struct task *snapshot_task(const struct snapshot *s, int tid)
{
	return tid_map_get(&s->tasks, tid);
}
