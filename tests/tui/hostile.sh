#!/usr/bin/env bash
# Threads named with escape sequences, CR, tabs, invalid UTF-8 and wide
# characters: shown as visible escapes, never sent raw (the pane title is
# untouched, the screen not cleared), the columns stay aligned; outside a
# UTF-8 locale everything on the screen is ASCII.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start --hostile

check_hostile() {
	local how=$1 title
	tm select-pane -t "$PANE" -T tasktop-test-title
	keys Right
	wait_for_screen "the hostile threads ($how)" "^ *${DEMO_HOSTILE[0]} "
	sleep 1.2	# a refresh redraws every name
	title=$(tm display-message -p -t "$PANE" '#{pane_title}')
	assert_eq "$how: pane title" tasktop-test-title "$title"
	screen | head -n 1 | grep -q '^tasktop ' ||
		fail "$how: the header is gone (screen cleared?):
$(screen)"
	screen | grep -q -F '\x1b]0;pwn\x07' ||
		fail "$how: the OSC name is not shown escaped:
$(screen)"
	screen | grep -q -F 'cr\x0dret' ||
		fail "$how: the CR name is not shown escaped:
$(screen)"
	# Escapes and wide names are measured: the border stays in line.
	assert_aligned "$how" "$2"
}

tui_start -- -p "$DEMO_PID"
check_hostile UTF-8 '│'
screen | grep -q '线程名字' || fail "UTF-8: the CJK name is not shown"

tm kill-server
sleep 0.2
tui_start LANG=C -- -p "$DEMO_PID"
check_hostile ASCII '|'
LC_ALL=C grep -q -P '[\x80-\xff]' <(screen) &&
	fail "ASCII: non-ASCII bytes on the screen:
$(screen | LC_ALL=C grep -a -P '[\x80-\xff]')"
screen | grep -q -F '`-' || fail "ASCII: no ASCII tree lines:
$(screen)"
echo "PASS: $test_name"
