#!/usr/bin/env bash
# The cursor keys repaint the tree at once and read the selected thread's
# detail once the keys pause: a burst of Downs leaves the side pane on the
# row the cursor stopped at, not on one it passed, and so does a move back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
# no refresh during the test: only the pause in the keys reads the detail
tui_start -- -p "$DEMO_PID" -d 60
expand_demo

mapfile -t tids < <(ls "/proc/$DEMO_PID/task" | sort -n)
[ "${#tids[@]}" -ge 4 ] || fail "nsdemo has ${#tids[@]} threads, expected 4 or more"
# from the process row: its leader, then the next two threads
keys Down Down Down
wait_for_side_pane_of "${tids[2]}"
keys Up
wait_for_side_pane_of "${tids[1]}"
echo "PASS: $test_name"
