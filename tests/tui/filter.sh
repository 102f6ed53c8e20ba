#!/usr/bin/env bash
# \ keeps only what matches (with its process as context); an empty filter
# shows everything again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

keys '\'
wait_for_screen "the filter prompt" '^filter:'
type_text netns
keys Enter
wait_for_screen "the netns thread" "^ *$DEMO_NETNS "
assert_row "the process, as context" "$DEMO_PID"
for tid in "$DEMO_SLEEPER" "$DEMO_ACCEPT" "$DEMO_UTSNS"; do
	assert_no_row "a thread the filter leaves out" "$tid"
done

keys '\' C-u Enter
wait_for_no_screen "the filtered netns thread" "^ *$DEMO_NETNS "
assert_row "the process without a filter" "$DEMO_PID"
echo "PASS: $test_name"
