#!/usr/bin/env bash
# -p PID shows the process row alone; Right opens it into its threads and
# Left closes it again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

assert_row "the process row" "$DEMO_PID"
assert_no_row "threads before expanding" "$DEMO_NETNS"

expand_demo
for tid in $(demo_tids); do
	assert_row "thread after Right" "$tid"
done
row_of "$DEMO_ACCEPT" | grep -q acceptor ||
	fail "the acceptor's row does not name it: $(row_of "$DEMO_ACCEPT")"

keys Left
wait_for_no_screen "the netns thread after Left" "^ *$DEMO_NETNS "
assert_row "the process row after Left" "$DEMO_PID"
echo "PASS: $test_name"
