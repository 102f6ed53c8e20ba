/*
 * keyseq.c - what curses hands over undecoded: the escape sequences a
 * terminal sends that its terminfo entry does not name, and bracketed
 * paste.  After smkx a terminal sends cursor keys as ESC O A, but many
 * (and anything relaying keys through a pty) send ESC [ A; Home and End
 * come in six spellings, the keypad's keys as ESC O p (0) and the like.
 * curses decodes the ones terminfo lists and hands
 * the others over byte by byte; here they become keys, and a sequence
 * that is no key is dropped whole instead of acting as ESC, '[' and
 * letters.  Between ESC [ 200 ~ and ESC [ 201 ~ everything is pasted text:
 * it comes out marked as such and never as a key.  What curses did decode
 * from a terminfo name of its own (kUP5: Ctrl-Up in xterm's entry) comes
 * out as the plain key (key_aliases.c), or not at all.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "keyseq.h"

#define ESC 27

static void emit(struct keyseq *k, int key, bool pasted)
{
	if (k->nout < KEYSEQ_OUT_MAX) {
		k->out[k->nout].key = key;
		k->out[k->nout].pasted = pasted;
		k->nout++;
	}
}

/* A key, or pasted text while a paste lasts. */
static void emit_key(struct keyseq *k, int key)
{
	emit(k, key, k->pasting);
}

static void reset(struct keyseq *k)
{
	k->n = 0;
	k->overflow = false;
}

/* ESC O x (SS3): cursor keys in application mode, F1-F4, and the numeric
 * keypad in application keypad mode (which curses' keypad() asks for): its
 * keys act as what is printed on them (VT100's codes; tmux and PuTTY send
 * them). */
static int ss3_key(int final)
{
	static const char keypad[] = "*+,-./0123456789";	/* ESC O j .. y */

	switch (final) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case 'P': case 'Q': case 'R': case 'S': return KEY_F(1 + final - 'P');
	case 'M': return KEY_ENTER;
	default: break;
	}
	return final >= 'j' && final <= 'y' ? keypad[final - 'j'] : 0;
}

/* ESC [ n ~: the VT220 editing keys and function keys. */
static int tilde_key(long n)
{
	static const int fkeys[] = {
		[11] = 1, [12] = 2, [13] = 3, [14] = 4, [15] = 5, [17] = 6,
		[18] = 7, [19] = 8, [20] = 9, [21] = 10, [23] = 11, [24] = 12,
	};

	switch (n) {
	case 1: case 7: return KEY_HOME;
	case 4: case 8: return KEY_END;
	case 2: return KEY_IC;
	case 3: return KEY_DC;
	case 5: return KEY_PPAGE;
	case 6: return KEY_NPAGE;
	default: break;
	}
	if (n > 0 && n < (long)(sizeof fkeys / sizeof fkeys[0]) && fkeys[n])
		return KEY_F(fkeys[n]);
	return 0;
}

/* ESC [ params final (CSI).  Modifiers ("1;5A": Ctrl) are ignored: Ctrl-Up
 * moves as Up does. */
static void csi_done(struct keyseq *k, int final)
{
	char params[KEYSEQ_MAX + 1];
	size_t len = 0;
	long n;

	for (size_t i = 2; i < k->n && k->buf[i] >= '0' && k->buf[i] <= '9'; i++)
		params[len++] = (char)k->buf[i];
	params[len] = '\0';
	n = len ? strtol(params, NULL, 10) : 1;
	if (k->overflow)
		return;
	if (final == '~' && n == 200) {
		k->pasting = true;
	} else if (final == '~' && n == 201) {
		k->pasting = false;
	} else if (!k->pasting) {
		int key = final == '~' ? tilde_key(n) :
		    strchr("ABCDHF", final) ? ss3_key(final) : 0;
		if (key)
			emit_key(k, key);
	}
}

static bool is_csi_param(int ch)
{
	return ch >= 0x20 && ch <= 0x3f;
}

static bool is_final(int ch)
{
	return ch >= 0x40 && ch <= 0x7e;
}

/* The byte after ESC. */
static void after_escape(struct keyseq *k, int ch)
{
	if (ch == '[' || ch == 'O') {
		k->buf[k->n++] = ch;
		return;
	}
	reset(k);
	if (!k->pasting)
		emit_key(k, ESC);	/* Esc, then the key typed after it */
	keyseq_feed(k, ch);
}

void keyseq_alias(struct keyseq *k, int from, int to)
{
	if (k->nalias < KEYSEQ_ALIAS_MAX)
		k->alias[k->nalias++] = (struct keyseq_alias){ from, to };
}

/* A code curses decoded: the plain key of a modified one; false (dropped)
 * for a code of its own (above KEY_MAX: a terminfo name tasktop does not
 * know), which no key handles and which must not act as some byte. */
static bool decoded_key(const struct keyseq *k, int *ch)
{
	for (size_t i = 0; i < k->nalias; i++)
		if (k->alias[i].from == *ch) {
			*ch = k->alias[i].to;
			return true;
		}
	return *ch <= KEY_MAX;
}

void keyseq_feed(struct keyseq *k, int ch)
{
	if (k->n == 0) {
		if (ch == ESC)
			k->buf[k->n++] = ch;
		else if (decoded_key(k, &ch))
			emit_key(k, ch);
		return;
	}
	if (k->n == 1) {
		after_escape(k, ch);
		return;
	}
	if (k->buf[1] == 'O' && k->n == 2 && is_final(ch)) {
		int key = ss3_key(ch);
		reset(k);
		if (key && !k->pasting)
			emit_key(k, key);
		return;
	}
	if (k->buf[1] == '[' && is_csi_param(ch)) {
		if (k->n < KEYSEQ_MAX)
			k->buf[k->n++] = ch;
		else
			k->overflow = true;
		return;
	}
	if (k->buf[1] == '[' && is_final(ch)) {
		csi_done(k, ch);
		reset(k);
		return;
	}
	/* Not a sequence after all (a key curses decoded, a control byte):
	 * what was collected is dropped, the byte counts on its own. */
	reset(k);
	keyseq_feed(k, ch);
}

bool keyseq_pending(const struct keyseq *k)
{
	return k->n > 0;
}

/* curses already waited its escape delay before handing over a lone ESC:
 * nothing followed, so it is the Esc key.  Half a sequence is dropped. */
void keyseq_flush(struct keyseq *k)
{
	bool lone = k->n == 1;

	reset(k);
	if (lone && !k->pasting)
		emit_key(k, ESC);
}

bool keyseq_next(struct keyseq *k, struct keyseq_event *ev)
{
	if (k->nread >= k->nout) {
		k->nread = k->nout = 0;
		return false;
	}
	*ev = k->out[k->nread++];
	return true;
}
