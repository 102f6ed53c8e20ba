/* json_check.c - see json_check.h */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "json_check.h"

struct json_cursor {
	const unsigned char	*p;
	const unsigned char	*start;
	const unsigned char	*end;
	int			 depth;
};

static bool json_value(struct json_cursor *c);

static void json_skip_space(struct json_cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' ||
	    *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

static bool json_literal(struct json_cursor *c, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
		return false;
	c->p += n;
	return true;
}

static bool json_is_digit(const struct json_cursor *c)
{
	return c->p < c->end && *c->p >= '0' && *c->p <= '9';
}

static bool json_digits(struct json_cursor *c)
{
	if (!json_is_digit(c))
		return false;
	while (json_is_digit(c))
		c->p++;
	return true;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool json_number(struct json_cursor *c)
{
	if (c->p < c->end && *c->p == '-')
		c->p++;
	if (c->p < c->end && *c->p == '0')
		c->p++;
	else if (!json_digits(c))
		return false;
	if (c->p < c->end && *c->p == '.') {
		c->p++;
		if (!json_digits(c))
			return false;
	}
	if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
			c->p++;
		if (!json_digits(c))
			return false;
	}
	return true;
}

/* Four hex digits after "\u"; the code unit in *unit. */
static bool json_hex4(struct json_cursor *c, unsigned *unit)
{
	*unit = 0;
	if (c->end - c->p < 4)
		return false;
	for (int i = 0; i < 4; i++, c->p++) {
		unsigned char h = *c->p;
		unsigned v = h >= '0' && h <= '9' ? h - '0' + 0u :
		    h >= 'a' && h <= 'f' ? h - 'a' + 10u :
		    h >= 'A' && h <= 'F' ? h - 'A' + 10u : 16u;
		if (v == 16)
			return false;
		*unit = *unit << 4 | v;
	}
	return true;
}

/* After the backslash. A high surrogate must pair with a low one. */
static bool json_escape_seq(struct json_cursor *c)
{
	unsigned unit, low;

	if (c->p >= c->end)
		return false;
	if (strchr("\"\\/bfnrt", *c->p) != NULL && *c->p != '\0') {
		c->p++;
		return true;
	}
	if (*c->p++ != 'u' || !json_hex4(c, &unit))
		return false;
	if (unit >= 0xdc00 && unit <= 0xdfff)
		return false;
	if (unit < 0xd800 || unit > 0xdbff)
		return true;
	if (!json_literal(c, "\\u") || !json_hex4(c, &low))
		return false;
	return low >= 0xdc00 && low <= 0xdfff;
}

/* One UTF-8 sequence: shortest form, no surrogates, at most U+10FFFF. */
static bool json_utf8(struct json_cursor *c)
{
	unsigned char b = *c->p;
	int more = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 ? 1 : -1;
	unsigned cp;

	if (b >= 0xf5 || more < 0 || c->end - c->p <= more)
		return false;
	cp = b & (0x3f >> more);
	for (int i = 1; i <= more; i++) {
		if ((c->p[i] & 0xc0) != 0x80)
			return false;
		cp = cp << 6 | (c->p[i] & 0x3fu);
	}
	if ((more == 2 && cp < 0x800) || (more == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	c->p += more + 1;
	return true;
}

static bool json_string(struct json_cursor *c)
{
	if (c->p >= c->end || *c->p != '"')
		return false;
	c->p++;
	while (c->p < c->end && *c->p != '"') {
		if (*c->p < 0x20)
			return false;
		if (*c->p == '\\') {
			c->p++;
			if (!json_escape_seq(c))
				return false;
		} else if (*c->p < 0x80) {
			c->p++;
		} else if (!json_utf8(c)) {
			return false;
		}
	}
	if (c->p >= c->end)
		return false;
	c->p++;
	return true;
}

/* The members or elements after '[' or '{', up to the closing bracket. */
static bool json_container(struct json_cursor *c, bool object)
{
	char close = object ? '}' : ']';

	if (++c->depth > JSON_CHECK_MAX_DEPTH)
		return false;
	json_skip_space(c);
	if (c->p < c->end && *c->p == close) {
		c->p++;
		c->depth--;
		return true;
	}
	for (;;) {
		json_skip_space(c);
		if (object) {
			if (!json_string(c))
				return false;
			json_skip_space(c);
			if (c->p >= c->end || *c->p++ != ':')
				return false;
		}
		if (!json_value(c))
			return false;
		json_skip_space(c);
		if (c->p >= c->end)
			return false;
		if (*c->p == close) {
			c->p++;
			c->depth--;
			return true;
		}
		if (*c->p++ != ',')
			return false;
	}
}

static bool json_value(struct json_cursor *c)
{
	json_skip_space(c);
	if (c->p >= c->end)
		return false;
	switch (*c->p) {
	case '{':
		c->p++;
		return json_container(c, true);
	case '[':
		c->p++;
		return json_container(c, false);
	case '"':
		return json_string(c);
	case 't':
		return json_literal(c, "true");
	case 'f':
		return json_literal(c, "false");
	case 'n':
		return json_literal(c, "null");
	default:
		return json_number(c);
	}
}

int json_check(const char *text, size_t len, size_t *where)
{
	struct json_cursor c = {
		.p = (const unsigned char *)text,
		.start = (const unsigned char *)text,
		.end = (const unsigned char *)text + len,
	};
	bool ok = json_value(&c);

	if (ok) {
		json_skip_space(&c);
		ok = c.p == c.end;
	}
	if (!ok && where != NULL)
		*where = (size_t)(c.p - c.start);
	return ok ? 0 : -1;
}
