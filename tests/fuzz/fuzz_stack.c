/*
 * Fuzzes proc_parse_stack on the input as a whole file, and rebuilds a
 * well-formed stack from the input's lines to check every frame comes
 * back as written, in order.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/proc.h"

/* Frames are NUL-terminated inside text, hold no newline, and are in
 * order without overlapping. */
static void check_frames(const struct proc_stack *st)
{
	size_t next = 0;

	FUZZ_CHECK(st->n >= 0 && st->n <= PROC_STACK_MAX_FRAMES);
	for (int i = 0; i < st->n; i++) {
		size_t off = st->off[i];
		FUZZ_CHECK(off >= next && off < PROC_STACK_TEXT);
		const char *nul = memchr(st->text + off, '\0',
		    PROC_STACK_TEXT - off);
		FUZZ_CHECK(nul != NULL);
		FUZZ_CHECK(memchr(st->text + off, '\n',
		    (size_t)(nul - (st->text + off))) == NULL);
		next = (size_t)(nul - st->text) + 1;
	}
}

static void check_whole_file(const char *buf, size_t len)
{
	struct proc_stack st;

	if (proc_parse_stack(buf, len, &st) != 0) {
		FUZZ_CHECK(st.n == 0);
		return;
	}
	check_frames(&st);
}

#define END_MARKER "0xffffffffffffffff"

static bool is_end_marker(const char *frame, size_t len)
{
	return len == strlen(END_MARKER) && memcmp(frame, END_MARKER, len) == 0;
}

/*
 * Copies the input into frames with its NULs made '?', then writes each
 * non-empty line of it as "[<0>] line\n" into file; returns file's length.
 * file has room for 8 bytes per input byte.
 */
static size_t build_stack_file(char *file, char *frames, const uint8_t *data,
    size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < size; i++)
		frames[i] = data[i] == '\0' ? '?' : (char)data[i];
	for (size_t i = 0; i < size;) {
		const char *nl = memchr(frames + i, '\n', size - i);
		size_t len = nl != NULL ? (size_t)(nl - (frames + i)) : size - i;
		if (len > 0) {
			memcpy(file + n, "[<0>] ", 6);
			memcpy(file + n + 6, frames + i, len);
			file[n + 6 + len] = '\n';
			n += len + 7;
		}
		i += len + 1;
	}
	return n;
}

/* The frames kept are the first ones written, each as written; truncated
 * says whether any was left out. */
static void check_round_trip(const uint8_t *data, size_t size)
{
	struct proc_stack st;
	char *frames = malloc(size + 1);
	char *file = calloc(8 * size + 1, 1);
	int kept = 0, written = 0;

	FUZZ_CHECK(frames != NULL && file != NULL);
	size_t len = build_stack_file(file, frames, data, size);
	char *copy = fuzz_copy((const uint8_t *)file, len);
	FUZZ_CHECK(proc_parse_stack(copy, len, &st) == 0);
	check_frames(&st);
	for (size_t i = 0; i < size;) {
		const char *nl = memchr(frames + i, '\n', size - i);
		size_t n = nl != NULL ? (size_t)(nl - (frames + i)) : size - i;
		if (n > 0 && !is_end_marker(frames + i, n)) {
			if (written++ < st.n) {
				const char *f = proc_stack_frame(&st, kept++);
				FUZZ_CHECK(strlen(f) == n);
				FUZZ_CHECK(memcmp(f, frames + i, n) == 0);
			}
		}
		i += n + 1;
	}
	FUZZ_CHECK(kept == st.n);
	FUZZ_CHECK(st.truncated == (written > st.n));
	free(copy);
	free(file);
	free(frames);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_round_trip);
	return 0;
}
