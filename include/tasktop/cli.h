/*
 * cli.h - the command line (README.md "Using it"): parsed into options,
 * every error a single line naming the problem (the caller exits 2).
 */
#ifndef TASKTOP_CLI_H
#define TASKTOP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/source.h"

enum run_mode {
	MODE_INTERACTIVE,
	MODE_BATCH,		/* -b */
	MODE_JSON,		/* --json */
	MODE_HELP,		/* -h, --help */
	MODE_VERSION,		/* -V, --version */
};

#define CLI_MAX_IDS 1024

struct cli_opts {
	enum run_mode	 mode;
	bool		 threads;		/* -H (batch) */
	long		 iterations;		/* -n; -1: until interrupted */
	double		 delay;			/* -d seconds, default 1.0 */
	bool		 delay_given;		/* -d was given: it beats the settings */
	bool		 stack;			/* --stack (json) */
	bool		 netns;			/* --netns (json) */
	bool		 stacks;		/* --stacks: threads grouped by stack */
	long		 samples;		/* --samples: rounds; 0 one live look */
	double		 sample_interval;	/* --interval seconds between rounds */
	bool		 ustack;		/* --ustack (json, batch) */
	int		 ids[CLI_MAX_IDS];	/* -p pids or tids, as given */
	size_t		 nids;
	const char	*theme;			/* -t; NULL: default */
	const char	*proc_root;		/* --proc-root; default "/proc" */
	enum source_kind source;		/* --source; default auto */
};

/*
 * Parse argv.  0 on success; -1 with a one-line message (no newline) in err,
 * e.g. "tasktop: -d: 'abc' is not a number of seconds".
 */
int cli_parse(int argc, char **argv, struct cli_opts *o, char *err,
    size_t errlen);
/* The --help text. */
const char *cli_usage(void);

#endif
