/*
 * settings.c - the settings file's text, both ways (docs/ARCHITECTURE.md,
 * "Settings").  Pure: bytes in, struct out, and the reverse; fuzzed.  The
 * file is the user's, but it may be damaged or planted, so every byte is
 * checked: a line holding anything but printable ASCII (escape sequences,
 * binary), a line too long, a value out of range all reject the whole
 * file, with a message built from our own words and a line number only.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tasktop/ui.h"

struct span {
	const char	*s;
	size_t		 len;
};

static bool span_is(struct span v, const char *word)
{
	return v.len == strlen(word) && memcmp(v.s, word, v.len) == 0;
}

static struct span trim(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	return (struct span){ s, len };
}

static bool printable_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\r') || c > 0x7e)
			return false;
	}
	return true;
}

static int parse_bool(struct span v, bool *out)
{
	if (span_is(v, "1") || span_is(v, "yes") || span_is(v, "true"))
		*out = true;
	else if (span_is(v, "0") || span_is(v, "no") || span_is(v, "false"))
		*out = false;
	else
		return -1;
	return 0;
}

static const char *const side_names[] = { "auto", "beside", "hidden" };

static int parse_side(struct span v, int *out)
{
	for (int i = 0; i < 3; i++)
		if (span_is(v, side_names[i])) {
			*out = i;
			return 0;
		}
	return -1;
}

/* A name of ours: letters, digits and a few signs, short. */
static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || strchr("%+/_.-", c) != NULL;
}

static int parse_name(struct span v, char *out, size_t cap)
{
	if (v.len == 0 || v.len >= cap)
		return -1;
	for (size_t i = 0; i < v.len; i++)
		if (!name_char(v.s[i]))
			return -1;
	memcpy(out, v.s, v.len);
	out[v.len] = '\0';
	return 0;
}

/* Seconds as digits with an optional fraction: no sign, exponent, hex
 * or locale (strtod would take all of those). */
static int parse_delay(struct span v, double *out)
{
	double whole = 0, scale = 1;
	size_t i = 0;
	bool digits = false, frac = false;

	for (; i < v.len; i++) {
		char c = v.s[i];

		if (c == '.' && !frac) {
			frac = true;
			continue;
		}
		if (c < '0' || c > '9' || i > 12)
			return -1;
		digits = true;
		if (frac) {
			scale /= 10;
			whole += (c - '0') * scale;
		} else {
			whole = whole * 10 + (c - '0');
		}
	}
	if (!digits || whole < SETTINGS_DELAY_MIN || whole > SETTINGS_DELAY_MAX)
		return -1;
	*out = whole;
	return 0;
}

static int parse_columns(struct span v, struct settings *s)
{
	size_t i = 0;

	s->ncolumns = 0;
	while (i < v.len) {
		size_t start;

		while (i < v.len && (v.s[i] == ' ' || v.s[i] == '\t'))
			i++;
		if (i == v.len)
			break;
		start = i;
		while (i < v.len && v.s[i] != ' ' && v.s[i] != '\t')
			i++;
		if (s->ncolumns == SETTINGS_COLUMNS_MAX ||
		    parse_name((struct span){ v.s + start, i - start },
		    s->columns[s->ncolumns], SETTINGS_COLUMN_NAME_MAX) < 0)
			return -1;
		s->ncolumns++;
	}
	return s->ncolumns > 0 ? 0 : -1;
}

