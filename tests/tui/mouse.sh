#!/usr/bin/env bash
# A click on a row selects it (the terminal's X10 mouse report, as tmux
# passes it through: ESC [ M, then button, column and line, each + 32).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"
expand_demo

# click LINE COLUMN (1-based): press and release button 1.
click() {
	local y x
	y=$(printf "\\$(printf %03o $((32 + $1)))")
	x=$(printf "\\$(printf %03o $((32 + $2)))")
	type_text $'\e[M '"$x$y"
	type_text $'\e[M#'"$x$y"
}

for tid in "$DEMO_NETNS" "$DEMO_ACCEPT"; do
	line=$(screen | grep -n -E "^ *$tid " | cut -d: -f1)
	[ -n "$line" ] || fail "no row for $tid"
	click "$line" 5
	wait_for_side_pane_of "$tid"
done
echo "PASS: $test_name"
