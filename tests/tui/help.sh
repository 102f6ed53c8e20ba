#!/usr/bin/env bash
# ? shows every key of DESIGN.md's table; any key goes back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

keys ?
wait_for_screen "the help screen" 'tasktop keys'
help=$(screen)
for key in Up Down PgUp PgDn Home End 'j / g G' 'Right l \+' 'Left h -' \
	'^ \* ' Tab '^ / ' 'n N' '^ \\ ' '^ p ' 'F5 t' 'F6 < >' 'k F9' space \
	'F1 \?' 'q F10'; do
	echo "$help" | grep -q -E -- "$key" ||
		fail "the help screen does not list '$key':
$help"
done
keys x
wait_for_screen "the tree again" 'PID/TID'
keys F1
wait_for_screen "the help screen from F1" 'tasktop keys'

# On a short terminal the last keys are a scroll away.
tm resize-window -t tasktop -x 40 -y 10
wait_for_no_screen "the last key at 40x10" '^ q F10'
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	keys Down
done
wait_for_screen "the last key after scrolling" '^ q F10'
keys Escape
wait_for_screen "the tree after Esc" 'PID/TID'
echo "PASS: $test_name"
