/*
 * test_ui_prompt.c - line input (printable ASCII only, backspace, Esc,
 * Enter), the help screen's key list and the kill prompt's signals.
 */
#include "config.h"

#include <curses.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ui/help.h"
#include "ui/layout.h"
#include "ui/prompt.h"
#include "ui/signal_prompt.h"
#include "ui/state.h"
#include "ui/tags.h"

static void type(struct prompt *p, const char *keys)
{
	for (; *keys; keys++)
		assert_int_equal(prompt_key(p, (unsigned char)*keys), PROMPT_CHANGED);
}

static void test_typing_appends(void **state)
{
	struct prompt p;

	(void)state;
	prompt_open(&p, PROMPT_SEARCH, NULL);
	assert_int_equal(p.kind, PROMPT_SEARCH);
	assert_string_equal(p.text, "");
	type(&p, "net ns~");
	assert_string_equal(p.text, "net ns~");
	assert_int_equal(p.len, 7);
}

static void test_initial_text(void **state)
{
	struct prompt p;

	(void)state;
	prompt_open(&p, PROMPT_FILTER, "abc\x1b" "d");
	assert_string_equal(p.text, "abcd");
}

static void test_control_and_non_ascii_ignored(void **state)
{
	struct prompt p;
	static const int ignored[] = { 0, 1, '\t', 0x1f, 0x80, 0xe7, 0x100,
	    KEY_UP, KEY_F(5), KEY_RESIZE, -1 };

	(void)state;
	prompt_open(&p, PROMPT_ATTACH, "1");
	for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		assert_int_equal(prompt_key(&p, ignored[i]), PROMPT_EDITING);
	assert_string_equal(p.text, "1");
}

static void test_backspace_and_kill_line(void **state)
{
	struct prompt p;

	(void)state;
	prompt_open(&p, PROMPT_SEARCH, "abc");
	assert_int_equal(prompt_key(&p, KEY_BACKSPACE), PROMPT_CHANGED);
	assert_int_equal(prompt_key(&p, 127), PROMPT_CHANGED);
	assert_string_equal(p.text, "a");
	assert_int_equal(prompt_key(&p, 8), PROMPT_CHANGED);
	assert_string_equal(p.text, "");
	assert_int_equal(prompt_key(&p, KEY_BACKSPACE), PROMPT_EDITING);
	type(&p, "xyz");
	assert_int_equal(prompt_key(&p, 'U' & 0x1f), PROMPT_CHANGED);
	assert_string_equal(p.text, "");
	assert_int_equal(prompt_key(&p, 'U' & 0x1f), PROMPT_EDITING);
}

static void test_enter_and_escape(void **state)
{
	struct prompt p;

	(void)state;
	prompt_open(&p, PROMPT_SEARCH, "x");
	assert_int_equal(prompt_key(&p, '\n'), PROMPT_ACCEPTED);
	assert_int_equal(prompt_key(&p, '\r'), PROMPT_ACCEPTED);
	assert_int_equal(prompt_key(&p, KEY_ENTER), PROMPT_ACCEPTED);
	assert_int_equal(prompt_key(&p, 27), PROMPT_CANCELLED);
	assert_string_equal(p.text, "x");
}

static void test_full_prompt_stops(void **state)
{
	struct prompt p;

	(void)state;
	prompt_open(&p, PROMPT_SEARCH, NULL);
	for (size_t i = 0; i < PROMPT_TEXT_MAX - 1; i++)
		assert_int_equal(prompt_key(&p, 'a'), PROMPT_CHANGED);
	assert_int_equal(prompt_key(&p, 'a'), PROMPT_EDITING);
	assert_int_equal(p.len, PROMPT_TEXT_MAX - 1);
	assert_int_equal(strlen(p.text), PROMPT_TEXT_MAX - 1);
}

static void test_labels(void **state)
{
	(void)state;
	assert_string_equal(prompt_label(PROMPT_SEARCH), "search: ");
	assert_string_equal(prompt_label(PROMPT_FILTER), "filter: ");
	assert_non_null(strstr(prompt_label(PROMPT_ATTACH), "pid or tid"));
	assert_string_equal(prompt_label(PROMPT_NONE), "");
}

static bool help_lists(const char *key)
{
	for (size_t i = 0; i < help_nentries; i++) {
		const char *k = help_entries[i].keys;
		size_t n = strlen(key);
		for (const char *at = strstr(k, key); at; at = strstr(at + 1, key))
			if ((at == k || at[-1] == ' ') && (at[n] == ' ' || !at[n]))
				return true;
	}
	return false;
}

/* README.md's key table and the htop keys of the BOARD, word for word. */
static void test_help_lists_every_key(void **state)
{
	static const char *const keys[] = { "Up", "Down", "PgUp", "PgDn",
	    "Home", "End", "j", "g", "G", "Right", "+", "Left", "h", "-",
	    "*", "Tab", "/", "n", "N", "\\", "p", "F5", "t", "F6", "<", ">",
	    "k", "F9", "space", "F1", "?", "q", "F10", "I", "P", "M", "T",
	    "H", "K", "u", "F", "c", "U", "Z", "F7", "]", "F8", "[", "F2", "S", "e", "l", "#" };

	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!help_lists(keys[i]))
			fail_msg("the help does not list key '%s'", keys[i]);
	assert_false(help_lists("F11"));
}

