#!/usr/bin/env bash
# k asks which signal and whom before sending anything: another key
# cancels, y sends; on a thread row t switches to the whole process.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
sleep 600 &
VICTIM=$!
trap 'kill "$VICTIM" 2>/dev/null; tm kill-server 2>/dev/null; cleanup' EXIT
tui_start -- -p "$VICTIM,$DEMO_SLEEPER"

# -p: the first id is selected; the sleeper's process is opened.
wait_for_side_pane_of "$VICTIM"
keys k
wait_for_screen "the signal prompt" "send SIGTERM to process $VICTIM\\?  1 TERM 2 KILL 3 HUP 4 INT 5 STOP 6 CONT 7 USR1 8 USR2  Enter: send  Esc: cancel"
keys n
wait_for_screen "the cancel" 'no signal sent'
kill -0 "$VICTIM" || fail "a cancelled prompt sent a signal"

keys k 5
wait_for_screen "STOP chosen" "send SIGSTOP to process $VICTIM"
keys y
wait_for_screen "the report" "sent SIGSTOP to process $VICTIM"
wait_until "saw $VICTIM stopped" grep -q '^State:.*T' "/proc/$VICTIM/status"
keys k Right Right Right Right Right y
wait_for_screen "the CONT report" "sent SIGCONT to process $VICTIM"
wait_until "saw $VICTIM running again" grep -q '^State:.*S' "/proc/$VICTIM/status"

keys p
type_text "$DEMO_SLEEPER"
keys Enter
wait_for_side_pane_of "$DEMO_SLEEPER"
keys k
wait_for_screen "a thread target" "send SIGTERM to thread $DEMO_SLEEPER \\(process $DEMO_PID\\)\\?"
keys t
wait_for_screen "the process target" "send SIGTERM to process $DEMO_PID\\?"
keys Escape
wait_for_screen "the cancel" 'no signal sent'
kill -0 "$DEMO_PID" || fail "Esc sent a signal"
echo "PASS: $test_name"
