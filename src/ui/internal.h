/*
 * internal.h - state and helpers shared by the files of the ui layer.
 * The pure helpers (theme loading, layout, columns, tree lines, prompt,
 * formatting, help text) know nothing of curses so unit tests can call them.
 */
#ifndef TASKTOP_UI_INTERNAL_H
#define TASKTOP_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "tasktop/act.h"
#include "tasktop/intmap.h"
#include "tasktop/model.h"
#include "tasktop/source.h"
#include "tasktop/text.h"
#include "tasktop/ui.h"
#include "tasktop/util.h"

/* ---- screen layout (layout.c) -------------------------------------- */

#define UI_MIN_COLS	40
#define UI_MIN_LINES	10
#define UI_SPLIT_COLS	80	/* from here the side pane sits beside the tree */
#define UI_SIDE_MAX	64	/* the side pane's widest, in columns */

struct rect {
	int		 y, x, h, w;
};

struct layout {
	bool		 too_small;
	bool		 split;		/* tree and side pane side by side */
	struct rect	 header;	/* one line */
	struct rect	 tree;		/* title line + rows */
	struct rect	 side;		/* title line + text; w 0 when hidden */
	int		 separator_x;	/* -1: none */
	struct rect	 hint;		/* the bottom lines: key hint or prompt */
};

#define UI_HINT_MAX_LINES 4

#define UI_SIDE_MIN	30	/* narrower, the side pane is not put beside */

enum side_mode {
	SIDE_AUTO,		/* beside the tree when the tree keeps its essentials */
	SIDE_BESIDE,		/* beside the tree from 80 columns, whatever it costs */
	SIDE_HIDDEN,		/* not beside: Tab or Enter shows it over the tree */
};

struct layout_want {
	enum side_mode	 side;		/* v */
	int		 tree_min;	/* columns the tree's essentials take; 0 none */
	bool		 side_shown;	/* not beside: the side pane covers the tree */
	int		 hint_lines;	/* 1; a prompt may need more */
	int		 meter_lines;	/* under the header line; 0: none */
};

void layout_compute(struct layout *l, int lines, int cols,
    const struct layout_want *want);

/* ---- tree pane columns (columns.c) --------------------------------- */

enum column {
	COL_ID,
	COL_USER,
	COL_STATE,
	COL_CPU,
	COL_MEMPCT,		/* MEM%: RES of MemTotal */
	COL_MEM,		/* RES */
	COL_VIRT,
	COL_SHR,
	COL_THREADS,
	COL_NICE,
	COL_PRIO,
	COL_TIME,
	COL_PROCESSOR,		/* the CPU it last ran on */
	COL_START,
	COL_CTXT,		/* context switches a second */
	COL_IO_READ,		/* bytes read a second */
	COL_IO_WRITE,
	COL_WCHAN,
	COL_MARK,		/* ! or *: not choosable, always before the name */
	COL_NAME,		/* always last */
	COL_COUNT
};

struct columns {
	enum column	 order[COL_COUNT];	/* as chosen, then the mark */
	size_t		 n;
	bool		 shown[COL_COUNT];	/* chosen and fitting */
	int		 x[COL_COUNT];
	int		 w[COL_COUNT];
};

/* The columns shown until the user chooses (F2). */
extern const enum column columns_default[];
extern const size_t columns_ndefault;

/* The width the essential ones among the chosen columns (id, user, state,
 * CPU%, memory, wait channel) take with the mark and a readable name: the
 * side pane goes beside the tree only when the tree keeps that. */
int columns_essential_width(const enum column *chosen, size_t n);
/* Place the chosen columns (in their order) in width cells, dropping the
 * least useful ones first so the name keeps a readable width. */
void columns_layout(struct columns *c, int width, const enum column *chosen,
    size_t n);
const char *column_title(enum column c);
const char *column_about(enum column c);
bool column_choosable(enum column c);
/* The settings' column names to a chosen list (unknown names left out,
 * the defaults when none is known) and back. */
