#!/usr/bin/env bash
# k on a thread row, t: the whole process.  When that thread exits while
# the prompt waits, Enter still signals the process it named (pinned by its
# leader), and says so; it was "it has exited" and nothing sent.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start --sleeper-exit 6
tui_start -- -p "$DEMO_SLEEPER"

wait_for_side_pane_of "$DEMO_SLEEPER"
keys k 7 t
wait_for_screen "the process target" "send SIGUSR1 to process $DEMO_PID\\?"
for _ in $(seq 200); do
	[ -e "/proc/$DEMO_PID/task/$DEMO_SLEEPER" ] || break
	sleep 0.05
done
[ ! -e "/proc/$DEMO_PID/task/$DEMO_SLEEPER" ] || fail "the sleeper never exited"
kill -0 "$DEMO_PID" || fail "the process went with its thread"
keys Enter
wait_for_screen "the report" "sent SIGUSR1 to process $DEMO_PID\$"
# SIGUSR1's default action ends nsdemo: it got the signal
status=0
{ wait "$NSDEMO_PID"; } 2>/dev/null || status=$?
NSDEMO_PID=
assert_eq "nsdemo's end" $((128 + 10)) "$status"
echo "PASS: $test_name"
