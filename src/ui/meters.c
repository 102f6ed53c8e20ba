/*
 * meters.c - htop's header meters under the header line: a bar for each
 * CPU, memory and swap bars on the left; tasks, load average and uptime on
 * the right.  From 80 columns and 20 lines up; below that the header line
 * alone.  Bars are '|' outside a UTF-8 locale, block characters in it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tasktop/util.h"
#include "draw.h"
#include "format.h"
#include "layout.h"
#include "meters.h"
#include "state.h"

#define METERS_MIN_COLS	80
#define METERS_MIN_LINES 20
#define METERS_MAX_CPU_LINES 8

/* Eighths of a cell, for the last cell of a UTF-8 bar. */
static const char *const eighths[8] = {
	" ", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a",
	"\u2589",
};

void meter_bar(struct buf *out, int width, double share, const char *text,
    enum text_mode mode)
{
	int inner = width - 2, tlen = (int)strlen(text), eighth_cells;

	buf_reset(out);
	if (width < 2)
		return;
	if (!(share >= 0))
		share = 0;
	if (share > 1)
		share = 1;
	if (tlen > inner)
		tlen = 0;		/* no room for the number: the bar alone */
	eighth_cells = (int)(share * (inner - tlen) * 8 + 0.5);
	buf_addc(out, '[');
	for (int i = 0; i < inner; i++) {
		int left = eighth_cells - i * 8;

		if (i >= inner - tlen)
			buf_addc(out, text[i - (inner - tlen)]);
		else if (left <= 0)
			buf_addc(out, ' ');
		else if (mode != TEXT_UTF8)
			buf_addc(out, '|');
		else
			buf_adds(out, left >= 8 ? "\u2588" : eighths[left]);
	}
	buf_addc(out, ']');
}

/* One bar a CPU, `per` to a line; no more than METERS_MAX_CPU_LINES (a
 * bigger machine shows the average bar only). */
static size_t cpus_per_line(size_t ncpu)
{
	return ncpu <= 4 ? 1 : ncpu <= 16 ? 2 : 4;
}

static bool cpus_each(const struct system_meters *m)
{
	size_t per = cpus_per_line(m->ncpu);

	return m->ncpu > 0 && !m->cpu_more &&
	    (m->ncpu + per - 1) / per <= METERS_MAX_CPU_LINES;
}

int meters_lines(const struct ui *ui, int lines, int cols)
{
	const struct system_meters *m = &ui->snap->sys;
	int cpu_lines = 1;

	if (ui->meters_hidden || cols < METERS_MIN_COLS ||
	    lines < METERS_MIN_LINES)
		return 0;
	if (cpus_each(m))
		cpu_lines = (int)((m->ncpu + cpus_per_line(m->ncpu) - 1) /
		    cpus_per_line(m->ncpu));
	return cpu_lines + 2 > 3 ? cpu_lines + 2 : 3;
}

static void percent_text(char *out, size_t size, bool ok, double share)
{
	if (ok)
		snprintf(out, size, "%.1f%%", share * 100);
	else
		snprintf(out, size, "-");
}

/* "label[|||||    12.5%]" in w columns at y, x. */
static void draw_meter(struct ui *ui, int y, int x, int w, const char *label,
    double share, const char *text)
{
	int used = draw_cell(ui, y, x, w, THEME_NORMAL, label, strlen(label));

	meter_bar(&ui->text, w - used, share, text, ui->mode);
	draw_cell(ui, y, x + used, w - used, THEME_METER, ui->text.data,
	    ui->text.len);
}

static void draw_cpus(struct ui *ui, const struct rect *r, int w)
{
	const struct system_meters *m = &ui->snap->sys;
	char label[24], text[16];	/* label: "%*zu" of a size_t fits */
	size_t per;
	int bw;

	if (!cpus_each(m)) {
		snprintf(label, sizeof label, "CPU ");
		percent_text(text, sizeof text, m->cpu_valid, m->cpu_busy);
		draw_meter(ui, r->y + 1, r->x, w, label, m->cpu_busy, text);
		return;
	}
	per = cpus_per_line(m->ncpu);
	bw = w / (int)per;
	for (size_t i = 0; i < m->ncpu; i++) {
		int y = r->y + 1 + (int)(i / per), x = r->x + (int)(i % per) * bw;

		snprintf(label, sizeof label, "%*zu", m->ncpu > 10 ? 2 : 1, i);
		percent_text(text, sizeof text, m->cpu_ok[i], m->cpu_share[i]);
		draw_meter(ui, y, x, bw - 1, label, m->cpu_ok[i] ?
		    m->cpu_share[i] : 0, text);
	}
}