/* One "key = value": 0 set (or an unknown key, ignored), -1 bad value. */
static int apply(struct settings *s, struct span key, struct span v)
{
	int rc = 0;
	unsigned bit = 0;

	if (span_is(key, "sort_key")) {
		rc = parse_name(v, s->sort, sizeof s->sort);
		bit = SETTINGS_HAS_SORT;
	} else if (span_is(key, "sort_direction")) {
		rc = span_is(v, "descending") ? 0 : span_is(v, "ascending") ? 0 : -1;
		s->descending = span_is(v, "descending");
		bit = SETTINGS_HAS_DIRECTION;
	} else if (span_is(key, "tree_view")) {
		rc = parse_bool(v, &s->tree);
		bit = SETTINGS_HAS_TREE;
	} else if (span_is(key, "flat_threads")) {
		rc = parse_bool(v, &s->flat_threads);
		bit = SETTINGS_HAS_FLAT_THREADS;
	} else if (span_is(key, "theme")) {
		/* a name, never a path: the file picks among the themes */
		rc = parse_name(v, s->theme, sizeof s->theme) < 0 ||
		    strchr(s->theme, '/') ? -1 : 0;
		bit = SETTINGS_HAS_THEME;
	} else if (span_is(key, "delay")) {
		rc = parse_delay(v, &s->delay);
		bit = SETTINGS_HAS_DELAY;
	} else if (span_is(key, "columns")) {
		rc = parse_columns(v, s);
		bit = SETTINGS_HAS_COLUMNS;
	} else if (span_is(key, "side_pane")) {
		rc = parse_side(v, &s->side_pane);
		bit = SETTINGS_HAS_SIDE_PANE;
	} else if (span_is(key, "kernel_threads")) {
		rc = parse_bool(v, &s->kernel_threads);
		bit = SETTINGS_HAS_KERNEL;
	} else if (span_is(key, "header_meters")) {
		rc = parse_bool(v, &s->meters);
		bit = SETTINGS_HAS_METERS;
	}
	if (rc == 0)
		s->has |= bit;
	return rc;
}

static bool key_ok(struct span key)
{
	if (key.len == 0 || key.len > 32)
		return false;
	for (size_t i = 0; i < key.len; i++)
		if (!((key.s[i] >= 'a' && key.s[i] <= 'z') || key.s[i] == '_' ||
		    (key.s[i] >= '0' && key.s[i] <= '9')))
			return false;
	return true;
}

static int parse_line(struct settings *s, const char *line, size_t len,
    const char **why)
{
	struct span l, key;
	const char *eq;

	if (len > SETTINGS_LINE_MAX) {
		*why = "longer than the longest setting";
		return -1;
	}
	if (!printable_line(line, len)) {
		*why = "not text (a control byte or a byte above 0x7e)";
		return -1;
	}
	l = trim(line, len);
	if (l.len == 0 || l.s[0] == '#')
		return 0;
	eq = memchr(l.s, '=', l.len);
	if (!eq) {
		*why = "not \"name = value\"";
		return -1;
	}
	key = trim(l.s, (size_t)(eq - l.s));
	if (!key_ok(key)) {
		*why = "not a setting's name";
		return -1;
	}
	if (apply(s, key, trim(eq + 1, l.len - (size_t)(eq + 1 - l.s))) < 0) {
		*why = "a value out of range";
		return -1;
	}
	return 0;
}

int settings_parse(const char *buf, size_t len, struct settings *s,
    char *err, size_t errlen)
{
	size_t pos = 0, lineno = 0;

	memset(s, 0, sizeof *s);
	if (errlen > 0)
		err[0] = '\0';
	if (len > SETTINGS_FILE_MAX) {
		snprintf(err, errlen, "larger than %d KiB", SETTINGS_FILE_MAX / 1024);
		return -1;
	}
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - buf) : len;
		const char *why = NULL;

		lineno++;
		if (parse_line(s, buf + pos, end - pos, &why) < 0) {
			memset(s, 0, sizeof *s);
			snprintf(err, errlen, "line %zu: %s", lineno, why);
			return -1;
		}
		pos = end + 1;
	}
	return 0;
}

static void put_bool(struct buf *out, const char *key, bool v)
{
	buf_printf(out, "%s=%d\n", key, v ? 1 : 0);
}

/* Milliseconds, with a '.' whatever the locale's decimal point. */
static void put_delay(struct buf *out, double delay)
{
	long long ms = (long long)(delay * 1000.0 + 0.5);

	buf_printf(out, "delay=%lld.%03lld\n", ms / 1000, ms % 1000);
}

