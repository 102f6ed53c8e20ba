#!/usr/bin/env bash
# The thread in its own network namespace is marked ("!") and drawn in
# another style than its sibling, with the cursor on neither; so is a
# collapsed process holding it.  Without colour (NO_COLOR) the marker and a
# distinct attribute remain.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start

# The SGR sequences of a row, in order: its style, whatever the text.
row_sgr() {
	screen_sgr | grep -a -E $'^(\e\\[[0-9;]*m)* *'"$1 " | head -n 1 |
		grep -a -o -E $'\x1b\\[[0-9;]*m' | tr -d '\033' | paste -sd' '
}

check_highlight() {
	local how=$1 netns sleeper
	row_of "$DEMO_PID" | grep -q -E ' ! ' ||
		fail "$how: the collapsed process has no '!': $(row_of "$DEMO_PID")"
	expand_demo
	row_of "$DEMO_NETNS" | grep -q -E ' ! ' ||
		fail "$how: no '!' on the netns row: $(row_of "$DEMO_NETNS")"
	row_of "$DEMO_SLEEPER" | grep -q -E ' ! ' &&
		fail "$how: a '!' on the sleeper's row: $(row_of "$DEMO_SLEEPER")"
	netns=$(row_sgr "$DEMO_NETNS")
	sleeper=$(row_sgr "$DEMO_SLEEPER")
	[ -n "$netns" ] || fail "$how: the netns row has no style at all"
	[ "$netns" != "$sleeper" ] ||
		fail "$how: the netns and sleeper rows look the same: $netns"
}

tui_start -- -p "$DEMO_PID"
check_highlight colour
tm kill-server
sleep 0.2
tui_start NO_COLOR=1 -- -p "$DEMO_PID"
check_highlight NO_COLOR
echo "PASS: $test_name"
