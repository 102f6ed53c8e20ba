#!/usr/bin/env bash
# q exits 0, leaves the alternate screen and gives the terminal back in
# canonical mode with echo.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

keys q
wait_for_screen "tasktop's exit" "$EXIT_MARK"
# the shell prints stty's icanon, then echo, after the exit mark
wait_for_screen "the shell's stty lines" '^-?echo$'
assert_eq "exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
screen | grep -q 'PID/TID' && fail "the tree is still on the screen:
$(screen)"
screen | grep -q -x icanon || fail "the terminal is left without icanon:
$(screen)"
screen | grep -q -x echo || fail "the terminal is left without echo:
$(screen)"
echo "PASS: $test_name"
