/*
 * test_ui_layout.c - where the panes go for a terminal size, and which
 * tree columns fit a pane.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui/columns.h"
#include "ui/layout.h"

/* Nothing overlaps and nothing leaves the screen. */
static void assert_fits(const struct layout *l, int lines, int cols)
{
	const struct rect *r[] = { &l->header, &l->tree, &l->side, &l->hint };

	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
		if (r[i]->w == 0)
			continue;
		assert_true(r[i]->x >= 0 && r[i]->y >= 0);
		assert_true(r[i]->x + r[i]->w <= cols);
		assert_true(r[i]->y + r[i]->h <= lines);
	}
	if (l->split)
		assert_true(l->tree.x + l->tree.w <= l->separator_x &&
		    l->separator_x < l->side.x);
}

static void compute(struct layout *l, int lines, int cols, bool side_shown)
{
	struct layout_want want = { .side_shown = side_shown, .hint_lines = 1 };

	layout_compute(l, lines, cols, &want);
}

/* A prompt of three lines takes them from the panes, not the header. */
/* From 80 columns the side pane goes beside the tree only when the tree
 * keeps its essentials; v forces it beside or away. */
static void test_side_pane_after_the_essentials(void **state)
{
	struct layout_want want = { .hint_lines = 1 };
	struct layout l;

	(void)state;
	want.tree_min = columns_essential_width(columns_default,
	    columns_ndefault);
	layout_compute(&l, 24, 80, &want);
	assert_false(l.split);
	assert_int_equal(l.tree.w, 80);
	layout_compute(&l, 24, 115, &want);
	assert_true(l.split);
	assert_true(l.tree.w >= want.tree_min);
	assert_true(l.side.w >= UI_SIDE_MIN);
	want.side = SIDE_BESIDE;
	layout_compute(&l, 24, 80, &want);
	assert_true(l.split);
	assert_int_equal(l.side.w, 32);
	want.side = SIDE_HIDDEN;
	layout_compute(&l, 45, 160, &want);
	assert_false(l.split);
	assert_int_equal(l.tree.w, 160);
	want.side_shown = true;
	layout_compute(&l, 45, 160, &want);
	assert_int_equal(l.side.w, 160);
}

static void test_prompt_lines_shorten_the_panes(void **state)
{
	struct layout_want want = { .hint_lines = 3 };
	struct layout l;

	(void)state;
	layout_compute(&l, 24, 80, &want);
	assert_int_equal(l.hint.y, 21);
	assert_int_equal(l.hint.h, 3);
	assert_int_equal(l.tree.h, 20);
	assert_int_equal(l.side.h, 20);
	assert_fits(&l, 24, 80);
	want.hint_lines = 99;
	layout_compute(&l, UI_MIN_LINES, 80, &want);
	assert_int_equal(l.hint.h, UI_HINT_MAX_LINES);
	assert_fits(&l, UI_MIN_LINES, 80);
}

static void test_wide_splits_side_by_side(void **state)
{
	struct layout l;

	(void)state;
	compute(&l, 45, 160, false);
	assert_false(l.too_small);
	assert_true(l.split);
	assert_int_equal(l.side.w, UI_SIDE_MAX);
	assert_int_equal(l.tree.w + 1 + l.side.w, 160);
	assert_int_equal(l.header.y, 0);
	assert_int_equal(l.hint.y, 44);
	assert_int_equal(l.tree.h, 43);
	assert_fits(&l, 45, 160);
}

static void test_eighty_columns_split_at_forty_percent(void **state)
{
	struct layout l;

	(void)state;
	compute(&l, 24, 80, false);
	assert_true(l.split);
	assert_int_equal(l.side.w, 32);
	assert_int_equal(l.separator_x, 47);
	assert_fits(&l, 24, 80);
}

static void test_narrow_shows_one_pane(void **state)
{
	struct layout l;

	(void)state;
	compute(&l, 10, 79, false);
	assert_false(l.split);
	assert_int_equal(l.tree.w, 79);
	assert_int_equal(l.side.w, 0);
	assert_int_equal(l.separator_x, -1);
	compute(&l, 10, 40, true);
	assert_int_equal(l.tree.w, 0);
	assert_int_equal(l.side.w, 40);
	assert_int_equal(l.side.h, 8);
	assert_fits(&l, 10, 40);
}

static void test_below_minimum_is_too_small(void **state)
{
	struct layout l;

	(void)state;
	compute(&l, 9, 200, false);
	assert_true(l.too_small);
	compute(&l, 50, 39, false);
	assert_true(l.too_small);
	compute(&l, 0, 0, false);
	assert_true(l.too_small);
	compute(&l, UI_MIN_LINES, UI_MIN_COLS, false);
	assert_false(l.too_small);
}

static void test_every_size_fits(void **state)
{
	struct layout l;

	(void)state;
	for (int lines = UI_MIN_LINES; lines < 60; lines += 7)
		for (int cols = UI_MIN_COLS; cols < 400; cols++) {
			compute(&l, lines, cols, cols & 1);
			assert_fits(&l, lines, cols);
		}
}

