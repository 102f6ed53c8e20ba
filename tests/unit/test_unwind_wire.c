/* The unwind helper's wire format: what is encoded decodes to the same
 * result, byte for byte back; partial input asks for more; every malformed
 * message is refused, never half-read. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/unwind.h"

static struct unwind_frame frames[3] = {
	{ 0x7f0000001234, "__futex_abstimed_wait_common64", 0, "/usr/lib/libc.so.6",
	    "./nptl/futex-internal.c", 57, true },
	{ 0x7f0000001234, "pthread_cond_wait", 0x1f, "/usr/lib/libc.so.6",
	    NULL, 0, false },
	{ 0x5555deadbeef, NULL, 0, NULL, NULL, 0, false },
};
static const char *kstack[2] = { "futex_wait+0x12/0x30", "do_syscall_64+0x5d/0x100" };

static struct unwind_result sample(void)
{
	struct unwind_result r = {
		.request = 7, .tgid = 100, .tid = 101, .last = true,
		.reason = UNWIND_REASON_NO_INFO, .error = "no unwind info past x",
		.has_frames = true, .frames = frames, .nframes = 3,
		.kstack_state = 1, .kstack = kstack, .nkstack = 2,
		.wchan_state = 1, .wchan = "futex_wait_queue",
		.syscall_state = 1, .syscall_kind = 0, .syscall_nr = 202,
		.stopped_us = 120, .took_us = 450,
	};
	return r;
}

struct encoded {
	unsigned char	*buf;
	size_t		 len, cap;
};

static struct encoded encode(const struct unwind_result *r)
{
	struct encoded e = { NULL, 0, 0 };

	assert_int_equal(unwind_wire_encode(r, &e.buf, &e.len, &e.cap), 0);
	return e;
}

static void test_round_trip(void **state)
{
	struct unwind_result in = sample(), out;
	struct encoded e = encode(&in), again;
	size_t used = 0;

	(void)state;
	assert_int_equal(unwind_wire_decode(e.buf, e.len, &out, &used), 1);
	assert_int_equal(used, e.len);
	assert_int_equal(out.tid, 101);
	assert_true(out.last && out.has_frames);
	assert_int_equal(out.reason, UNWIND_REASON_NO_INFO);
	assert_string_equal(out.error, "no unwind info past x");
	assert_int_equal(out.nframes, 3);
	assert_string_equal(out.frames[0].symbol, "__futex_abstimed_wait_common64");
	assert_true(out.frames[0].inlined);
	assert_int_equal(out.frames[0].line, 57);
	assert_int_equal(out.frames[1].offset, 0x1f);
	assert_null(out.frames[1].file);
	assert_null(out.frames[2].symbol);
	assert_int_equal(out.frames[2].pc, 0x5555deadbeef);
	assert_int_equal(out.nkstack, 2);
	assert_string_equal(out.kstack[1], "do_syscall_64+0x5d/0x100");
	assert_string_equal(out.wchan, "futex_wait_queue");
	assert_int_equal(out.syscall_nr, 202);
	again = encode(&out);
	assert_int_equal(again.len, e.len);
	assert_memory_equal(again.buf, e.buf, e.len);
	unwind_result_clear(&out);
	free(again.buf);
	free(e.buf);
}

static void test_partial_input_asks_for_more(void **state)
{
	struct unwind_result in = sample(), out;
	struct encoded e = encode(&in);
	size_t used = 0;

	(void)state;
	for (size_t cut = 0; cut < e.len; cut++)
		assert_int_equal(unwind_wire_decode(e.buf, cut, &out, &used), 0);
	free(e.buf);
}

/* Two messages back to back come out one at a time. */
static void test_stream_of_two(void **state)
{
	struct unwind_result a = sample(), b = sample(), out;
	struct encoded e = encode(&a);
	size_t first = e.len, used = 0;

	(void)state;
	b.tid = 102;
	b.has_frames = false;
	b.nframes = 0;
	b.reason = UNWIND_REASON_TRACED;
	b.error = "traced by PID 9 (strace)";
	assert_int_equal(unwind_wire_encode(&b, &e.buf, &e.len, &e.cap), 0);
	assert_int_equal(unwind_wire_decode(e.buf, e.len, &out, &used), 1);
	assert_int_equal(used, first);
	unwind_result_clear(&out);
	assert_int_equal(unwind_wire_decode(e.buf + used, e.len - used, &out,
	    &used), 1);
	assert_int_equal(out.tid, 102);
	assert_false(out.has_frames);
	assert_null(out.frames);
	assert_string_equal(out.error, "traced by PID 9 (strace)");
	unwind_result_clear(&out);
	free(e.buf);
}

static int decode_mutated(size_t at, unsigned char value)
{
	struct unwind_result in = sample(), out;
	struct encoded e = encode(&in);
	size_t used = 0;

	e.buf[at] = value;
	int rc = unwind_wire_decode(e.buf, e.len, &out, &used);
	if (rc == 1)
		unwind_result_clear(&out);
	free(e.buf);
	return rc;
}

static void test_malformed_is_refused(void **state)
{
	struct unwind_result in = sample(), out;
	struct encoded e = encode(&in);
	size_t used = 0;

	(void)state;
	assert_int_equal(decode_mutated(0, 'X'), -1);		/* magic */
	assert_int_equal(decode_mutated(20, 0x80), -1);		/* unknown flag */
	assert_int_equal(decode_mutated(21, UNWIND_REASON_COUNT), -1);
	/* a NUL inside the error string */
	assert_int_equal(decode_mutated(24 + 3, 0), -1);
	/* a body longer than its content: trailing bytes */
	e.buf[4]++;
	e.buf = realloc(e.buf, e.len + 1);
	e.buf[e.len] = 0;
	assert_int_equal(unwind_wire_decode(e.buf, e.len + 1, &out, &used), -1);
	assert_null(out.arena);
	free(e.buf);
}

/* Strings are cut at the limit, frames at the maximum. */
static void test_limits_cut_on_encode(void **state)
{
	static struct unwind_frame many[UNWIND_MAX_FRAMES + 5];
	static char longname[UNWIND_MAX_STRING + 100];
	struct unwind_result in = sample(), out;
	struct encoded e;
	size_t used = 0;

	(void)state;
	memset(longname, 'a', sizeof longname - 1);
	for (size_t i = 0; i < sizeof many / sizeof *many; i++)
		many[i] = (struct unwind_frame){ .pc = i, .symbol = longname };
	in.frames = many;
	in.nframes = sizeof many / sizeof *many;
	e = encode(&in);
	assert_int_equal(unwind_wire_decode(e.buf, e.len, &out, &used), 1);
	assert_int_equal(out.nframes, UNWIND_MAX_FRAMES);
	assert_int_equal(strlen(out.frames[0].symbol), UNWIND_MAX_STRING);
	unwind_result_clear(&out);
	free(e.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_partial_input_asks_for_more),
		cmocka_unit_test(test_stream_of_two),
		cmocka_unit_test(test_malformed_is_refused),
		cmocka_unit_test(test_limits_cut_on_encode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
