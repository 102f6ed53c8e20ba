/*
 * test_ui_format.c - the tree lines of a row and the numbers of the narrow
 * columns.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tasktop/model.h"
#include "tasktop/util.h"
#include "ui/format.h"
#include "ui/meters.h"

static void assert_prefix(int depth, uint64_t more, bool last,
    enum text_mode mode, const char *expected)
{
	struct view_row row = { .depth = depth, .more = more, .last = last };
	struct buf b;

	buf_init(&b);
	view_tree_prefix(&b, &row, mode, true);
	assert_int_equal(b.len, strlen(expected));
	if (b.len)
		assert_memory_equal(b.data, expected, b.len);
	buf_free(&b);
}

static void test_root_has_no_prefix(void **state)
{
	(void)state;
	assert_prefix(0, 0, true, TEXT_UTF8, "");
	assert_prefix(-1, 0, false, TEXT_ASCII, "");
}

static void test_children_branch_and_last(void **state)
{
	(void)state;
	assert_prefix(1, 0, false, TEXT_UTF8, "\u251c\u2500 ");
	assert_prefix(1, 0, true, TEXT_UTF8, "\u2514\u2500 ");
	assert_prefix(1, 0, false, TEXT_ASCII, "|- ");
	assert_prefix(1, 0, true, TEXT_ASCII, "`- ");
}

static void test_ancestors_with_later_siblings_draw_a_pipe(void **state)
{
	(void)state;
	/* depth 3: at depth 1 a sibling follows, at depth 2 none */
	assert_prefix(3, 1u << 1, true, TEXT_ASCII, "|   `- ");
	assert_prefix(3, (1u << 1) | (1u << 2), false, TEXT_UTF8,
	    "\u2502 \u2502 \u251c\u2500 ");
	/* bit 0 is the roots' level: never drawn */
	assert_prefix(2, 1u, true, TEXT_ASCII, "  `- ");
}

static void test_deeper_than_the_bits(void **state)
{
	struct view_row row = { .depth = 70, .more = ~0ull, .last = true };
	struct buf b;

	(void)state;
	buf_init(&b);
	view_tree_prefix(&b, &row, TEXT_ASCII, true);
	assert_int_equal(b.len, 69 * 2 + 3);
	/* the unit of depth d starts at (d - 1) * 2: 63 has a bit, 64 none */
	assert_memory_equal(b.data + 62 * 2, "| ", 2);
	assert_memory_equal(b.data + 63 * 2, "  ", 2);
	buf_free(&b);
}

static void assert_kb(unsigned long long kb, const char *expected)
{
	char out[16];

	format_kb(out, sizeof out, kb, UI_MEM_COLS);
	assert_string_equal(out, expected);
	assert_true(strlen(out) <= 5);
}

static void test_format_kb(void **state)
{
	(void)state;
	assert_kb(0, "0K");
	assert_kb(999, "999K");
	assert_kb(1000, "1.0M");
	assert_kb(1536, "1.5M");
	assert_kb(10 * 1024, "10M");
	assert_kb(999 * 1024, "999M");
	assert_kb(4ull * 1024 * 1024, "4.0G");
	assert_kb(~0ull, "16Z");
}

static void assert_cpu(bool valid, double pct, const char *expected)
{
	char out[16];

	format_cpu(out, sizeof out, valid, pct);
	assert_string_equal(out, expected);
}

static void test_format_cpu(void **state)
{
	(void)state;
	assert_cpu(true, 0.0, "  0.0");
	assert_cpu(true, 99.94, " 99.9");
	assert_cpu(true, 99.96, "100.0");
	assert_cpu(true, 123.4, "  123");
	assert_cpu(true, 1e9, "+++++");
	assert_cpu(false, 50.0, "    -");
	assert_cpu(true, -1.0, "    -");
}

static void assert_time(unsigned long long ticks, long hz, const char *want)
{
	char out[24];

	format_time(out, sizeof out, ticks, hz);
	assert_string_equal(out, want);
	assert_int_equal(strlen(out), 9);
}

/* TIME+ = utime + stime, as htop shows it (minutes:seconds.hundredths). */
static void test_format_time(void **state)
{
	(void)state;
	assert_time(0, 100, "  0:00.00");
	assert_time(6234, 100, "  1:02.34");
	assert_time(3, 250, "  0:00.01");
	assert_time(999ull * 60 * 100 + 5999, 100, "999:59.99");
	assert_time(1000ull * 60 * 100, 100, "      16h");
	assert_time(~0ull, 100, "      +++");
	assert_time(5, 0, "        -");
}

/* START as htop shows it: the time today, the day this year, else the
 * year (TZ=UTC, so the test does not depend on where it runs). */
static void test_format_start(void **state)
{
	const double now = 1796126400;	/* 2026-12-01 12:00 UTC */
	char out[16];

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	format_start(out, sizeof out, 1796115900, now);
	assert_string_equal(out, "09:05");
	format_start(out, sizeof out, 1796079600, now);
	assert_string_equal(out, "Nov30");
	format_start(out, sizeof out, 1748736000, now);
	assert_string_equal(out, "2025");
	format_start(out, sizeof out, 0, now);
	assert_string_equal(out, "    -");
}

/* A bar is exactly its width, the number at its right over the bar;
 * ASCII outside UTF-8. */
static void test_meter_bar(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	meter_bar(&b, 12, 0.5, "50%", TEXT_ASCII);
	assert_string_equal(b.data, "[||||   50%]");
	meter_bar(&b, 12, 1.0, "100.0%", TEXT_ASCII);
	assert_string_equal(b.data, "[||||100.0%]");
	meter_bar(&b, 12, 0, "0.0%", TEXT_ASCII);
	assert_string_equal(b.data, "[      0.0%]");
	meter_bar(&b, 6, 2.0, "far too long", TEXT_ASCII);	/* no room */
	assert_string_equal(b.data, "[||||]");
	meter_bar(&b, 6, -1, "", TEXT_ASCII);
	assert_string_equal(b.data, "[    ]");
	/* UTF-8: full blocks and an eighth-step for the last cell */
	meter_bar(&b, 6, 0.5625, "", TEXT_UTF8);
	assert_string_equal(b.data, "[\u2588\u2588\u258e ]");
	buf_free(&b);
}

static void test_format_uptime(void **state)
{
	char out[48];

	(void)state;
	format_uptime(out, sizeof out, 3723.9);
	assert_string_equal(out, "01:02:03");
	format_uptime(out, sizeof out, 86400 + 61);
	assert_string_equal(out, "1 day, 00:01:01");
	format_uptime(out, sizeof out, 3 * 86400.0);
	assert_string_equal(out, "3 days, 00:00:00");
	format_uptime(out, sizeof out, -5);
	assert_string_equal(out, "00:00:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_has_no_prefix),
		cmocka_unit_test(test_children_branch_and_last),
		cmocka_unit_test(test_ancestors_with_later_siblings_draw_a_pipe),
		cmocka_unit_test(test_deeper_than_the_bits),
		cmocka_unit_test(test_format_kb),
		cmocka_unit_test(test_format_cpu),
		cmocka_unit_test(test_format_time),
		cmocka_unit_test(test_format_start),
		cmocka_unit_test(test_meter_bar),
		cmocka_unit_test(test_format_uptime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
