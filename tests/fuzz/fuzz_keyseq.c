/*
 * Fuzzes keyseq (src/ui/keyseq.c): what getch() hands over, bytes and the
 * key codes curses decoded, into keys and pasted text.  The input is what
 * getch() returns: a byte, but 0xff starts a key code in the next two
 * bytes (from 0: standard codes, and the codes curses makes up beyond
 * KEY_MAX for terminfo's own names), and 0xfe is "nothing more came"
 * (keyseq_flush).  The first byte picks the aliases learnt before, as
 * key_aliases.c learns Ctrl-Up and the like.  At each step: never more
 * keys out than values in (a sequence is one key at most, a byte never
 * two); a key that is not pasted is a byte, a standard code, or a plain
 * key of an alias, never a code beyond KEY_MAX nor one an alias replaces;
 * pasted text only while a paste lasts; after a flush nothing waits.
 * Then the same input as whole escape sequences only (CSI and SS3, with
 * parameters long enough to overflow): none of their bytes comes out (the
 * keypad's SS3 codes come out as the keys printed on it).
 */
#include "config.h"

#include <curses.h>

#include "fuzz.h"
#include "ui/keyseq.h"

#define FLUSH	0xfe
#define CODE	0xff

/* Aliases as key_aliases.c makes them: made-up codes and Shift keys to
 * plain ones; bit i of pick learns the i-th. */
static const int alias_from[] = {
	KEY_MAX + 1, KEY_MAX + 2, KEY_MAX + 40, KEY_SR, KEY_SLEFT, KEY_SNEXT,
	KEY_MAX + 300, KEY_SHOME,
};
static const int alias_to[] = {
	KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_NPAGE,
	KEY_PPAGE,
};

static bool replaced(const struct keyseq *k, int key)
{
	for (size_t i = 0; i < k->nalias; i++)
		if (k->alias[i].from == key)
			return true;
	return false;
}

/* Drains the keys of one step; their count back. */
static size_t drain(struct keyseq *k, bool pasting_before)
{
	struct keyseq_event ev;
	size_t n = 0;

	while (keyseq_next(k, &ev)) {
		n++;
		FUZZ_CHECK(n <= KEYSEQ_OUT_MAX);
		if (ev.pasted) {
			FUZZ_CHECK(pasting_before || k->pasting);
			continue;
		}
		FUZZ_CHECK(ev.key >= 0 && ev.key <= KEY_MAX);
		FUZZ_CHECK(!replaced(k, ev.key));
	}
	return n;
}

static void run_raw(struct keyseq *k, const uint8_t *data, size_t size)
{
	size_t in = 0, out = 0;

	for (size_t i = 0; i < size; i++) {
		bool pasting = k->pasting;

		if (data[i] == FLUSH) {
			keyseq_flush(k);
			out += drain(k, pasting);
			FUZZ_CHECK(!keyseq_pending(k));
			continue;
		}
		if (data[i] == CODE && i + 2 < size) {
			keyseq_feed(k, data[i + 1] << 8 | data[i + 2]);
			i += 2;
		} else {
			keyseq_feed(k, data[i]);
		}
		in++;
		out += drain(k, pasting);
		FUZZ_CHECK(out <= in);
	}
	keyseq_flush(k);
	out += drain(k, k->pasting);
	FUZZ_CHECK(out <= in);
	FUZZ_CHECK(!keyseq_pending(k));
}

/* Each input byte in turn picks a sequence and its parameters' length;
 * the next ones make its parameters and its final byte. */
static void run_sequences(const uint8_t *data, size_t size)
{
	static const char keypad[] = "*+,-./0123456789";	/* ESC O j .. y */
	struct keyseq k = { 0 };
	struct keyseq_event ev;
	size_t i = 0;
	int final;

	while (i < size) {
		uint8_t kind = data[i++];
		size_t nparams = kind & 0x1f;	/* over KEYSEQ_MAX too */
		bool ss3 = (kind & 0x80) != 0;

		keyseq_feed(&k, 27);
		keyseq_feed(&k, ss3 ? 'O' : '[');
		for (size_t p = 0; !ss3 && p < nparams && i < size; p++)
			keyseq_feed(&k, 0x20 + data[i++] % 0x20);
		final = 0x40 + (i < size ? data[i++] : 0) % 0x3f;
		keyseq_feed(&k, final);
		FUZZ_CHECK(!keyseq_pending(&k));
		while (keyseq_next(&k, &ev)) {
			FUZZ_CHECK(!ev.pasted);
			/* the keypad's keys are what is printed on them */
			if (ss3 && final >= 'j' && final <= 'y')
				FUZZ_CHECK(ev.key == keypad[final - 'j']);
			else
				FUZZ_CHECK(ev.key >= KEY_MIN && ev.key <= KEY_MAX);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned pick = fuzz_take_byte(&data, &size);
	struct keyseq k = { 0 };

	for (size_t i = 0; i < sizeof alias_from / sizeof alias_from[0]; i++)
		if (pick & 1u << i)
			keyseq_alias(&k, alias_from[i], alias_to[i]);
	run_raw(&k, data, size);
	run_sequences(data, size);
	return 0;
}
