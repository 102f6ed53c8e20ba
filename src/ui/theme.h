/*
 * theme.h - loading a theme file (theme_load.c) and turning the theme into
 * curses attributes (palette.c); parsing and the built-in themes are in
 * tasktop/ui.h (theme.c).
 */
#ifndef TASKTOP_UI_THEME_H
#define TASKTOP_UI_THEME_H

#include <stddef.h>

#include "tasktop/ui.h"

struct ui;

/*
 * Load the named theme: a name with a '/' is a path; otherwise NAME.theme
 * from the user's config dir, TASKTOP_DATADIR/themes, then the source
 * tree's themes/.  On failure t is the default theme and err says why
 * (file, line and problem).  0 or -1.
 */
int theme_load(const char *name, struct theme *t, char *err, size_t errlen);

/* palette.c: the theme as curses attributes */
void palette_apply(struct ui *ui);

#endif
