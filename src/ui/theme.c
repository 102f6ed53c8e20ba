/*
 * theme.c - the built-in themes and the theme file parser.  Theme files are
 * untrusted input: every problem is reported with its line, and a bad file
 * never leaves a half-parsed theme behind.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tasktop/ui.h"

static const char *const elem_names[THEME_COUNT] = {
	[THEME_NORMAL] = "normal",
	[THEME_HEADER] = "header",
	[THEME_TITLE] = "title",
	[THEME_CURSOR] = "cursor",
	[THEME_TREE] = "tree",
	[THEME_THREAD] = "thread",
	[THEME_NETNS] = "netns",
	[THEME_NSDIFF] = "nsdiff",
	[THEME_KERNEL] = "kernel",
	[THEME_STATE_RUN] = "state_run",
	[THEME_STATE_D] = "state_d",
	[THEME_ZOMBIE] = "zombie",
	[THEME_PANE_TITLE] = "pane_title",
	[THEME_PANE] = "pane",
	[THEME_ERROR] = "error",
	[THEME_HINT] = "hint",
	[THEME_PROMPT] = "prompt",
	[THEME_TAGGED] = "tagged",
	[THEME_MATCH] = "match",
	[THEME_METER] = "meter",
};

static const char *const color_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char	*name;
	unsigned	 bit;
} attr_names[] = {
	{ "bold", THEME_ATTR_BOLD },
	{ "reverse", THEME_ATTR_REVERSE },
	{ "underline", THEME_ATTR_UNDERLINE },
	{ "dim", THEME_ATTR_DIM },
};

enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, BRIGHT = 8 };
#define DEF THEME_DEFAULT
#define B THEME_ATTR_BOLD
#define R THEME_ATTR_REVERSE
#define U THEME_ATTR_UNDERLINE
#define D THEME_ATTR_DIM

const char *theme_elem_name(enum theme_elem e)
{
	if ((unsigned)e >= THEME_COUNT)
		return "?";
	return elem_names[e];
}

static void theme_set(struct theme *t, const char *name,
    const struct theme_style *styles)
{
	snprintf(t->name, sizeof t->name, "%s", name);
	memcpy(t->style, styles, sizeof t->style);
}

void theme_default(struct theme *t)
{
	static const struct theme_style styles[THEME_COUNT] = {
		[THEME_NORMAL] = { DEF, DEF, 0 },
		[THEME_HEADER] = { WHITE, BLUE, B },
		[THEME_TITLE] = { BLACK, GREEN, 0 },
		[THEME_CURSOR] = { BLACK, CYAN, 0 },
		[THEME_TREE] = { BLUE, DEF, 0 },
		[THEME_THREAD] = { GREEN, DEF, 0 },
		[THEME_NETNS] = { WHITE + BRIGHT, RED, B },
		[THEME_NSDIFF] = { YELLOW, DEF, 0 },
		[THEME_KERNEL] = { BLACK + BRIGHT, DEF, 0 },
		[THEME_STATE_RUN] = { GREEN, DEF, B },
		[THEME_STATE_D] = { RED, DEF, B },
		[THEME_ZOMBIE] = { MAGENTA, DEF, 0 },
		[THEME_PANE_TITLE] = { BLACK, GREEN, 0 },
		[THEME_PANE] = { DEF, DEF, 0 },
		[THEME_ERROR] = { RED, DEF, B },
		[THEME_HINT] = { BLACK, CYAN, 0 },
		[THEME_PROMPT] = { YELLOW, DEF, B },
		[THEME_TAGGED] = { YELLOW + BRIGHT, DEF, B },
		[THEME_MATCH] = { BLACK, YELLOW, 0 },
		[THEME_METER] = { GREEN, DEF, B },
	};

	theme_set(t, "default", styles);
}

void theme_mono(struct theme *t)
{
	static const struct theme_style styles[THEME_COUNT] = {
		[THEME_NORMAL] = { DEF, DEF, 0 },
		[THEME_HEADER] = { DEF, DEF, R },
		[THEME_TITLE] = { DEF, DEF, B | U },
		[THEME_CURSOR] = { DEF, DEF, R },
		[THEME_TREE] = { DEF, DEF, 0 },
		[THEME_THREAD] = { DEF, DEF, 0 },
		[THEME_NETNS] = { DEF, DEF, B },
		[THEME_NSDIFF] = { DEF, DEF, U },
		[THEME_KERNEL] = { DEF, DEF, D },
		[THEME_STATE_RUN] = { DEF, DEF, B },
		[THEME_STATE_D] = { DEF, DEF, B },
		[THEME_ZOMBIE] = { DEF, DEF, D },
		[THEME_PANE_TITLE] = { DEF, DEF, B | U },
		[THEME_PANE] = { DEF, DEF, 0 },
		[THEME_ERROR] = { DEF, DEF, B },
		[THEME_HINT] = { DEF, DEF, R },
		[THEME_PROMPT] = { DEF, DEF, B },
		[THEME_TAGGED] = { DEF, DEF, B | U },
		[THEME_MATCH] = { DEF, DEF, R },
		[THEME_METER] = { DEF, DEF, B },
	};

	theme_set(t, "mono", styles);
}

/* ---- parsing --------------------------------------------------------- */

struct token {
	const char	*s;
	size_t		 len;
};

