/*
 * json_check.h - a small strict JSON (RFC 8259) validator for tests: the
 * output of --json must parse anywhere, so the check refuses everything a
 * lenient parser would forgive (trailing commas, raw control bytes, invalid
 * UTF-8, leading zeros, lone surrogates).
 */
#ifndef TASKTOP_TEST_JSON_CHECK_H
#define TASKTOP_TEST_JSON_CHECK_H

#include <stddef.h>

/* Nesting deeper than this is refused (our output nests 5 deep). */
#define JSON_CHECK_MAX_DEPTH 64

/*
 * 0 when text[0, len) is exactly one JSON value, with optional whitespace
 * around it; -1 otherwise, with the byte offset of the first error in
 * *where (when where is not NULL).
 */
int json_check(const char *text, size_t len, size_t *where);

#endif