size_t columns_from_names(enum column *chosen, const struct settings *s);
void columns_to_names(const enum column *chosen, size_t n,
    struct settings *s);
/* The column a sort key orders by. */
enum column column_of_sort(enum sort_key k);
bool column_right_aligned(enum column c);

/* The text of row's cell in column c (not the mark, the name or WCHAN):
 * out, or a string that lives as long as the row (cells.c). */
struct ui;
const char *cell_text(const struct ui *ui, const struct view_row *row,
    enum column c, char *out, size_t size);

/* ---- number formatting (format.c) ---------------------------------- */

/* The MEM column's width: format_kb() fits "512K", "9.8M", "123M". */
#define UI_MEM_COLS	4
/* "  0.0", " 99.5", "  123" in 5 columns; "-" right aligned when invalid. */
void format_cpu(char *out, size_t size, bool valid, double percent);
/* TIME+ from clock ticks at hz a second, in 9 columns: "  1:02.34"
 * (minutes:seconds.hundredths), "1234h" past 999 minutes. */
void format_time(char *out, size_t size, unsigned long long ticks, long hz);
/* START in 5 columns, htop's way: "14:03" today, "Nov30" this year, else
 * "2025"; times are wall-clock seconds, now the refresh's. */
void format_start(char *out, size_t size, double start, double now);

/* ---- line input (prompt.c) ----------------------------------------- */

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,
	PROMPT_FILTER,
	PROMPT_ATTACH,
};

#define PROMPT_TEXT_MAX 64

struct prompt {
	enum prompt_kind kind;
	char		 text[PROMPT_TEXT_MAX];
	size_t		 len;
};

enum prompt_result {
	PROMPT_EDITING,		/* key ignored or cursor unchanged */
	PROMPT_CHANGED,		/* the text changed */
	PROMPT_ACCEPTED,	/* Enter */
	PROMPT_CANCELLED,	/* Esc */
};

void prompt_open(struct prompt *p, enum prompt_kind kind, const char *initial);
enum prompt_result prompt_key(struct prompt *p, int key);
const char *prompt_label(enum prompt_kind kind);

/* ---- key sequences curses leaves undecoded (keyseq.c) -------------- */

#define KEYSEQ_MAX	16	/* bytes of one escape sequence kept */
#define KEYSEQ_OUT_MAX	8

struct keyseq_event {
	int		 key;		/* a curses key code or a byte */
	bool		 pasted;	/* part of a bracketed paste: text, not a key */
};

struct keyseq {
	int		 buf[KEYSEQ_MAX];	/* ESC, '[' or 'O', parameters */
	size_t		 n;
	bool		 overflow;		/* longer than buf: dropped */
	bool		 pasting;		/* inside ESC [ 200 ~ ... ESC [ 201 ~ */
	struct keyseq_event out[KEYSEQ_OUT_MAX];
	size_t		 nout, nread;
};

/* One getch() result in; then keyseq_next until false. */
void keyseq_feed(struct keyseq *k, int ch);
bool keyseq_next(struct keyseq *k, struct keyseq_event *ev);
/* An ESC or part of a sequence waits for more. */
bool keyseq_pending(const struct keyseq *k);
/* No more input came: a lone ESC is the Esc key, half a sequence dropped. */
void keyseq_flush(struct keyseq *k);

/* ---- themes (theme.c, theme_load.c) -------------------------------- */

/*
 * Load the named theme: a name with a '/' is a path; otherwise NAME.theme
 * from the user's config dir, TASKTOP_DATADIR/themes, then the source
 * tree's themes/.  On failure t is the default theme and err says why
 * (file, line and problem).  0 or -1.
 */
int theme_load(const char *name, struct theme *t, char *err, size_t errlen);

/* ---- the help screen (help.c) -------------------------------------- */