static bool token_is(const struct token *tok, const char *word)
{
	return strlen(word) == tok->len &&
	    strncasecmp(tok->s, word, tok->len) == 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Split a line into at most max blank-separated words; '=' is a word of
 * its own.  Returns the number of words, max + 1 when there were more. */
static size_t tokenize(const char *s, size_t len, struct token *tok, size_t max)
{
	size_t n = 0, i = 0;

	while (i < len) {
		size_t start;

		if (is_blank(s[i])) {
			i++;
			continue;
		}
		start = i;
		if (s[i] == '=')
			i++;
		else
			while (i < len && !is_blank(s[i]) && s[i] != '=')
				i++;
		if (n == max)
			return max + 1;
		tok[n].s = s + start;
		tok[n].len = i - start;
		n++;
	}
	return n;
}

static int parse_number(const struct token *tok, long *value)
{
	long v = 0;

	if (tok->len == 0 || tok->len > 4)
		return -1;
	for (size_t i = 0; i < tok->len; i++) {
		if (tok->s[i] < '0' || tok->s[i] > '9')
			return -1;
		v = v * 10 + (tok->s[i] - '0');
	}
	*value = v;
	return 0;
}

/* 0 with *color set; -1 unknown word; -2 a number out of range. */
static int parse_color(const struct token *tok, short *color)
{
	long n;

	if (token_is(tok, "default")) {
		*color = THEME_DEFAULT;
		return 0;
	}
	if (parse_number(tok, &n) == 0) {
		if (n > 255)
			return -2;
		*color = (short)n;
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		struct token plain = *tok, bright = *tok;
		if (token_is(&plain, color_names[i])) {
			*color = (short)i;
			return 0;
		}
		if (tok->len > 7 && strncasecmp(tok->s, "bright_", 7) == 0) {
			bright.s += 7;
			bright.len -= 7;
			if (token_is(&bright, color_names[i])) {
				*color = (short)(i + 8);
				return 0;
			}
		}
	}
	return -1;
}

static int parse_elem(const struct token *tok)
{
	for (int e = 0; e < THEME_COUNT; e++)
		if (token_is(tok, elem_names[e]))
			return e;
	return -1;
}

static int parse_attr(const struct token *tok, unsigned *attrs)
{
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (token_is(tok, attr_names[i].name)) {
			*attrs |= attr_names[i].bit;
			return 0;
		}
	if (token_is(tok, "none"))
		return 0;
	return -1;
}

#define LINE_WORDS 12

/* Errors name the word by its place, never by its text: a file given with
 * -t may be anything (-t /etc/shadow) and its bytes must not be shown. */
static int parse_color_word(const struct token *tok, short *color,
    const char *which, char *why, size_t whylen)
{
	int rc = parse_color(tok, color);

	if (rc == 0)
		return 0;
	if (rc == -2)
		snprintf(why, whylen, "the %s colour is out of range (0-255)",
		    which);
	else
		snprintf(why, whylen, "the %s colour is unknown (a colour name, "
		    "bright_NAME, 0-255 or default)", which);
	return -1;
}

/* One non-comment line into *style of element *elem.  0, or -1 with why. */
static int parse_line(const char *s, size_t len, int *elem,
    struct theme_style *style, char *why, size_t whylen)
{
	struct token tok[LINE_WORDS];
	size_t n = tokenize(s, len, tok, LINE_WORDS);

	if (n > LINE_WORDS) {
		snprintf(why, whylen, "too many words");
		return -1;
	}
	if ((*elem = parse_elem(&tok[0])) < 0) {
		snprintf(why, whylen, "the first word is no element name (see "
		    "themes/default.theme)");
		return -1;
	}
	if (n < 2 || !token_is(&tok[1], "=")) {
		snprintf(why, whylen, "expected '=' after '%s'", elem_names[*elem]);
		return -1;
	}
	if (n < 4) {
		snprintf(why, whylen, "expected a foreground and a background colour");
		return -1;
	}
	if (parse_color_word(&tok[2], &style->fg, "foreground", why, whylen) ||
	    parse_color_word(&tok[3], &style->bg, "background", why, whylen))
		return -1;
	style->attrs = 0;
	for (size_t i = 4; i < n; i++)
		if (parse_attr(&tok[i], &style->attrs) < 0) {
			snprintf(why, whylen, "word %zu is no attribute (bold, "
			    "reverse, underline, dim, none)", i + 1);
			return -1;
		}
	return 0;
}

/* The line without its comment; 0 when nothing but blanks remain. */
static size_t line_content(const char *s, size_t len)
{
	const char *hash = memchr(s, '#', len);
	size_t n = hash ? (size_t)(hash - s) : len;

	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return n;
	return 0;
}

int theme_parse(const char *buf, size_t len, struct theme *t, char *err,
    size_t errlen)
{
	struct theme parsed;
	size_t line = 1;
	char why[256];

	theme_default(&parsed);
	for (size_t start = 0; start < len; line++) {
		const char *nl = memchr(buf + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - buf) : len;
		size_t content = line_content(buf + start, end - start);
		int elem;
		struct theme_style style;

		if (content > 0) {
			if (parse_line(buf + start, content, &elem, &style,
			    why, sizeof why) < 0) {
				if (errlen > 0)
					snprintf(err, errlen, "%zu: %s", line, why);
				return -1;
			}
			parsed.style[elem] = style;
		}
		start = end + 1;
	}
	*t = parsed;
	return 0;
}
