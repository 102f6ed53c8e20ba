/*
 * palette.c - the theme turned into curses attributes: one colour pair per
 * element.  Terminals with fewer than 8 colours, and users who set NO_COLOR,
 * get the monochrome theme (attributes only).
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "state.h"
#include "theme.h"

static bool colors_wanted(void)
{
	const char *no_color = getenv("NO_COLOR");

	if (no_color && *no_color)
		return false;
	return has_colors() && start_color() == OK && COLORS >= 8;
}

/* A colour the terminal lacks falls back to its basic eight, else default. */
static short color_fit(short c)
{
	if (c < 0 || c < COLORS)
		return c;
	return c < 16 ? (short)(c & 7) : -1;
}

static int style_attrs(unsigned attrs)
{
	int a = A_NORMAL;

	if (attrs & THEME_ATTR_BOLD)
		a |= A_BOLD;
	if (attrs & THEME_ATTR_REVERSE)
		a |= A_REVERSE;
	if (attrs & THEME_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (attrs & THEME_ATTR_DIM)
		a |= A_DIM;
	return a;
}

void palette_apply(struct ui *ui)
{
	bool colors = colors_wanted();

	if (!colors)
		theme_mono(&ui->theme);
	else
		use_default_colors();
	for (int e = 0; e < THEME_COUNT; e++) {
		const struct theme_style *st = &ui->theme.style[e];
		int a = style_attrs(st->attrs);

		if (colors && e + 1 < COLOR_PAIRS) {
			init_pair((short)(e + 1), color_fit(st->fg), color_fit(st->bg));
			a |= COLOR_PAIR(e + 1);
		}
		ui->attr[e] = a;
	}
}
