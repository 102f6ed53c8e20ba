/*
 * settings_ui.c - the ui state to and from struct settings: read at
 * start, written when tasktop quits (docs/ARCHITECTURE.md, "Settings").
 * The command line wins for this run and is not saved: -d and -t leave the
 * file's delay and theme as they were.  Only the settings changed in the
 * run are written back, into the file's own text (settings_update).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "layout.h"
#include "settings_file.h"
#include "settings_ui.h"
#include "state.h"
#include "view_state.h"

static bool sort_by_name(const char *name, enum sort_key *k)
{
	/* the name of the memory sort before it took its column's, RES */
	if (strcmp(name, "MEM") == 0) {
		*k = SORT_MEM;
		return true;
	}
	for (int i = 0; i < SORT_COUNT; i++)
		if (strcmp(sort_key_name((enum sort_key)i), name) == 0) {
			*k = (enum sort_key)i;
			return true;
		}
	return false;
}

static void settings_apply(struct ui *ui, const struct settings *s)
{
	enum sort_key k;

	ui->settings = *s;
	if ((s->has & SETTINGS_HAS_SORT) && sort_by_name(s->sort, &k)) {
		ui->opts.sort = k;
		ui->opts.descending = sort_key_descending(k);
	}
	if (s->has & SETTINGS_HAS_DIRECTION)
		ui->opts.descending = s->descending;
	if (s->has & SETTINGS_HAS_TREE)
		ui->opts.tree = s->tree;
	if (s->has & SETTINGS_HAS_FLAT_THREADS)
		ui->opts.flat_threads = s->flat_threads;
	if (s->has & SETTINGS_HAS_KERNEL)
		ui->opts.hide_kernel = !s->kernel_threads;
	if (s->has & SETTINGS_HAS_METERS)
		ui->meters_hidden = !s->meters;
	if (s->has & SETTINGS_HAS_SIDE_PANE)
		ui->side_mode = s->side_pane == SETTINGS_SIDE_BESIDE ? SIDE_BESIDE :
		    s->side_pane == SETTINGS_SIDE_HIDDEN ? SIDE_HIDDEN : SIDE_AUTO;
	if ((s->has & SETTINGS_HAS_DELAY) && !ui->cli->delay_given)
		ui->delay = s->delay;
	if (s->has & SETTINGS_HAS_COLUMNS)
		ui->nchosen = columns_from_names(ui->chosen, s);
}

/* What the file had (delay, theme: no key changes them), with what the
 * ui holds now. */
static void settings_collect(const struct ui *ui, struct settings *s)
{
	*s = ui->settings;
	snprintf(s->sort, sizeof s->sort, "%s", sort_key_name(ui->opts.sort));
	s->descending = ui->opts.descending;
	s->tree = ui->opts.tree;
	s->flat_threads = ui->opts.flat_threads;
	s->kernel_threads = !ui->opts.hide_kernel;
	s->meters = !ui->meters_hidden;
	s->side_pane = ui->side_mode == SIDE_BESIDE ? SETTINGS_SIDE_BESIDE :
	    ui->side_mode == SIDE_HIDDEN ? SETTINGS_SIDE_HIDDEN :
	    SETTINGS_SIDE_AUTO;
	s->has |= SETTINGS_HAS_SORT | SETTINGS_HAS_DIRECTION |
	    SETTINGS_HAS_TREE | SETTINGS_HAS_FLAT_THREADS | SETTINGS_HAS_KERNEL |
	    SETTINGS_HAS_METERS | SETTINGS_HAS_SIDE_PANE;
	columns_to_names(ui->chosen, ui->nchosen, s);
	s->has |= SETTINGS_HAS_COLUMNS;
}

/* A damaged, unreadable or planted file: one line on the hint line, the
 * same on stderr at exit, and the defaults; never a refusal to start. */
void settings_start(struct ui *ui)
{
	char path[PATH_MAX];
	struct settings s;

	if (settings_path(path, sizeof path) < 0)
		return;
	if (settings_load(path, &s, ui->settings_error,
	    sizeof ui->settings_error) < 0) {
		ui->settings_rejected = true;
		ui_message(ui, true, "%s", ui->settings_error);
		return;
	}
	settings_apply(ui, &s);
	/* what quitting compares with: the file's lines over the defaults */
	settings_collect(ui, &ui->settings);
}

/* A file rejected at start is the user's to mend: the defaults written over
 * it on quit would lose every good line in it (or replace a FIFO, a
 * directory, a link the user made).  It is left as it was, and the warning
 * repeated at exit says so. */
static void settings_keep_rejected(struct ui *ui)
{
	static const char kept[] = " (the file is left as it was)";
	size_t len = strlen(ui->settings_error);

	if (len + sizeof kept <= sizeof ui->settings_error)
		memcpy(ui->settings_error + len, kept, sizeof kept);
}

void settings_finish(struct ui *ui)
{
	char path[PATH_MAX];
	struct settings s;

	if (ui->settings_rejected) {
		settings_keep_rejected(ui);
		return;
	}
	if (settings_path(path, sizeof path) < 0)
		return;
	settings_collect(ui, &s);
	/* Only what changed in this run is written: a line the user wrote
	 * and did not change stays as it was (a name this version does not
	 * know, a comment, a value spelt another way). */
	s.has = settings_changed(&ui->settings, &s);
	/* a sort_key without sort_direction reads as the key's own way: a
	 * new key takes its direction along, whatever that is */
	if (s.has & SETTINGS_HAS_SORT)
		s.has |= SETTINGS_HAS_DIRECTION;
	if (s.has == 0)
		return;
	/* a failure replaces the loading problem: said on stderr at exit */
	settings_save(path, &s, ui->settings_error, sizeof ui->settings_error);
}
