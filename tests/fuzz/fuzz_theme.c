/*
 * Fuzzes theme_parse with the first byte choosing the size of the error
 * buffer (an exactly-sized allocation, so an overflow is an ASan error).
 * Whatever the file says, every style stays within the colours and
 * attributes curses is given; a bad file leaves the theme as it was; an
 * error message is a NUL-terminated
 * "LINE: problem" holding no control byte, for it is shown on a terminal.
 */
#include "config.h"

#include <ctype.h>

#include "fuzz.h"
#include "tasktop/ui.h"

#define THEME_ATTR_ALL (THEME_ATTR_BOLD | THEME_ATTR_REVERSE | \
	THEME_ATTR_UNDERLINE | THEME_ATTR_DIM)

static void check_theme(const struct theme *t)
{
	FUZZ_CHECK(memchr(t->name, '\0', sizeof t->name) != NULL);
	for (int e = 0; e < THEME_COUNT; e++) {
		const struct theme_style *s = &t->style[e];
		FUZZ_CHECK(s->fg >= THEME_DEFAULT && s->fg <= 255);
		FUZZ_CHECK(s->bg >= THEME_DEFAULT && s->bg <= 255);
		FUZZ_CHECK((s->attrs & ~THEME_ATTR_ALL) == 0);
	}
}

static void check_error(const char *err, size_t errlen)
{
	if (errlen == 0)
		return;
	const char *end = memchr(err, '\0', errlen);
	FUZZ_CHECK(end != NULL);
	for (const char *p = err; p < end; p++)
		FUZZ_CHECK((unsigned char)*p >= 0x20 && *p != 0x7f);
	/* long enough for any line number and its colon */
	if (errlen >= 24) {
		FUZZ_CHECK(isdigit((unsigned char)err[0]));
		const char *p = err;
		while (isdigit((unsigned char)*p))
			p++;
		FUZZ_CHECK(*p == ':');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t errlen = fuzz_take_byte(&data, &size);
	char *buf = fuzz_copy(data, size);
	char *err = malloc(errlen);
	struct theme t, before;

	FUZZ_CHECK(err != NULL || errlen == 0);
	if (errlen > 0)
		memset(err, 'E', errlen);
	theme_mono(&t);
	before = t;
	if (theme_parse(buf, size, &t, err, errlen) != 0) {
		check_error(err, errlen);
		FUZZ_CHECK(memcmp(&t, &before, sizeof t) == 0);
	}
	check_theme(&t);
	free(err);
	free(buf);
	return 0;
}