struct help_entry {
	const char	*keys;
	const char	*does;
};

extern const struct help_entry help_entries[];
extern const size_t help_nentries;

/* ---- signals offered by the kill prompt (signal.c) ------------------ */

struct signal_choice {
	const char	*name;
	int		 signo;
};

extern const struct signal_choice signal_choices[];
extern const size_t signal_nchoices;

/* ---- the ui state --------------------------------------------------- */

enum focus {
	FOCUS_TREE,
	FOCUS_SIDE,
};

/* What is selected: a thread row (tid != 0) or a process row. */
struct selection {
	int		 pid;
	int		 tid;		/* 0: the process row */
	long		 index;		/* row, to fall back on when both left */
};

struct signal_prompt {
	bool		 open;
	size_t		 choice;	/* index into signal_choices */
	bool		 whole_process;
	int		 pid;
	int		 tid;
	struct act_pin	 pin;		/* the task asked about (act.h) */
	bool		 tagged;	/* to every tagged task instead */
	struct tag	*tags;		/* tags_list's copy, while open */
	size_t		 ntags;
	size_t		 tags_cap;
};

/* A tagged process (its leader, or its first thread when the leader is
 * gone, as shown) or thread. */
struct tag {
	struct act_task	 task;
	bool		 process;
};

/* F7/F8: the nice value asked for, and the threads it goes to (a process
 * row: all of its threads, as they were shown when the prompt opened). */
struct renice_prompt {
	bool		 open;
	int		 pid;
	int		 tid;		/* 0: the whole process */
	int		 from;
	int		 to;
	struct act_task	*tasks;
	size_t		 n;
	size_t		 cap;
};

/* e and l: a title and lines of untrusted bytes (ends[i]: where line i
 * ends in text). */
struct text_view {
	bool		 open;
	char		 title[160];
	struct buf	 text;
	size_t		*ends;
	size_t		 nlines;
	size_t		 ends_cap;
	size_t		 top;
};

/* The u menu: "(all users)", then the snapshot's users by name. */
struct user_entry {
	uid_t		 uid;
	const char	*name;
};

struct user_menu {
	bool		 open;
	struct user_entry *entries;
	size_t		 n;
	size_t		 cap;
	size_t		 choice;
};

/* Namespaces (ns_ui.c, side_pane_ns.c, ns_view.c): the overview that covers
 * the tree while it is open; names and contents come through the detail
 * reader (tasktop/detail.h). */
enum ns_view_level {
	NS_VIEW_CLOSED,
	NS_VIEW_LIST,		/* every namespace */
	NS_VIEW_TASKS,		/* the tasks of one */
};

struct ns_ui {
	struct ns_overview overview;
	enum ns_view_level level;
	long		 cursor, top;		/* in the namespace list */
	enum ns_type	 tasks_type;		/* NS_VIEW_TASKS: whose tasks */
	uint64_t	 tasks_ino;
	int		*tids;			/* NS_VIEW_TASKS: its tasks, by tid */
	size_t		 ntids, tids_cap;
	long		 tasks_cursor, tasks_top;
};

#define UI_MESSAGE_MAX 512

/* b: the user stack of the selected thread (ustack.c). */
struct unwinder;
struct unwind_result;
struct ui_ustack {
	struct unwinder	*unwinder;		/* made on the first b */
	int		 sel_pid, sel_tid;	/* the selection b was pressed on */
	int		 tgid, tid;		/* the thread unwound; tid 0: off */
	uint32_t	 request;		/* in flight; 0 none */
	bool		 due;			/* to send once the frame is drawn */
	double		 asked;			/* when it was sent */
	struct unwind_result *result;		/* the latest, or NULL */
	double		 result_mono;
};

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
	struct settings	 settings;		/* as read at start (settings_ui.c) */
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

/* keys.c */
void ui_handle_key(struct ui *ui, int key);
/* A byte of bracketed paste: text for an open line prompt, else dropped;
 * never a key. */
