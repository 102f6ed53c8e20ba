#!/usr/bin/env bash
# / finds a thread by name inside a collapsed process and selects it; n
# finds the next match; Esc puts the selection back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

keys /
wait_for_screen "the search prompt" '^search:'
type_text acceptor
keys Enter
wait_for_side_pane_of "$DEMO_ACCEPT"
assert_row "the acceptor, opened by the search" "$DEMO_ACCEPT"

keys /
type_text "$DEMO_SLEEPER"
keys Enter
wait_for_side_pane_of "$DEMO_SLEEPER"

keys /
type_text ns
keys Enter
wait_for_side_pane_of "$DEMO_NETNS"
keys n
wait_for_side_pane_of "$DEMO_UTSNS"
keys N
wait_for_side_pane_of "$DEMO_NETNS"

keys /
type_text no-such-thread
wait_for_screen "not found" 'not found: no-such-thread'
keys Escape
wait_for_side_pane_of "$DEMO_NETNS"
echo "PASS: $test_name"
