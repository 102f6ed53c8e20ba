/*
 * out.h - the non-interactive outputs: batch text (-b, like top -b) and JSON
 * Lines (--json, DESIGN.md's schema).  Writers fill a buffer from a snapshot;
 * nothing here touches /proc except through model.h.
 */
#ifndef TASKTOP_OUT_H
#define TASKTOP_OUT_H

#include <stdbool.h>

#include "tasktop/cli.h"
#include "tasktop/model.h"
#include "tasktop/text.h"

struct out_opts {
	bool		 threads;		/* batch: a row per thread (-H) */
	bool		 stack;			/* json: read each thread's stack */
};

/* A header line then the tree; no raw control byte from any name. */
void out_batch_write(struct buf *out, const struct snapshot *s,
    struct view *scratch, const struct out_opts *o);
/* One JSON object and a newline. */
void out_json_write(struct buf *out, const struct snapshot *s,
    const struct out_opts *o);

/* Run -b or --json to completion: refresh, write, sleep -d, -n times.
 * Returns the exit status. */
int out_run(const struct cli_opts *cli, struct snapshot *s);

#endif
