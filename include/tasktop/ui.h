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
	THEME_METER,		/* the header's bars */
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

/* ---- settings (pure parsing, fuzzed) --------------------------------- */

/*
 * What persists between runs, like htoprc: read at start from
 * $XDG_CONFIG_HOME/tasktop/tasktoprc, written on quit.  Names (sort key,
 * columns, theme) are kept as text: the ui maps them, and a name it does
 * not know (a newer version's) is left out instead of refusing the file.
 */
#define SETTINGS_NAME_MAX	64
#define SETTINGS_COLUMNS_MAX	32
#define SETTINGS_COLUMN_NAME_MAX 16

enum settings_has {		/* which settings the file set */
	SETTINGS_HAS_SORT	= 1u << 0,
	SETTINGS_HAS_DIRECTION	= 1u << 1,
	SETTINGS_HAS_TREE	= 1u << 2,
	SETTINGS_HAS_FLAT_THREADS = 1u << 3,
	SETTINGS_HAS_THEME	= 1u << 4,
	SETTINGS_HAS_DELAY	= 1u << 5,
	SETTINGS_HAS_COLUMNS	= 1u << 6,
	SETTINGS_HAS_SIDE_PANE	= 1u << 7,
	SETTINGS_HAS_KERNEL	= 1u << 8,
	SETTINGS_HAS_METERS	= 1u << 9,
};

struct settings {
	unsigned	 has;
	char		 sort[SETTINGS_COLUMN_NAME_MAX];	/* "PID", "CPU%" … */
	bool		 descending;
	bool		 tree;
	bool		 flat_threads;
	char		 theme[SETTINGS_NAME_MAX];
	double		 delay;				/* seconds */
	size_t		 ncolumns;
	char		 columns[SETTINGS_COLUMNS_MAX][SETTINGS_COLUMN_NAME_MAX];
	int		 side_pane;			/* SETTINGS_SIDE_* */
	bool		 kernel_threads;		/* shown */
	bool		 meters;			/* the header's meters shown */
};

/* side_pane= (v): beside when there is room, beside anyway, not beside */
enum { SETTINGS_SIDE_AUTO, SETTINGS_SIDE_BESIDE, SETTINGS_SIDE_HIDDEN };

#define SETTINGS_DELAY_MIN	0.05
#define SETTINGS_DELAY_MAX	3600.0
#define SETTINGS_FILE_MAX	(64 * 1024)
#define SETTINGS_LINE_MAX	1024

/*
 * Parse a settings file ("key = value" lines, '#' comments; unknown keys
 * ignored).  0, or -1 with "line N: problem" in err (printable ASCII
 * only, whatever the file holds) and s cleared: a damaged file is not
 * half applied.
 */
int settings_parse(const char *buf, size_t len, struct settings *s,
    char *err, size_t errlen);
/* The file's text for s (what settings_parse reads back to s). */
void settings_format(const struct settings *s, struct buf *out);
/* The SETTINGS_HAS_* bits whose lines differ between a and b (set in one
 * and not the other, or to another value). */
unsigned settings_changed(const struct settings *a, const struct settings *b);
/*
 * The text of a file that parses (old, len) with s's settings in it: each
 * line setting one of them to another value becomes s's line, those it
 * lacks are added at the end; every other line (comments, blank lines,
 * another version's keys, settings s does not name, a value spelt another
 * way) is kept as it was.  Nothing to change gives old back byte for
 * byte.  An empty old: settings_format's text.
 */
void settings_update(const char *old, size_t len, const struct settings *s,
    struct buf *out);

#endif