void ui_handle_paste(struct ui *ui, int byte);
/* Close an open prompt as Esc does; false when none was open. */
bool ui_cancel_prompt(struct ui *ui);

/* selection.c */
void selection_restore(struct ui *ui);
void selection_set_row(struct ui *ui, long row);
void selection_move(struct ui *ui, long delta);
void selection_scroll_into_view(struct ui *ui, int rows);
/* F: follow the selection (it keeps its line while rows move around it). */
void selection_follow(struct ui *ui);

/* view state (view_state.c): rebuild the rows, read the selected detail */
void ui_state_init(struct ui *ui, const struct cli_opts *cli,
    struct source *src, struct snapshot *s);
void ui_state_free(struct ui *ui);
void ui_rebuild(struct ui *ui);
void ui_read_detail(struct ui *ui);
int ui_refresh(struct ui *ui);
/* The thread whose wait channel a row shows; NULL: none. */
struct task *ui_row_wchan_task(const struct view_row *row);
/* Read what the rows about to be drawn show (their wait channels): the
 * tree pane only draws.  rows: the lines the tree has for rows. */
void ui_fetch_shown(struct ui *ui, int rows);
bool ui_is_expanded(const struct ui *ui, int pid);
void ui_set_expanded(struct ui *ui, int pid, bool expanded);
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* tags.c */
void tags_init(struct ui *ui);
void tags_free(struct ui *ui);
bool tags_row_tagged(const struct ui *ui, const struct view_row *row);
size_t tags_count(const struct ui *ui);
void tags_toggle_selected(struct ui *ui);
void tags_clear(struct ui *ui);
void tags_prune(struct ui *ui);
size_t tags_list(const struct ui *ui, struct tag **out, size_t *cap);

/* settings_file.c: where the file is, reading and replacing it.  Each
 * returns 0, or -1 with a message in err naming the file. */
int settings_path(char *out, size_t size);
int settings_load(const char *path, struct settings *s, char *err,
    size_t errlen);
int settings_save(const char *path, const struct settings *s, char *err,
    size_t errlen);
/* A regular file of at most cap - 1 bytes: 0, or -errno (-EINVAL: not a
 * regular file, -EFBIG: larger). */
int ui_read_regular_file(const char *path, char *buf, size_t cap,
    size_t *len);

/* settings_ui.c: the ui state from the file at start, and back on quit */
void settings_apply(struct ui *ui, const struct settings *s);
void settings_collect(const struct ui *ui, struct settings *s);
/* Load and apply the file (a problem: one message, the defaults); save. */
void settings_start(struct ui *ui);
void settings_finish(struct ui *ui);

/* meters.c: the header's meters under its first line */
/* "[|||||     12.5%]" in exactly width columns (text at the right, over
 * the bar; '|' outside UTF-8, block characters in it). */
void meter_bar(struct buf *out, int width, double share, const char *text,
    enum text_mode mode);
/* "3 days, 04:05:06" or "04:05:06". */
void format_uptime(char *out, size_t size, double seconds);
/* The meter lines for a terminal of lines x cols (0: too small). */
int meters_lines(const struct ui *ui, int lines, int cols);
void meters_draw(struct ui *ui, const struct rect *r);

