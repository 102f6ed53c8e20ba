/*
 * test_ui_selection.c - the ui state over a real snapshot of the "basic"
 * fixture tree: the selection follows ids across rebuilds, search finds
 * names and ids (opening collapsed processes), attach jumps to a tid.
 *
 * The basic tree: 1 systemd -> 100 nsdemo (threads 100, 101 utsworker,
 * 102 netns); 2 kthreadd -> 3 kworker/0:1H.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "ui/selection.h"
#include "ui/state.h"
#include "ui/view_state.h"

struct world {
	char		*root;
	struct source	*src;
	struct snapshot	 snap;
	struct cli_opts	 cli;
	struct ui	 ui;
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct ui *ui = &w->ui;

	char err[256];

	assert_non_null(w);
	w->root = fixture_tree("basic");
	w->src = source_open(SOURCE_PROCFS, w->root, err, sizeof err);
	assert_non_null(w->src);
	snapshot_init(&w->snap);
	assert_int_equal(source_refresh(w->src, &w->snap, 1.0, 1000.0), 0);
	w->cli.delay = 1.0;
	ui_state_init(ui, &w->cli, w->src, &w->snap);
	ui->mode = TEXT_ASCII;
	ui_rebuild(ui);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	ui_state_free(&w->ui);
	snapshot_free(&w->snap);
	source_close(w->src);
	fixture_remove(w->root);
	free(w);
	return 0;
}

static struct ui *ui_of(void **state)
{
	return &((struct world *)*state)->ui;
}

static void test_first_row_selected(void **state)
{
	struct ui *ui = ui_of(state);

	assert_int_equal(ui->view.n, 4);
	assert_int_equal(ui->cursor, 0);
	assert_int_equal(ui->sel.pid, 1);
	assert_int_equal(ui->sel.tid, 0);
}

static void test_search_opens_a_collapsed_process(void **state)
{
	struct ui *ui = ui_of(state);

	assert_false(ui_is_expanded(ui, 100));
	assert_true(search_step(ui, "netns", 1, true));
	assert_true(ui_is_expanded(ui, 100));
	assert_int_equal(ui->sel.pid, 100);
	assert_int_equal(ui->sel.tid, 102);
	assert_ptr_equal(ui->view.rows[ui->cursor].task, snapshot_task(ui->snap, 102));
	assert_true(ui->detail_valid);
	assert_int_equal(ui->detail.tid, 102);
}

static void test_search_by_id_is_exact(void **state)
{
	struct ui *ui = ui_of(state);

	assert_true(search_step(ui, "2", 1, false));
	assert_int_equal(ui->sel.pid, 2);
	assert_int_equal(ui->sel.tid, 0);
	assert_true(search_step(ui, "101", 1, false));
	assert_int_equal(ui->sel.tid, 101);
}

static void test_search_ignores_case_and_wraps(void **state)
{
	struct ui *ui = ui_of(state);

	selection_set_row(ui, (long)ui->view.n - 1);
	assert_true(search_step(ui, "SYSTEMD", 1, false));
	assert_int_equal(ui->sel.pid, 1);
	assert_true(search_step(ui, "kThReAdD", -1, false));
	assert_int_equal(ui->sel.pid, 2);
}

static void test_search_without_match_keeps_selection(void **state)
{
	struct ui *ui = ui_of(state);

	selection_set_row(ui, 2);
	assert_false(search_step(ui, "no-such-name", 1, true));
	assert_false(search_step(ui, "", 1, true));
	assert_false(search_step(ui, "4242", -1, true));
	assert_int_equal(ui->cursor, 2);
	assert_int_equal(ui->sel.pid, 2);
}

static void test_closed_thread_falls_back_to_its_process(void **state)
{
	struct ui *ui = ui_of(state);

	assert_true(search_step(ui, "utsworker", 1, true));
	assert_int_equal(ui->sel.tid, 101);
	ui_set_expanded(ui, 100, false);
	ui_rebuild(ui);
	assert_int_equal(ui->sel.pid, 100);
	assert_int_equal(ui->sel.tid, 0);
	assert_int_equal(ui->cursor, view_find_process(&ui->view, 100));
}

static void test_gone_process_keeps_the_row_index(void **state)
{
	struct ui *ui = ui_of(state);

	ui->sel.pid = 999;
	ui->sel.tid = 0;
	ui->sel.index = 2;
	selection_restore(ui);
	assert_int_equal(ui->cursor, 2);
	assert_int_equal(ui->sel.pid, ui->view.rows[2].proc->pid);
	ui->sel.pid = 999;
	ui->sel.index = 50;
	selection_restore(ui);
	assert_int_equal(ui->cursor, (long)ui->view.n - 1);
}

/* Thread tid of process 100 exits: gone from the tree, then a refresh. */
static void thread_exits(struct world *w, int tid)
{
	char path[64];

	snprintf(path, sizeof path, "100/task/%d", tid);
	assert_int_equal(fixture_remove_path(w->root, path), 0);
	assert_int_equal(source_refresh(w->src, &w->snap, 2.0, 1001.0), 0);
	ui_rebuild(&w->ui);
}

