/*
 * Fuzzes unwind_wire_decode, the parser of what the unwind helper sends
 * (it runs libdw over a target's memory, so its bytes are hostile): what
 * decodes is within the limits of unwind.h, its strings hold no NUL, every
 * shorter prefix asks for more bytes, and encoding the result gives back
 * the bytes it came from (the encoding is canonical).  The input is also
 * read as a stream of messages, as the client reads the socket.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/unwind.h"

static void check_string(const char *s)
{
	if (s != NULL)
		FUZZ_CHECK(strlen(s) <= UNWIND_MAX_STRING);
}

static void check_result(const struct unwind_result *r)
{
	FUZZ_CHECK(r->nframes <= UNWIND_MAX_FRAMES);
	FUZZ_CHECK(r->nkstack <= UNWIND_MAX_KFRAMES);
	FUZZ_CHECK((unsigned)r->reason < UNWIND_REASON_COUNT);
	FUZZ_CHECK(r->has_frames || r->nframes == 0);
	FUZZ_CHECK(r->reason != UNWIND_REASON_NONE || r->error == NULL);
	check_string(r->error);
	check_string(r->wchan);
	for (size_t i = 0; i < r->nkstack; i++) {
		FUZZ_CHECK(r->kstack[i] != NULL);
		check_string(r->kstack[i]);
	}
	for (size_t i = 0; i < r->nframes; i++) {
		const struct unwind_frame *f = &r->frames[i];
		check_string(f->symbol);
		check_string(f->module);
		check_string(f->file);
		FUZZ_CHECK(f->line >= 0 && (f->file != NULL || f->line == 0));
		FUZZ_CHECK(f->symbol != NULL || f->offset == 0);
	}
}

/* Decoded, it encodes to the very bytes; any shorter prefix is "more". */
static void check_message(const uint8_t *data, size_t used,
    const struct unwind_result *r)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, dummy;
	struct unwind_result again;

	FUZZ_CHECK(unwind_wire_encode(r, &buf, &len, &cap) == 0);
	FUZZ_CHECK(len == used && memcmp(buf, data, used) == 0);
	free(buf);
	for (size_t cut = 0; cut < used; cut += 1 + cut / 4) {
		char *prefix = fuzz_copy(data, cut);
		FUZZ_CHECK(unwind_wire_decode((unsigned char *)prefix, cut,
		    &again, &dummy) == 0);
		free(prefix);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = fuzz_copy(data, size);
	const unsigned char *p = (const unsigned char *)copy;
	size_t left = size;

	for (;;) {
		struct unwind_result r;
		size_t used = 0;
		int rc = unwind_wire_decode(p, left, &r, &used);
		FUZZ_CHECK(rc >= -1 && rc <= 1);
		if (rc != 1) {
			FUZZ_CHECK(r.arena == NULL && r.nframes == 0);
			break;
		}
		FUZZ_CHECK(used > 0 && used <= left);
		check_result(&r);
		check_message(p, used, &r);
		unwind_result_clear(&r);
		p += used;
		left -= used;
	}
	free(copy);
	return 0;
}