/* text_view.c: a full-screen scrollable list (e, l) */
void text_view_open(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void text_view_add(struct ui *ui, const char *s, size_t len);
void text_view_addf(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void text_view_key(struct ui *ui, int key);
void text_view_draw(struct ui *ui);
void text_view_free(struct ui *ui);

/* environ_view.c (e), fd_view.c (l) */
void environ_view_open(struct ui *ui);
void fd_view_open(struct ui *ui);

/* setup.c: F2 */
void setup_open(struct ui *ui);
void setup_key(struct ui *ui, int key);
void setup_draw(struct ui *ui);

/* renice.c */
void renice_prompt_open(struct ui *ui, int delta);
void renice_prompt_key(struct ui *ui, int key);
void renice_prompt_describe(const struct ui *ui, struct buf *out);
void renice_prompt_free(struct ui *ui);

/* user_menu.c */
void user_menu_open(struct ui *ui);
void user_menu_free(struct ui *ui);
void user_menu_key(struct ui *ui, int key);
void user_menu_draw(struct ui *ui, const struct rect *r);

/* ns_ui.c: the namespace cache and overview in step with refreshes; the
 * keys that jump to the next / previous thread marked `!` */
void ns_ui_init(struct ui *ui);
void ns_ui_free(struct ui *ui);
void ns_ui_refresh(struct ui *ui);
/* The overview of the snapshot, with the namespaces only bind mounts hold. */
void ns_ui_build_overview(struct ui *ui);
void ns_jump_marked(struct ui *ui, int dir);
void ns_view_open_tasks(struct ui *ui, enum ns_type type, uint64_t ino);
/* ns_view.c: the namespace overview (o), full screen while open */
void ns_view_open(struct ui *ui);
void ns_view_key(struct ui *ui, int key);
void ns_view_draw(struct ui *ui);
/* ustack.c: b, and the helper's fd in the event loop.  The unwinder is
 * shared by every view that unwinds (results carry their request id). */
struct unwinder *ui_unwinder(struct ui *ui);
void ustack_start(struct ui *ui);
void ustack_follow(struct ui *ui);	/* after a detail read: still on it? */
void ustack_refresh(struct ui *ui);	/* at each refresh: unwind again */
void ustack_send_due(struct ui *ui);	/* after a frame: send what is due */
void ustack_service(struct ui *ui, double now);
int ustack_fd(const struct ui *ui);
int ustack_timeout_ms(const struct ui *ui, double now);
void ustack_free(struct ui *ui);
/* The result shown for tid (NULL: none yet; *waiting: one is asked for). */
const struct unwind_result *ustack_for(const struct ui *ui, int tid,
    bool *waiting);
bool ustack_on(const struct ui *ui, int tid);

/* search.c */
bool search_step(struct ui *ui, const char *query, int dir, bool include_current);

/* attach.c */
void attach_id(struct ui *ui, int id);

/* signal.c */
void signal_prompt_open(struct ui *ui);
void signal_prompt_key(struct ui *ui, int key);
/* The prompt in lines of at most cols columns, '\n' between them; returns
 * how many. */
int signal_prompt_describe(const struct ui *ui, int cols, struct buf *out);
/* Ctrl-C and Esc: close it, sending nothing. */
void signal_prompt_cancel(struct ui *ui);
void signal_prompt_free(struct ui *ui);

/* palette.c: the theme as curses attributes */
void palette_apply(struct ui *ui);

/* drawing */
void screen_draw(struct ui *ui);
void header_draw(struct ui *ui, const struct rect *r);
void tree_pane_draw(struct ui *ui, const struct rect *r);
void side_pane_draw(struct ui *ui, const struct rect *r);
void hint_draw(struct ui *ui, const struct rect *r);
void help_draw(struct ui *ui);
/* Untrusted text, sanitized and fitted into w columns at y, x in a style;
 * draw_cell returns the columns it took. */
int draw_cell(struct ui *ui, int y, int x, int w, enum theme_elem style,
    const char *s, size_t len);
void draw_cell_right(struct ui *ui, int y, int x, int w, enum theme_elem style,
    const char *s, size_t len);
void draw_fill(struct ui *ui, int y, int x, int w, enum theme_elem style);

/* preflight.c: the theme, a terminal on stdin and stdout that can place the
 * cursor.  0, or the exit status after one line on stderr. */
int ui_preflight(struct ui *ui);

/* fatal.c: a crash still leaves a usable terminal */
void fatal_signals_install(void);

#endif
