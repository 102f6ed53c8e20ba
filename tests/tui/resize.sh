#!/usr/bin/env bash
# Down to 40x10 and back: every frame is whole (header, titles, hint line,
# the side pane beside the tree only when wide), with nothing left over.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"
expand_demo

# assert_frame WHAT LINES: header first, titles second, hint line last, and
# no line wider than the pane.
assert_frame() {
	local s lines cols
	s=$(screen)
	lines=$(echo "$s" | wc -l)
	cols=$(tm display-message -p -t "$PANE" '#{pane_width}')
	[ "$lines" -eq "$2" ] || fail "$1: $lines lines, expected $2:
$s"
	echo "$s" | head -n 1 | grep -q '^tasktop ' || fail "$1: no header:
$s"
	echo "$s" | sed -n 2p | grep -q '^PID/TID' || fail "$1: no titles:
$s"
	echo "$s" | tail -n 1 | grep -q '^F1 ? help' || fail "$1: no hint line:
$s"
	echo "$s" | awk -v c="$cols" '{ if (length($0) > c) exit 1 }' ||
		fail "$1: a line wider than $cols columns:
$s"
}

tm resize-window -t tasktop -x 40 -y 10
wait_for_no_screen "the side pane at 40 columns" 'kernel stack'
wait_for_screen "the header at 40 columns" '^tasktop '
assert_frame "at 40x10" 10
assert_row "the process at 40x10" "$DEMO_PID"

keys Tab
wait_for_screen "the side pane over the tree" 'kernel stack'
keys Tab
wait_for_no_screen "the side pane after Tab" 'kernel stack'

tm resize-window -t tasktop -x 160 -y 45
wait_for_screen "the side pane at 160 columns" 'kernel stack'
assert_frame "back at 160x45" 45
# Every body line has the border in the same column: nothing stale.
assert_aligned "back at 160x45" '│'
echo "PASS: $test_name"
