/*
 * key_aliases.c - the modified cursor and editing keys as the plain ones,
 * the keypad's as what is printed on them.
 * A terminfo entry such as xterm's names Ctrl-Up (kUP5), Alt-Up (kUP3),
 * Shift-Up (kUP) and so on; curses then decodes ESC [ 1 ; 5 A to a code of
 * its own instead of handing the bytes over, and that code is no key
 * tasktop knows.  Each becomes the plain key here, as keyseq.c does for
 * the same sequences when the entry does not name them: Ctrl-Down moves as
 * Down does, whichever the terminal type.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <term.h>

#include "keyseq.h"

static const struct {
	const char	*name;		/* terminfo's, without the modifier */
	int		 key;
} bases[] = {
	{ "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT },
	{ "kRIT", KEY_RIGHT }, { "kHOM", KEY_HOME }, { "kEND", KEY_END },
	{ "kPRV", KEY_PPAGE }, { "kNXT", KEY_NPAGE },
};

/* Shift (2) has curses codes of its own (KEY_SR: Shift-Up …) or the bare
 * name (kUP); 3 Alt, 4 Shift-Alt, 5 Ctrl, 6 Shift-Ctrl, 7 Ctrl-Alt. */
static const char *const modifiers[] = { "", "3", "4", "5", "6", "7" };

static const int shifted[][2] = {
	{ KEY_SR, KEY_UP }, { KEY_SF, KEY_DOWN }, { KEY_SLEFT, KEY_LEFT },
	{ KEY_SRIGHT, KEY_RIGHT }, { KEY_SHOME, KEY_HOME }, { KEY_SEND, KEY_END },
	{ KEY_SPREVIOUS, KEY_PPAGE }, { KEY_SNEXT, KEY_NPAGE },
};

/* The code curses gives for terminfo's name, or 0 when it has none. */
static int code_of(const char *name)
{
	char *seq = tigetstr(name);
	int code;

	if (seq == NULL || seq == (char *)-1 || seq[0] == '\0')
		return 0;
	code = key_defined(seq);
	return code > 0 ? code : 0;
}

/*
 * The keypad in application mode sends VT100's codes, ESC O j to ESC O y
 * (keyseq.c makes them the keys printed on them).  An entry that names
 * one makes curses decode it to a code no key handles (xterm's ka1 is
 * ESC O w, its kb1 ESC O t an extended name) or to a key it is not
 * (vt100's kf5 is ESC O t, the keypad's 4): by the bytes, not the name,
 * each becomes its key again.
 */
static void keypad_aliases(struct keyseq *k)
{
	static const char keys[] = "*+,-./0123456789";
	char seq[] = "\033O?";

	for (size_t i = 0; keys[i] != '\0'; i++) {
		int code;

		seq[2] = (char)('j' + i);
		code = key_defined(seq);
		if (code > 0)
			keyseq_alias(k, code, keys[i]);
	}
}

void key_aliases_learn(struct keyseq *k)
{
	char name[16];

	for (size_t i = 0; i < sizeof shifted / sizeof shifted[0]; i++)
		keyseq_alias(k, shifted[i][0], shifted[i][1]);
	for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++)
		for (size_t m = 0; m < sizeof modifiers / sizeof modifiers[0]; m++) {
			int code;

			snprintf(name, sizeof name, "%s%s", bases[b].name,
			    modifiers[m]);
			code = code_of(name);
			if (code > 0 && code != bases[b].key)
				keyseq_alias(k, code, bases[b].key);
		}
	keypad_aliases(k);
}
