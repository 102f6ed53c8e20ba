/*
 * main.c - parse the command line, resolve -p ids to thread groups, and hand
 * over to the interactive view (ui/) or the batch/JSON writers (out/).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/cli.h"
#include "tasktop/model.h"
#include "tasktop/out.h"
#include "tasktop/ui.h"

/* Map each -p id (pid or tid) to its thread group; exit 2 on one that does
 * not exist.  tgids gets the distinct thread groups, in the order given. */
static size_t resolve_ids(const struct cli_opts *o, const struct proc_root *root,
    int *tgids)
{
	size_t n = 0;
	for (size_t i = 0; i < o->nids; i++) {
		int tgid;
		int err = proc_resolve_tgid(root, o->ids[i], &tgid);
		if (err == -ENOENT || err == -ESRCH) {
			fprintf(stderr, "tasktop: -p: no process or thread %d\n",
			    o->ids[i]);
			exit(2);
		}
		if (err < 0) {
			fprintf(stderr, "tasktop: -p: %d: %s\n", o->ids[i],
			    strerror(-err));
			exit(2);
		}
		size_t j;
		for (j = 0; j < n && tgids[j] != tgid; j++)
			;
		if (j == n)
			tgids[n++] = tgid;
	}
	return n;
}

int main(int argc, char **argv)
{
	static struct cli_opts o;
	char err[256];

	setlocale(LC_ALL, "");
	if (cli_parse(argc, argv, &o, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	switch (o.mode) {
	case MODE_HELP:
		fputs(cli_usage(), stdout);
		return 0;
	case MODE_VERSION:
		printf("tasktop %s\n", PACKAGE_VERSION);
		return 0;
	default:
		break;
	}

	static struct snapshot s;
	int rc = snapshot_init(&s, o.proc_root);
	if (rc < 0) {
		fprintf(stderr, "tasktop: %s: %s\n", o.proc_root, strerror(-rc));
		return 2;
	}
	static int tgids[CLI_MAX_IDS];
	size_t ntgids = resolve_ids(&o, &s.root, tgids);
	if (ntgids > 0)
		snapshot_set_only(&s, tgids, ntgids);

	int status;
	if (o.mode == MODE_INTERACTIVE)
		status = ui_run(&o, &s, o.ids, o.nids);
	else
		status = out_run(&o, &s);
	snapshot_free(&s);
	return status;
}
