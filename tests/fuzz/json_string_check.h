/*
 * json_string_check.h - a small validator and decoder for one JSON string
 * literal (RFC 8259), with our convention for raw bytes: \u0080-\u00ff
 * stands for that one byte, never for the code point (see json_escape).
 */
#ifndef TASKTOP_JSON_STRING_CHECK_H
#define TASKTOP_JSON_STRING_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unistr.h>

static inline int json_hex4(const char *s, size_t n)
{
	int v = 0;

	if (n < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* Decodes the \u escape at s ("\uXXXX" or a surrogate pair) into out;
 * returns the bytes of s consumed, 0 when malformed. */
static inline size_t json_decode_u(const char *s, size_t n, uint8_t *out,
    size_t *outlen)
{
	int hi = json_hex4(s + 2, n - 2), lo;
	ucs4_t uc;

	if (hi < 0)
		return 0;
	if (hi < 0x100) {
		out[(*outlen)++] = (uint8_t)hi;
		return 6;
	}
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return 0;
	if (hi < 0xd800 || hi > 0xdbff) {
		uc = (ucs4_t)hi;
		*outlen += (size_t)u8_uctomb(out + *outlen, uc, 4);
		return 6;
	}
	if (n < 12 || s[6] != '\\' || s[7] != 'u')
		return 0;
	lo = json_hex4(s + 8, n - 8);
	if (lo < 0xdc00 || lo > 0xdfff)
		return 0;
	uc = 0x10000 + (((ucs4_t)hi - 0xd800) << 10) + ((ucs4_t)lo - 0xdc00);
	*outlen += (size_t)u8_uctomb(out + *outlen, uc, 4);
	return 12;
}

static inline char json_simple_escape(char c)
{
	switch (c) {
	case '"': return '"';
	case '\\': return '\\';
	case '/': return '/';
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	}
	return 0;
}

/*
 * Checks that s is exactly one JSON string literal of valid UTF-8 and
 * decodes it into out (room for n bytes).  false when it is not.
 */
static inline bool json_string_decode(const char *s, size_t n, uint8_t *out,
    size_t *outlen)
{
	size_t i = 1;

	*outlen = 0;
	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return false;
	if (u8_check((const uint8_t *)s, n) != NULL)
		return false;
	while (i < n - 1) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c < 0x20)
			return false;
		if (c != '\\') {
			out[(*outlen)++] = c;
			i++;
			continue;
		}
		if (i + 1 >= n - 1)
			return false;
		if (s[i + 1] == 'u') {
			size_t used = json_decode_u(s + i, n - 1 - i, out, outlen);
			if (used == 0)
				return false;
			i += used;
		} else {
			char e = json_simple_escape(s[i + 1]);
			if (e == 0)
				return false;
			out[(*outlen)++] = (uint8_t)e;
			i += 2;
		}
	}
	return true;
}

#endif
