/*
 * ui.h - the interactive view: ncurses event loop, tree pane, side pane,
 * header, prompts, themes.  The only layer that knows about curses.
 */
#ifndef TASKTOP_UI_H
#define TASKTOP_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/cli.h"
#include "tasktop/model.h"
#include "tasktop/source.h"
#include "tasktop/text.h"

/* Run until quit, refreshing s from src; select[] are the tids given with
 * -p (each opens its process and the first is selected).  Returns the exit
 * status. */
int ui_run(const struct cli_opts *cli, struct source *src, struct snapshot *s,
    const int *select, size_t nselect);

/* ---- themes (pure parsing, fuzzed) ---------------------------------- */

enum theme_elem {
	THEME_NORMAL,
	THEME_HEADER,
	THEME_TITLE,		/* column titles */
	THEME_CURSOR,		/* the selected row */
	THEME_TREE,		/* tree lines */
	THEME_THREAD,		/* thread rows */
	THEME_NETNS,		/* a thread whose netns differs: the headline */
	THEME_NSDIFF,		/* another namespace type differs: quieter */
	THEME_KERNEL,		/* kernel threads */
	THEME_STATE_RUN,	/* R */
	THEME_STATE_D,		/* D: uninterruptible */
	THEME_ZOMBIE,		/* Z, exited leaders */
	THEME_PANE_TITLE,
	THEME_PANE,		/* side pane text */
	THEME_ERROR,		/* "permission denied" and the like */
	THEME_HINT,		/* the key hint line */
	THEME_PROMPT,
	THEME_TAGGED,		/* rows tagged with space */
	THEME_MATCH,		/* the part of a name the filter matched */
	THEME_COUNT
};

enum theme_color {		/* -1 default, 0..7 the curses colours, 8..255 */
	THEME_DEFAULT = -1,
};

#define THEME_ATTR_BOLD		0x1u
#define THEME_ATTR_REVERSE	0x2u
#define THEME_ATTR_UNDERLINE	0x4u
#define THEME_ATTR_DIM		0x8u

struct theme_style {
	short		 fg;
	short		 bg;
	unsigned	 attrs;
};

struct theme {
	char		 name[64];
	struct theme_style style[THEME_COUNT];
};

const char *theme_elem_name(enum theme_elem e);
/* The built-in default, and the monochrome one (attributes only). */
void theme_default(struct theme *t);
void theme_mono(struct theme *t);
/*
 * Parse a theme file ("element = fg bg attrs…" lines, '#' comments) over the
 * default theme.  0, or -1 with "LINE: problem" in err for the first error.
 */
int theme_parse(const char *buf, size_t len, struct theme *t, char *err,
    size_t errlen);

#endif