/* The selected thread exits: the next thread takes its place, or the one
 * before when it was the last; never the process row at the top. */
static void test_exited_thread_keeps_the_place(void **state)
{
	struct world *w = *state;
	struct ui *ui = &w->ui;
	long row;

	ui_set_expanded(ui, 100, true);
	ui_rebuild(ui);
	row = view_find_task(&ui->view, 101);
	assert_true(row > 0);
	selection_set_row(ui, row);
	thread_exits(w, 101);
	assert_int_equal(ui->sel.tid, 102);
	assert_int_equal(ui->cursor, row);
	thread_exits(w, 102);
	assert_int_equal(ui->sel.tid, 100);
	assert_int_equal(ui->cursor, view_find_task(&ui->view, 100));
}

static void test_filter_to_nothing_then_back(void **state)
{
	struct ui *ui = ui_of(state);

	strcpy(ui->filter, "no-such-name");
	ui_rebuild(ui);
	assert_int_equal(ui->view.n, 0);
	assert_int_equal(ui->cursor, -1);
	ui_read_detail(ui);
	assert_false(ui->detail_valid);
	ui->filter[0] = '\0';
	ui_rebuild(ui);
	assert_int_equal(ui->cursor, 0);
}

static void test_moves_clamp(void **state)
{
	struct ui *ui = ui_of(state);

	/* the keys move by setting the row the cursor is on, plus a delta */
	selection_set_row(ui, ui->cursor - 5);
	assert_int_equal(ui->cursor, 0);
	selection_set_row(ui, ui->cursor + 100);
	assert_int_equal(ui->cursor, (long)ui->view.n - 1);
	assert_int_equal(ui->sel.pid, 3);
}

static void test_scroll_into_view(void **state)
{
	struct ui *ui = ui_of(state);

	selection_set_row(ui, 3);
	selection_scroll_into_view(ui, 2);
	assert_int_equal(ui->top, 2);
	selection_set_row(ui, 0);
	selection_scroll_into_view(ui, 2);
	assert_int_equal(ui->top, 0);
	ui->top = 3;
	selection_scroll_into_view(ui, 10);
	assert_int_equal(ui->top, 0);
}

static void test_collapse_one_out_of_expand_all(void **state)
{
	struct ui *ui = ui_of(state);

	ui->opts.expand_all = true;
	ui_rebuild(ui);
	assert_int_equal(ui->view.n, 4 + 6);
	ui_set_expanded(ui, 1, false);
	assert_false(ui->opts.expand_all);
	assert_false(ui_is_expanded(ui, 1));
	assert_true(ui_is_expanded(ui, 100));
	assert_true(ui_is_expanded(ui, 3));
}

static void test_attach_to_a_tid(void **state)
{
	struct ui *ui = ui_of(state);

	attach_id(ui, 102);
	assert_int_equal(ui->sel.tid, 102);
	assert_true(ui_is_expanded(ui, 100));
	assert_string_equal(ui->message, "");
	attach_id(ui, 3);
	assert_int_equal(ui->sel.pid, 3);
	assert_int_equal(ui->sel.tid, 0);
}

static void test_attach_to_nothing_says_so(void **state)
{
	struct ui *ui = ui_of(state);

	attach_id(ui, 4242);
	assert_string_equal(ui->message, "no process or thread 4242");
	assert_true(ui->message_is_error);
	assert_int_equal(ui->sel.pid, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_row_selected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_opens_a_collapsed_process, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_by_id_is_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_ignores_case_and_wraps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_without_match_keeps_selection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exited_thread_keeps_the_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_thread_falls_back_to_its_process, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gone_process_keeps_the_row_index, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_to_nothing_then_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moves_clamp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scroll_into_view, setup, teardown),
		cmocka_unit_test_setup_teardown(test_collapse_one_out_of_expand_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attach_to_a_tid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attach_to_nothing_says_so, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