/* The line of one setting (a SETTINGS_HAS_* bit), in the file's order. */
static void put_setting(struct buf *out, const struct settings *s, unsigned bit)
{
	switch (bit) {
	case SETTINGS_HAS_SORT:
		buf_printf(out, "sort_key=%s\n", s->sort);
		break;
	case SETTINGS_HAS_DIRECTION:
		buf_printf(out, "sort_direction=%s\n",
		    s->descending ? "descending" : "ascending");
		break;
	case SETTINGS_HAS_TREE:
		put_bool(out, "tree_view", s->tree);
		break;
	case SETTINGS_HAS_FLAT_THREADS:
		put_bool(out, "flat_threads", s->flat_threads);
		break;
	case SETTINGS_HAS_THEME:
		buf_printf(out, "theme=%s\n", s->theme);
		break;
	case SETTINGS_HAS_DELAY:
		put_delay(out, s->delay);
		break;
	case SETTINGS_HAS_COLUMNS:
		buf_adds(out, "columns=");
		for (size_t i = 0; i < s->ncolumns; i++)
			buf_printf(out, "%s%s", i ? " " : "", s->columns[i]);
		buf_addc(out, '\n');
		break;
	case SETTINGS_HAS_SIDE_PANE:
		buf_printf(out, "side_pane=%s\n", side_names[s->side_pane >= 0 &&
		    s->side_pane < 3 ? s->side_pane : 0]);
		break;
	case SETTINGS_HAS_KERNEL:
		put_bool(out, "kernel_threads", s->kernel_threads);
		break;
	case SETTINGS_HAS_METERS:
		put_bool(out, "header_meters", s->meters);
		break;
	default:
		break;
	}
}

#define SETTINGS_HAS_ALL	((SETTINGS_HAS_METERS << 1) - 1)

static const char header[] = "# tasktop settings, written when tasktop "
    "quits (see tasktop(1), FILES)\n";

void settings_format(const struct settings *s, struct buf *out)
{
	buf_reset(out);
	buf_adds(out, header);
	for (unsigned bit = 1; bit & SETTINGS_HAS_ALL; bit <<= 1)
		if (s->has & bit)
			put_setting(out, s, bit);
}

/* Whether a and b write the same line for bit (both without it: same). */
static bool same_setting(const struct settings *a, const struct settings *b,
    unsigned bit, struct buf *la, struct buf *lb)
{
	if ((a->has & bit) != (b->has & bit))
		return false;
	if (!(a->has & bit))
		return true;
	buf_reset(la);
	buf_reset(lb);
	put_setting(la, a, bit);
	put_setting(lb, b, bit);
	return la->len == lb->len && memcmp(la->data, lb->data, la->len) == 0;
}

unsigned settings_changed(const struct settings *a, const struct settings *b)
{
	struct buf la, lb;
	unsigned changed = 0;

	buf_init(&la);
	buf_init(&lb);
	for (unsigned bit = 1; bit & SETTINGS_HAS_ALL; bit <<= 1)
		if (!same_setting(a, b, bit, &la, &lb))
			changed |= bit;
	buf_free(&la);
	buf_free(&lb);
	return changed;
}

/* One line of a file that parses, without its newline: kept as it is
 * (true), or, when it sets one of s's settings to another value, that
 * setting's line instead, newline included (false). */
static bool update_line(struct buf *out, const char *line, size_t len,
    const struct settings *s, unsigned *seen)
{
	struct settings one;
	const char *why;
	struct buf la, lb;
	bool kept = true;

	memset(&one, 0, sizeof one);
	if (parse_line(&one, line, len, &why) == 0 && (one.has & s->has)) {
		*seen |= one.has;
		buf_init(&la);
		buf_init(&lb);
		kept = same_setting(&one, s, one.has, &la, &lb);
		buf_free(&la);
		buf_free(&lb);
	}
	if (kept)
		buf_add(out, line, len);	/* comments, the user's spelling */
	else
		put_setting(out, s, one.has);
	return kept;
}

void settings_update(const char *old, size_t len, const struct settings *s,
    struct buf *out)
{
	unsigned seen = 0;
	size_t pos = 0;
	bool unended = false;		/* a last line without its newline */

	buf_reset(out);
	if (len == 0)
		buf_adds(out, header);
	while (pos < len) {
		const char *nl = memchr(old + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - old) : len;

		if (update_line(out, old + pos, end - pos, s, &seen)) {
			if (nl)
				buf_addc(out, '\n');
			else
				unended = true;
		}
		pos = end + 1;
	}
	for (unsigned bit = 1; bit & SETTINGS_HAS_ALL; bit <<= 1)
		if ((s->has & bit) && !(seen & bit)) {
			if (unended)
				buf_addc(out, '\n');
			unended = false;
			put_setting(out, s, bit);
		}
}
