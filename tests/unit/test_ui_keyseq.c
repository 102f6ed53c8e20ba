/*
 * test_ui_keyseq.c - escape sequences curses hands over undecoded become
 * keys (every spelling of the cursor keys, Home and End), others are
 * dropped whole, a lone ESC is Esc, and bracketed paste is text, never keys.
 */
#include "config.h"

#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ui/keyseq.h"

/* Feed bytes; the keys (pasted ones as -byte) into out, their count back. */
static size_t feed(struct keyseq *k, const char *bytes, int *out, size_t max)
{
	struct keyseq_event ev;
	size_t n = 0;

	for (const char *b = bytes; *b; b++) {
		keyseq_feed(k, (unsigned char)*b);
		while (keyseq_next(k, &ev))
			if (n < max)
				out[n++] = ev.pasted ? -ev.key : ev.key;
	}
	return n;
}

static int one_key(const char *bytes)
{
	struct keyseq k = { 0 };
	int out[4];

	assert_int_equal(feed(&k, bytes, out, 4), 1);
	assert_false(keyseq_pending(&k));
	return out[0];
}

static void test_both_cursor_key_modes(void **state)
{
	(void)state;
	assert_int_equal(one_key("\033[A"), KEY_UP);
	assert_int_equal(one_key("\033[B"), KEY_DOWN);
	assert_int_equal(one_key("\033[C"), KEY_RIGHT);
	assert_int_equal(one_key("\033[D"), KEY_LEFT);
	assert_int_equal(one_key("\033OA"), KEY_UP);
	assert_int_equal(one_key("\033OB"), KEY_DOWN);
	assert_int_equal(one_key("\033OC"), KEY_RIGHT);
	assert_int_equal(one_key("\033OD"), KEY_LEFT);
	assert_int_equal(one_key("\033[1;5A"), KEY_UP);	/* Ctrl-Up */
	assert_int_equal(one_key("\033[5~"), KEY_PPAGE);
	assert_int_equal(one_key("\033[6~"), KEY_NPAGE);
	assert_int_equal(one_key("\033OP"), KEY_F(1));
	assert_int_equal(one_key("\033[20~"), KEY_F(9));
}

/* The keypad in application mode: VT100's codes, the keys printed on
 * them; ESC O E (its 5 without num lock) is no key. */
static void test_keypad(void **state)
{
	struct keyseq k = { 0 };
	int out[20];

	(void)state;
	assert_int_equal(feed(&k, "\033Op\033Oq\033Ox\033Oy\033Oj\033Ok"
	    "\033Ol\033Om\033On\033Oo\033OM\033OEq", out, 20), 12);
	assert_memory_equal(out, ((int[]){ '0', '1', '8', '9', '*', '+', ',',
	    '-', '.', '/', KEY_ENTER, 'q' }), 12 * sizeof *out);
}

static void test_every_home_and_end(void **state)
{
	static const char *const home[] = { "\033[H", "\033OH", "\033[1~", "\033[7~" };
	static const char *const end[] = { "\033[F", "\033OF", "\033[4~", "\033[8~" };

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(one_key(home[i]), KEY_HOME);
		assert_int_equal(one_key(end[i]), KEY_END);
	}
}

/* Keys curses decoded and plain bytes pass; an unknown sequence vanishes. */
static void test_unknown_sequences_dropped(void **state)
{
	struct keyseq k = { 0 };
	int out[8];

	(void)state;
	assert_int_equal(feed(&k, "\033[99z\033[?1;2cq", out, 8), 1);
	assert_int_equal(out[0], 'q');
	keyseq_feed(&k, KEY_DOWN);
	assert_true(keyseq_next(&k, &(struct keyseq_event){ 0 }));
}

static void test_escape_alone_and_before_a_key(void **state)
{
	struct keyseq k = { 0 };
	struct keyseq_event ev;
	int out[4];

	(void)state;
	assert_int_equal(feed(&k, "\033", out, 4), 0);
	assert_true(keyseq_pending(&k));
	keyseq_flush(&k);
	assert_true(keyseq_next(&k, &ev));
	assert_int_equal(ev.key, 27);
	assert_false(ev.pasted);
	assert_int_equal(feed(&k, "\033x", out, 4), 2);
	assert_int_equal(out[0], 27);
	assert_int_equal(out[1], 'x');
	/* half a sequence, then nothing: dropped, not ESC and '[' */
	assert_int_equal(feed(&k, "\033[1", out, 4), 0);
	keyseq_flush(&k);
	assert_false(keyseq_next(&k, &ev));
}

/* The paste: a title escape, a BEL and a Tab inside are text. */
static void test_paste_is_text(void **state)
{
	static const char paste[] =
	    "\033[200~ab\033]0;PWNED\007\tgh\033OA\033[201~q";
	static const char text[] = "ab]0;PWNED\007\tgh";
	struct keyseq k = { 0 };
	int out[32];
	size_t n;

	(void)state;
	n = feed(&k, paste, out, 32);
	assert_int_equal(n, strlen(text) + 1);
	for (size_t i = 0; i < strlen(text); i++)
		assert_int_equal(out[i], -(unsigned char)text[i]);
	assert_int_equal(out[n - 1], 'q');	/* after the paste: a key again */
	assert_false(k.pasting);
}

/* What curses decoded from terminfo's own names (kUP5: Ctrl-Up) is the
 * plain key once learnt; a code of its own tasktop never learnt (above
 * KEY_MAX) is dropped, not passed on as some key. */
static void test_decoded_modified_keys(void **state)
{
	struct keyseq k = { 0 };
	struct keyseq_event ev;

	(void)state;
	keyseq_alias(&k, KEY_MAX + 7, KEY_DOWN);	/* e.g. kDN5 */
	keyseq_alias(&k, KEY_SLEFT, KEY_LEFT);
	keyseq_feed(&k, KEY_MAX + 7);
	assert_true(keyseq_next(&k, &ev));
	assert_int_equal(ev.key, KEY_DOWN);
	keyseq_feed(&k, KEY_SLEFT);
	assert_true(keyseq_next(&k, &ev));
	assert_int_equal(ev.key, KEY_LEFT);
	keyseq_feed(&k, KEY_MAX + 8);
	assert_false(keyseq_next(&k, &ev));
	keyseq_feed(&k, KEY_DOWN);		/* standard codes pass as before */
	assert_true(keyseq_next(&k, &ev));
	assert_int_equal(ev.key, KEY_DOWN);
	/* and undecoded, every modifier of the xterm spelling is the key */
	assert_int_equal(one_key("\033[1;5B"), KEY_DOWN);
	assert_int_equal(one_key("\033[1;3D"), KEY_LEFT);
	assert_int_equal(one_key("\033[1;2C"), KEY_RIGHT);
	assert_int_equal(one_key("\033[5;5~"), KEY_PPAGE);
	assert_int_equal(one_key("\033[1;5H"), KEY_HOME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_cursor_key_modes),
		cmocka_unit_test(test_keypad),
		cmocka_unit_test(test_every_home_and_end),
		cmocka_unit_test(test_unknown_sequences_dropped),
		cmocka_unit_test(test_escape_alone_and_before_a_key),
		cmocka_unit_test(test_paste_is_text),
		cmocka_unit_test(test_decoded_modified_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
