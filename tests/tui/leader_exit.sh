#!/usr/bin/env bash
# A leader that called pthread_exit: its process row says Z, the side pane
# compares namespaces against the lowest live thread and says the leader's
# own links are gone instead of showing numbers for them.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start --leader-exit
wait_until "saw the leader a zombie" \
	grep -q '^State:.*Z' "/proc/$DEMO_PID/task/$DEMO_PID/status"
tui_start -- -p "$DEMO_PID"

row_of "$DEMO_PID" | grep -q -E "^ *$DEMO_PID +[^ ]+ +Z " ||
	fail "the process row is not in state Z: $(row_of "$DEMO_PID")"
wait_for_screen "the exited leader" "of process $DEMO_PID \\(leader exited\\)"
wait_for_screen "the reference thread" "reference: thread $DEMO_SLEEPER\\)"

keys Right Down
wait_for_side_pane_of "$DEMO_PID"
wait_for_screen "the leader's net link gone" '  net +gone'
screen | grep -q -E '  net +[0-9]' &&
	fail "the exited leader shows a net inode:
$(screen)"
echo "PASS: $test_name"
