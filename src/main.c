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
#include "tasktop/source.h"
#include "tasktop/text.h"
#include "tasktop/ui.h"

/* Map each -p id (pid or tid) to its thread group; exit 2 on one that does
 * not exist.  tgids gets the distinct thread groups, in the order given. */
static size_t resolve_ids(const struct cli_opts *o, struct source *src,
    int *tgids)
{
	size_t n = 0;

	for (size_t i = 0; i < o->nids; i++) {
		int tgid;
		int err = detail_resolve_tgid(source_detail(src), o->ids[i],
		    &tgid);
		size_t j;

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
		for (j = 0; j < n && tgids[j] != tgid; j++)
			;
		if (j == n)
			tgids[n++] = tgid;
	}
	return n;
}

/* The version, and the source in use with why bpf was not taken. */
static void print_version(const struct source *src)
{
	const char *why = source_fallback_reason(src);

	printf("tasktop %s\n", PACKAGE_VERSION);
	printf("source: %s", source_name(src));
	if (why[0] != '\0' && strcmp(source_name(src), "bpf") != 0)
		printf(" (bpf: %s)", why);
	printf("\n");
}

/*
 * auto takes bpf, which reads every task in one pass.  -b or --json with
 * -p read a few processes once or a few times: procfs reads just those,
 * and costs less than loading the BPF program (tens of ms) does.
 */
static enum source_kind source_kind_for(const struct cli_opts *o)
{
	if (o->source == SOURCE_AUTO && o->nids > 0 &&
	    (o->mode == MODE_BATCH || o->mode == MODE_JSON))
		return SOURCE_PROCFS;
	return o->source;
}

int main(int argc, char **argv)
{
	static struct cli_opts o;
	static int tgids[CLI_MAX_IDS];
	static struct snapshot s;
	char err[256];
	struct source *src;
	size_t ntgids;
	int status;

	setlocale(LC_ALL, "");
	if (cli_parse(argc, argv, &o, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	switch (o.mode) {
	case MODE_HELP:
		fputs(cli_usage(), stdout);
		return 0;
	default:
		break;
	}

	src = source_open(source_kind_for(&o), o.proc_root, err, sizeof err);
	if (src == NULL) {
		/* it names --proc-root's argument: untrusted bytes */
		struct buf b;

		buf_init(&b);
		text_sanitize(&b, err, strlen(err), text_mode_from_locale());
		fprintf(stderr, "tasktop: %s\n", b.data);
		buf_free(&b);
		return 2;
	}
	if (o.mode == MODE_VERSION) {
		print_version(src);
		source_close(src);
		return 0;
	}
	ntgids = resolve_ids(&o, src, tgids);
	if (ntgids > 0)
		source_set_only(src, tgids, ntgids);
	snapshot_init(&s);
	if (o.mode == MODE_INTERACTIVE)
		status = ui_run(&o, src, &s, o.ids, o.nids);
	else
		status = out_run(&o, src, &s);
	snapshot_free(&s);
	source_close(src);
	return status;
}