/* "1.2G/3.8G": used of total. */
static void used_text(char *out, size_t size, unsigned long long used,
    unsigned long long total)
{
	char a[16], b[16];

	format_kb(a, sizeof a, used, UI_MEM_COLS);
	format_kb(b, sizeof b, total, UI_MEM_COLS);
	snprintf(out, size, "%s/%s", a, b);
}

static void draw_memory(struct ui *ui, int y, int x, int w)
{
	const struct proc_meminfo *mem = &ui->snap->sys.mem;
	unsigned long long used = 0, total = 0;
	char text[40] = "-";

	if (ui->snap->sys.mem_ok && (mem->has & PROC_MEM_AVAILABLE)) {
		total = mem->total_kb;
		used = mem->available_kb < total ? total - mem->available_kb : 0;
		used_text(text, sizeof text, used, total);
	}
	draw_meter(ui, y, x, w, "Mem", total ? (double)used / (double)total : 0,
	    text);
	used = total = 0;
	snprintf(text, sizeof text, "-");
	if (ui->snap->sys.mem_ok && (mem->has & PROC_MEM_SWAP_TOTAL) &&
	    (mem->has & PROC_MEM_SWAP_FREE)) {
		total = mem->swap_total_kb;
		used = mem->swap_free_kb < total ? total - mem->swap_free_kb : 0;
		used_text(text, sizeof text, used, total);
	}
	draw_meter(ui, y + 1, x, w, "Swp", total ? (double)used / (double)total :
	    0, text);
}

void format_uptime(char *out, size_t size, double seconds)
{
	unsigned long long s = seconds > 0 ? (unsigned long long)seconds : 0;
	unsigned long long days = s / 86400;

	if (days > 0)
		snprintf(out, size, "%llu day%s, %02llu:%02llu:%02llu", days,
		    days == 1 ? "" : "s", s / 3600 % 24, s / 60 % 60, s % 60);
	else
		snprintf(out, size, "%02llu:%02llu:%02llu", s / 3600, s / 60 % 60,
		    s % 60);
}

static void draw_right(struct ui *ui, const struct rect *r, int x, int w)
{
	const struct snapshot *s = ui->snap;
	char up[48];

	/* counted by the refresh: a repaint (every key) walks no task */
	buf_reset(&ui->text);
	buf_printf(&ui->text, "Tasks: %zu, %zu thr; %zu running", s->nlist,
	    s->ntasks, s->nrunning);
	draw_cell(ui, r->y + 1, x, w, THEME_NORMAL, ui->text.data,
	    ui->text.len);
	buf_reset(&ui->text);
	if (s->load_ok)
		buf_printf(&ui->text, "Load average: %.2f %.2f %.2f", s->load[0],
		    s->load[1], s->load[2]);
	else
		buf_adds(&ui->text, "Load average: -");
	draw_cell(ui, r->y + 2, x, w, THEME_NORMAL, ui->text.data,
	    ui->text.len);
	if (s->sys.uptime_ok)
		format_uptime(up, sizeof up, s->sys.uptime);
	else
		snprintf(up, sizeof up, "-");
	buf_reset(&ui->text);
	buf_printf(&ui->text, "Uptime: %s", up);
	draw_cell(ui, r->y + 3, x, w, THEME_NORMAL, ui->text.data,
	    ui->text.len);
}

/* Below the header line of r (r->h - 1 lines). */
void meters_draw(struct ui *ui, const struct rect *r)
{
	int left_w = r->w / 2 - 1, cpu_lines = r->h - 3;

	if (r->h < 4)
		return;
	draw_cpus(ui, r, left_w);
	draw_memory(ui, r->y + 1 + cpu_lines, r->x, left_w);
	draw_right(ui, r, r->x + left_w + 2, r->w - left_w - 2);
}