static void test_columns_all_shown_when_wide(void **state)
{
	struct columns c;

	(void)state;
	columns_layout(&c, 95, columns_default, columns_ndefault);
	for (size_t i = 0; i < columns_ndefault; i++)
		assert_true(c.shown[columns_default[i]]);
	assert_true(c.shown[COL_MARK] && c.shown[COL_NAME]);
	assert_false(c.shown[COL_NICE]);	/* not chosen */
	assert_int_equal(c.x[COL_ID], 0);
	assert_int_equal(c.x[COL_USER], c.x[COL_ID] + c.w[COL_ID] + 1);
	assert_int_equal(c.x[COL_NAME] + c.w[COL_NAME], 95);
}

/* The essential columns (where a thread waits, whose it is) go last:
 * TIME+, THR and memory first. */
static void test_columns_keep_wchan_and_user_longest(void **state)
{
	struct columns c;

	(void)state;
	columns_layout(&c, 80, columns_default, columns_ndefault);
	assert_true(c.shown[COL_WCHAN]);
	assert_true(c.shown[COL_USER]);
	assert_false(c.shown[COL_TIME]);
	columns_layout(&c, 62, columns_default, columns_ndefault);
	assert_true(c.shown[COL_WCHAN]);
	assert_true(c.shown[COL_USER]);
	assert_false(c.shown[COL_MEM]);
	assert_false(c.shown[COL_THREADS]);
	columns_layout(&c, 40, columns_default, columns_ndefault);
	assert_false(c.shown[COL_WCHAN]);
	assert_false(c.shown[COL_USER]);
	assert_true(c.shown[COL_ID] && c.shown[COL_STATE] && c.shown[COL_MARK]);
	assert_true(c.w[COL_NAME] >= 12);
}

/* Every column chosen, in reverse: placed in that order, never overlapping,
 * the name taking the rest. */
static void test_columns_never_overlap(void **state)
{
	enum column every[COL_MARK];
	struct columns c;

	(void)state;
	for (int i = 0; i < COL_MARK; i++)
		every[i] = (enum column)(COL_MARK - 1 - i);
	for (int w = 0; w < 200; w++) {
		int end = 0;
		columns_layout(&c, w, every, COL_MARK);
		for (size_t k = 0; k < c.n; k++) {
			enum column i = c.order[k];

			if (!c.shown[i])
				continue;
			assert_true(c.x[i] >= end);
			end = c.x[i] + c.w[i];
		}
		assert_true(c.x[COL_NAME] >= end);
		end = c.x[COL_NAME] + c.w[COL_NAME];
		assert_true(c.w[COL_NAME] >= 0);
		if (w >= 30)
			assert_int_equal(end, w);
	}
}

/* F2's order is the screen's; the mark and the name stay last; a column
 * chosen twice (a hand-edited file) is placed once. */
static void test_columns_in_chosen_order(void **state)
{
	static const enum column chosen[] = { COL_NICE, COL_ID, COL_TIME,
	    COL_NICE, COL_MARK, COL_NAME };
	struct columns c;

	(void)state;
	columns_layout(&c, 120, chosen, 6);
	assert_int_equal(c.n, 4);
	assert_int_equal(c.order[0], COL_NICE);
	assert_int_equal(c.order[1], COL_ID);
	assert_int_equal(c.order[2], COL_TIME);
	assert_int_equal(c.order[3], COL_MARK);
	assert_int_equal(c.x[COL_NICE], 0);
	assert_int_equal(c.x[COL_ID], 4);
	assert_true(c.x[COL_NAME] > c.x[COL_MARK]);
	assert_false(c.shown[COL_USER]);
	/* narrow: the unlisted NI goes first, PID/TID never */
	columns_layout(&c, 30, chosen, 6);
	assert_false(c.shown[COL_NICE]);
	assert_true(c.shown[COL_ID]);
}

static void test_column_titles(void **state)
{
	(void)state;
	assert_string_equal(column_title(COL_CPU), "CPU%");
	assert_true(column_right_aligned(COL_ID));
	assert_false(column_right_aligned(COL_NAME));
}

static void test_every_sort_key_has_a_column(void **state)
{
	(void)state;
	assert_int_equal(column_of_sort(SORT_PID), COL_ID);
	assert_int_equal(column_of_sort(SORT_CPU), COL_CPU);
	assert_int_equal(column_of_sort(SORT_THREADS), COL_THREADS);
	assert_int_equal(column_of_sort(SORT_NAME), COL_NAME);
	for (int k = 0; k < SORT_COUNT; k++)
		assert_true(k == SORT_PID ||
		    column_of_sort((enum sort_key)k) != COL_ID);
	assert_int_equal(column_of_sort(SORT_COUNT), COL_ID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide_splits_side_by_side),
		cmocka_unit_test(test_prompt_lines_shorten_the_panes),
		cmocka_unit_test(test_side_pane_after_the_essentials),
		cmocka_unit_test(test_eighty_columns_split_at_forty_percent),
		cmocka_unit_test(test_narrow_shows_one_pane),
		cmocka_unit_test(test_below_minimum_is_too_small),
		cmocka_unit_test(test_every_size_fits),
		cmocka_unit_test(test_columns_all_shown_when_wide),
		cmocka_unit_test(test_columns_keep_wchan_and_user_longest),
		cmocka_unit_test(test_columns_never_overlap),
		cmocka_unit_test(test_columns_in_chosen_order),
		cmocka_unit_test(test_column_titles),
		cmocka_unit_test(test_every_sort_key_has_a_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
