/*
 * Fuzzes settings_parse with the first byte choosing the size of the error
 * buffer (an exactly-sized allocation, so an overflow is an ASan error).
 * A file that parses formats to text that parses back to the same
 * settings and formats the same again (the round trip tasktop does at
 * every quit); written back into its own text with some of its settings
 * (the first byte picks which) it parses to them, and a second write
 * changes nothing; every name kept is printable ASCII and NUL-terminated; a
 * file that does not parse leaves nothing set, and its message holds no
 * control byte, for it is shown on a terminal.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/ui.h"

static void check_name(const char *s, size_t cap)
{
	const char *end = memchr(s, '\0', cap);

	FUZZ_CHECK(end != NULL);
	for (const char *p = s; p < end; p++)
		FUZZ_CHECK(*p > 0x20 && *p < 0x7f);
}

static void check_settings(const struct settings *s)
{
	FUZZ_CHECK(s->ncolumns <= SETTINGS_COLUMNS_MAX);
	check_name(s->sort, sizeof s->sort);
	check_name(s->theme, sizeof s->theme);
	FUZZ_CHECK(strchr(s->theme, '/') == NULL);
	for (size_t i = 0; i < s->ncolumns; i++)
		check_name(s->columns[i], sizeof s->columns[i]);
	FUZZ_CHECK(s->side_pane >= SETTINGS_SIDE_AUTO &&
	    s->side_pane <= SETTINGS_SIDE_HIDDEN);
	if (s->has & SETTINGS_HAS_DELAY)
		FUZZ_CHECK(s->delay >= SETTINGS_DELAY_MIN &&
		    s->delay <= SETTINGS_DELAY_MAX);
}

static void check_error(const char *err, size_t errlen)
{
	const char *end;

	if (errlen == 0)
		return;
	end = memchr(err, '\0', errlen);
	FUZZ_CHECK(end != NULL);
	for (const char *p = err; p < end; p++)
		FUZZ_CHECK((unsigned char)*p >= 0x20 && *p != 0x7f);
}

static void check_round_trip(const struct settings *s)
{
	struct settings again;
	struct buf a, b;
	char err[128];

	buf_init(&a);
	buf_init(&b);
	settings_format(s, &a);
	FUZZ_CHECK(settings_parse(a.data, a.len, &again, err, sizeof err) == 0);
	settings_format(&again, &b);
	FUZZ_CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	FUZZ_CHECK(again.has == s->has);
	buf_free(&a);
	buf_free(&b);
}

/* The file written back with some of its settings (those of mask): it
 * parses, says them, and writing them again changes nothing. */
static void check_update(const char *file, size_t len,
    const struct settings *s, unsigned mask)
{
	struct settings want = *s, back;
	struct buf a, b;
	char err[128];

	want.has &= mask;
	buf_init(&a);
	buf_init(&b);
	settings_update(file, len, &want, &a);
	if (a.len > SETTINGS_FILE_MAX) {	/* refused by settings_save */
		buf_free(&a);
		buf_free(&b);
		return;
	}
	FUZZ_CHECK(settings_parse(a.data, a.len, &back, err, sizeof err) == 0);
	FUZZ_CHECK((settings_changed(&back, &want) & want.has) == 0);
	FUZZ_CHECK((back.has & want.has) == want.has);
	settings_update(a.data, a.len, &want, &b);
	FUZZ_CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	buf_free(&a);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t errlen = fuzz_take_byte(&data, &size);
	char *buf = fuzz_copy(data, size);
	char *err = malloc(errlen);
	struct settings s;

	FUZZ_CHECK(err != NULL || errlen == 0);
	if (errlen > 0)
		memset(err, 'E', errlen);
	if (settings_parse(buf, size, &s, err, errlen) != 0) {
		check_error(err, errlen);
		FUZZ_CHECK(s.has == 0);
	} else {
		check_settings(&s);
		check_round_trip(&s);
		check_update(buf, size, &s, errlen * 0x0101u);
	}
	free(err);
	free(buf);
	return 0;
}
