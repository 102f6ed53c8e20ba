/*
 * header.c - the top line: clock, how much is shown, load, refresh
 * interval, sort, and PAUSED when refreshing is paused.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "draw.h"
#include "layout.h"
#include "meters.h"
#include "state.h"
#include "tags.h"
#include "user_menu.h"

static void header_clock(const struct snapshot *s, char *out, size_t size)
{
	time_t t = (time_t)s->wall;
	struct tm tm;

	if (s->wall <= 0 || !localtime_r(&t, &tm) ||
	    strftime(out, size, "%H:%M:%S", &tm) == 0)
		snprintf(out, size, "--:--:--");
}

/* The name of the user filtered on: from the menu it was picked in. */
static const char *header_user_name(const struct ui *ui)
{
	const struct user_menu *m = &ui->user_menu;

	for (size_t i = 1; i < m->n; i++)
		if (m->entries[i].uid == ui->opts.uid)
			return m->entries[i].name;
	return "?";
}

void header_draw(struct ui *ui, const struct rect *r)
{
	const struct snapshot *s = ui->snap;
	char clock[16];
	struct buf *b = &ui->text;

	if (r->h > 1)
		meters_draw(ui, r);

	header_clock(s, clock, sizeof clock);
	buf_reset(b);
	buf_printf(b, "tasktop %s  %zu process%s, %zu thread%s", clock, s->nlist,
	    s->nlist == 1 ? "" : "es", s->ntasks, s->ntasks == 1 ? "" : "s");
	if (source_is_restricted(ui->src))
		buf_printf(b, " (-p)");
	buf_printf(b, "  %s", source_name(ui->src));
	if (s->load_ok)
		buf_printf(b, "  load %.2f %.2f %.2f", s->load[0], s->load[1],
		    s->load[2]);
	buf_printf(b, "  every %gs  sort %s%s  %s", ui->delay,
	    sort_key_name(ui->opts.sort), ui->opts.descending ? "-" : "+",
	    ui->opts.tree ? "tree" : "flat");
	if (ui->opts.flat_threads && !ui->opts.tree)
		buf_adds(b, " threads");
	if (ui->filter[0])
		buf_printf(b, "  filter \"%s\"", ui->filter);
	if (ui->opts.user_only)
		buf_printf(b, "  user %s", header_user_name(ui));
	if (ui->opts.hide_kernel)
		buf_adds(b, "  no kthreads");
	if (tags_count(ui) > 0)
		buf_printf(b, "  tagged %zu", tags_count(ui));
	if (ui->follow)
		buf_adds(b, "  follow");
	draw_fill(ui, r->y, r->x, r->w, THEME_HEADER);
	if (ui->paused) {
		static const char paused[] = " PAUSED ";
		int paused_w = (int)sizeof paused - 1;
		draw_cell(ui, r->y, r->x, r->w - paused_w, THEME_HEADER, b->data,
		    b->len);
		draw_cell(ui, r->y, r->x + r->w - paused_w, paused_w, THEME_ERROR,
		    paused, sizeof paused - 1);
		return;
	}
	draw_cell(ui, r->y, r->x, r->w, THEME_HEADER, b->data, b->len);
}
