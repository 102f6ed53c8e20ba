/*
 * state.h - struct ui: the state of the interactive view, which every part
 * of the ui layer reads and changes through the functions in its own header.
 */
#ifndef TASKTOP_UI_STATE_H
#define TASKTOP_UI_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/detail.h"
#include "tasktop/intmap.h"
#include "tasktop/model.h"
#include "tasktop/source.h"
#include "tasktop/text.h"
#include "tasktop/ui.h"

#include "columns.h"
#include "keyseq.h"
#include "layout.h"
#include "ns_ui.h"
#include "prompt.h"
#include "renice.h"
#include "selection.h"
#include "signal_prompt.h"
#include "text_view.h"
#include "user_menu.h"
#include "ustack.h"

struct groups_view;

enum focus {
	FOCUS_TREE,
	FOCUS_SIDE,
};

#define UI_MESSAGE_MAX 512

struct ui {
	const struct cli_opts *cli;
	struct source	*src;
	struct snapshot	*snap;
	enum text_mode	 mode;

	struct view	 view;
	struct view_opts opts;
	struct intmap	 expanded;		/* pid -> (void *)1 */
	char		 filter[PROMPT_TEXT_MAX];
	char		 search[PROMPT_TEXT_MAX];

	struct selection sel;
	long		 cursor;		/* row index; -1 with no rows */
	long		 top;			/* first row shown */
	enum focus	 focus;
	bool		 side_shown;		/* not beside: side pane over the tree */
	enum side_mode	 side_mode;		/* v: beside the tree or not */
	int		 side_scroll;
	int		 side_lines;		/* lines the side pane had last frame */

	struct groups_view *groups;		/* the grouped-stack view (B); NULL closed */

	struct task_detail detail;		/* of the selected thread */
	bool		 detail_valid;
	bool		 detail_later;		/* the cursor moved: read when keys pause */
	struct ns_ui	 ns;
	struct ui_ustack ustack;

	bool		 paused;
	struct intmap	 tagged_procs;		/* pid -> struct tag * (tags.c) */
	struct intmap	 tagged_tasks;		/* tid -> struct tag * */
	bool		 follow;		/* F: the selection keeps its screen line */
	long		 follow_line;		/* that line, rows below the top */
	struct user_menu user_menu;
	struct renice_prompt renice;
	bool		 setup_open;		/* F2: the columns screen */
	struct text_view textview;		/* e, l */
	bool		 meters_hidden;		/* #: the header line alone */
	size_t		 setup_cursor;
	bool		 help_shown;
	int		 help_scroll;		/* first entry shown: short terminals */
	bool		 quit;
	int		 exit_status;

	struct keyseq	 keyseq;			/* escape sequences, paste */
	struct prompt	 prompt;
	struct selection prompt_origin;		/* where a search started */
	char		 filter_before[PROMPT_TEXT_MAX];	/* restored by Esc */
	struct signal_prompt kill;
	char		 message[UI_MESSAGE_MAX];	/* hint line, until the next key */
	bool		 message_is_error;
	char		 theme_error[UI_MESSAGE_MAX];	/* why a theme failed to load */

	struct theme	 theme;
	int		 attr[THEME_COUNT];	/* curses attributes of each element */

	double		 delay;			/* refresh interval: -d, the settings, 1 s */
	struct settings	 settings;		/* at start: the file over the defaults (settings_ui.c) */
	char		 settings_error[UI_MESSAGE_MAX];	/* repeated on stderr at exit */
	bool		 settings_rejected;	/* the file was refused at start: not saved over */

	struct layout	 layout;
	enum column	 chosen[COL_COUNT];	/* F2's choice, in order */
	size_t		 nchosen;
	struct columns	 columns;
	double		 boot_wall;		/* when the machine booted, wall clock */
	struct buf	 cell;			/* draw_cell's output */
	struct buf	 text;			/* text being put together for a cell */
	struct buf	 prefix;		/* tree lines of a row */
};

#endif