static void test_signal_choices(void **state)
{
	static const char *const names[] = { "TERM", "KILL", "HUP", "INT",
	    "STOP", "CONT", "USR1", "USR2" };

	(void)state;
	assert_int_equal(signal_nchoices, 8);
	for (size_t i = 0; i < signal_nchoices; i++)
		assert_string_equal(signal_choices[i].name, names[i]);
	assert_int_equal(signal_choices[0].signo, SIGTERM);
	assert_int_equal(signal_choices[1].signo, SIGKILL);
}

/* Each line of the kill prompt fits; every part of it is on one of them. */
static void assert_prompt_fits(const struct ui *ui, int cols, int lines)
{
	struct buf b;
	const char *line;

	buf_init(&b);
	assert_int_equal(signal_prompt_describe(ui, cols, &b), lines);
	for (line = b.data; *line; ) {
		size_t len = strcspn(line, "\n");
		assert_true((int)len <= cols);
		line += len + (line[len] == '\n');
	}
	assert_non_null(strstr(b.data, "Enter: send  Esc: cancel"));
	assert_non_null(strstr(b.data, "8 USR2"));
	if (ui->kill.tid)
		assert_non_null(strstr(b.data, "t: whole process"));
	buf_free(&b);
}

static void test_signal_prompt_at_80_columns(void **state)
{
	static struct ui ui;
	struct buf b;

	(void)state;
	ui.kill.pid = 4194300;
	ui.kill.whole_process = true;
	assert_prompt_fits(&ui, 80, 2);
	assert_prompt_fits(&ui, 160, 1);
	ui.kill.tid = 4194303;
	ui.kill.whole_process = false;
	ui.kill.choice = 4;	/* STOP */
	assert_prompt_fits(&ui, 80, 3);
	buf_init(&b);
	signal_prompt_describe(&ui, 80, &b);
	assert_non_null(strstr(b.data, "send SIGSTOP to thread 4194303 "
	    "(process 4194300)?"));
	assert_non_null(strstr(b.data, "SIGSTOP stops all of process "
	    "4194300, not only this thread."));
	ui.kill.whole_process = true;
	signal_prompt_describe(&ui, 80, &b);
	assert_null(strstr(b.data, "stops all of"));
	assert_non_null(strstr(b.data, "t: only the thread"));
	buf_free(&b);
}

/* Tagged threads: the note names their processes, each once; tagged
 * processes alone need none. */
static void test_signal_prompt_tagged_threads(void **state)
{
	static struct ui ui;
	struct tag tags[8] = {
		{ .task = { .tid = 11, .tgid = 10 } },
		{ .task = { .tid = 12, .tgid = 10 } },
		{ .task = { .tid = 21, .tgid = 20 }, .process = true },
	};
	struct buf b;

	(void)state;
	buf_init(&b);
	ui.kill.tagged = ui.kill.whole_process = true;
	ui.kill.tags = tags;
	ui.kill.ntags = 3;
	signal_prompt_describe(&ui, 200, &b);
	assert_non_null(strstr(b.data, "Unless it is handled, SIGTERM ends all "
	    "of process 10."));
	ui.kill.ntags = 2;
	ui.kill.choice = 4;	/* STOP */
	signal_prompt_describe(&ui, 200, &b);
	assert_non_null(strstr(b.data, "SIGSTOP stops all of process 10, not "
	    "only the tagged threads."));
	tags[1].task.tgid = 30;
	signal_prompt_describe(&ui, 200, &b);
	assert_non_null(strstr(b.data, "all of processes 10, 30, not only"));
	for (int i = 2; i < 8; i++)
		tags[i] = (struct tag){ .task = { .tid = 100 + i, .tgid = 100 + i } };
	ui.kill.ntags = 8;
	signal_prompt_describe(&ui, 200, &b);
	assert_non_null(strstr(b.data, "all of processes 10, 30, 102, 103, "
	    "..., not only"));
	/* at 80 columns the list of the tagged gives way, not the rest */
	for (int i = 0; i < 8; i++)
		tags[i] = (struct tag){ .task = { .tid = 4194300 + i,
		    .tgid = 4194200 + i } };
	assert_prompt_fits(&ui, 80, UI_HINT_MAX_LINES);
	signal_prompt_describe(&ui, 80, &b);
	assert_non_null(strstr(b.data, "not only the tagged threads."));
	assert_non_null(strstr(b.data, ", ...?"));
	/* processes only: nothing about threads */
	ui.kill.tags = &tags[2];
	ui.kill.ntags = 1;
	tags[2].process = true;
	signal_prompt_describe(&ui, 200, &b);
	assert_null(strstr(b.data, "all of"));
	ui.kill.tags = NULL;
	ui.kill.ntags = 0;
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing_appends),
		cmocka_unit_test(test_initial_text),
		cmocka_unit_test(test_control_and_non_ascii_ignored),
		cmocka_unit_test(test_backspace_and_kill_line),
		cmocka_unit_test(test_enter_and_escape),
		cmocka_unit_test(test_full_prompt_stops),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_help_lists_every_key),
		cmocka_unit_test(test_signal_choices),
		cmocka_unit_test(test_signal_prompt_at_80_columns),
		cmocka_unit_test(test_signal_prompt_tagged_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
