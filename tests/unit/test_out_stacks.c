/* --json --stacks and -b --stacks writers on synthetic groups: valid JSON
 * with the keys the interface promises, hostile frames escaped, the text's
 * group lines beginning with the count. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "json_check.h"
#include "out/internal.h"

static const char *const hostile[] = {
	"evil\x1b[2J+0x1/0x10", "bad\xff" "byte+0x2/0x20",
	"do_syscall_64+0x71/0x290",
};

static void feed(struct stack_groups *gs)
{
	struct stack_sample s = {
		.tid = 7, .state = 'S', .cpu_valid = true, .cpu_percent = 1.5,
		.kernel_state = FIELD_OK, .kernel = hostile, .nkernel = 3,
		.user_state = FIELD_UNREAD,
	};
	struct stack_sample denied = {
		.tid = 9, .state = 'D', .kernel_state = FIELD_DENIED,
		.wchan = "io_\"wait", .syscall = NULL, .user_state = FIELD_UNREAD,
	};
	struct stack_sample unread = {
		.tid = 10, .state = 'S', .kernel_state = FIELD_DENIED,
		.user_state = FIELD_UNREAD,
	};
	struct stack_sample running = {
		.tid = 8, .state = 'R', .cpu_valid = true, .cpu_percent = 99.0,
		.kernel_state = FIELD_OK, .user_state = FIELD_UNREAD,
	};

	stack_groups_add(gs, &s);
	s.tid = 6;
	stack_groups_add(gs, &s);
	stack_groups_add(gs, &denied);
	stack_groups_add(gs, &running);
	stack_groups_add(gs, &unread);
	stack_groups_finish(gs);
}

static void test_json_groups(void **state)
{
	struct stack_groups gs;
	struct buf out;
	size_t where = 0;

	(void)state;
	stack_groups_init(&gs);
	feed(&gs);
	buf_init(&out);
	buf_addc(&out, '{');
	out_json_stack_groups(&out, &gs);
	buf_addc(&out, '}');
	assert_int_equal(json_check(out.data, out.len, &where), 0);
	assert_non_null(strstr(out.data, "\"stack_groups\":[{\"tids\":[6,7],"
	    "\"states\":{\"S\":2},\"kernel\":[\"evil\\u001b[2J+0x1/0x10\","
	    "\"bad\\u00ffbyte+0x2/0x20\""));
	assert_non_null(strstr(out.data, "\"cpu_percent\":3.0,\"samples\":null,"
	    "\"basis\":\"kernel\",\"kernel_error\":null}"));
	assert_non_null(strstr(out.data, "{\"tids\":[8],\"states\":{\"R\":1},"
	    "\"kernel\":[],\"user\":null,\"user_error\":null,"
	    "\"cpu_percent\":99.0"));
	assert_non_null(strstr(out.data, "{\"tids\":[9],\"states\":{\"D\":1},"
	    "\"kernel\":null,\"user\":null,\"user_error\":null,"
	    "\"cpu_percent\":null,\"samples\":null,"
	    "\"basis\":\"wchan\",\"kernel_error\":\"permission denied\","
	    "\"wchan\":\"io_\\\"wait\",\"syscall\":null}"));
	assert_non_null(strstr(out.data, "{\"tids\":[10],\"states\":{\"S\":1},"
	    "\"kernel\":null,\"user\":null,\"user_error\":null,"
	    "\"cpu_percent\":null,\"samples\":null,"
	    "\"basis\":\"none\",\"kernel_error\":\"permission denied\","
	    "\"wchan\":null,\"syscall\":null}"));
	assert_non_null(strstr(out.data, "\"stack_rounds\":null}"));
	buf_free(&out);
	stack_groups_free(&gs);
}

/* Sampled: samples counted, no CPU%, the rounds said. */
static void test_json_sampled(void **state)
{
	struct stack_groups gs;
	struct buf out;

	(void)state;
	stack_groups_init(&gs);
	feed(&gs);
	gs.rounds = 1;
	buf_init(&out);
	buf_addc(&out, '{');
	out_json_stack_groups(&out, &gs);
	buf_addc(&out, '}');
	assert_int_equal(json_check(out.data, out.len, NULL), 0);
	assert_non_null(strstr(out.data, "\"cpu_percent\":null,\"samples\":2,"));
	assert_null(strstr(out.data, "\"cpu_percent\":3.0"));
	assert_non_null(strstr(out.data, "\"stack_rounds\":1}"));
	buf_reset(&out);
	buf_addc(&out, '{');
	out_json_stack_groups(&out, NULL);
	buf_addc(&out, '}');
	assert_string_equal(out.data,
	    "{\"stack_groups\":null,\"stack_rounds\":null}");
	buf_free(&out);
	stack_groups_free(&gs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_groups),
		cmocka_unit_test(test_json_sampled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
