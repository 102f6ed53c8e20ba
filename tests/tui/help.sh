#!/usr/bin/env bash
# ? (and F1, and h) shows every key the help screen lists
# (tests/unit/help_keys prints them); any key goes back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

keys ?
wait_for_screen "the help screen" 'tasktop keys'
# The whole list, a screen at a time (45 lines may not hold it).
help=$(screen)
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	keys Down
done
sleep 0.2
help+=$'\n'$(screen)
"$top_builddir/tests/unit/help_keys" >"$WORK/keys" || fail "help_keys failed"
while IFS= read -r key; do
	echo "$help" | grep -q -F -- " $key " ||
		fail "the help screen does not show '$key':
$help"
done <"$WORK/keys"
# What the filter matches, as README says and the view does (cmdline too)
echo "$help" | grep -q -E '^ F4 \\ +filter rows by name, command line, pid or tid' ||
	fail "the help screen's filter line does not name the command line:
$(echo "$help" | grep -F 'filter')"
keys Escape
wait_for_screen "the tree again" 'PID/TID'
keys h
wait_for_screen "the help screen from h" 'tasktop keys'
keys x
wait_for_screen "the tree again" 'PID/TID'
keys F1
wait_for_screen "the help screen from F1" 'tasktop keys'

# On a short terminal the last keys are a scroll away.
tm resize-window -t tasktop -x 40 -y 10
wait_for_no_screen "the last key at 40x10" '^ q F10'
for _ in $(seq 40); do
	keys Down
done
wait_for_screen "the last key after scrolling" '^ q F10'
keys Escape
wait_for_screen "the tree after Esc" 'PID/TID'
echo "PASS: $test_name"
