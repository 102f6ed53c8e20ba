#!/usr/bin/env bash
# htop's everyday keys: I inverts (threads too), H lists threads flat, K
# hides kernel threads, u picks a user, the filter narrows an expanded
# process to its matching threads and highlights the match, space tags and
# U untags, c tags a subtree, P M T sort, Z pauses, F follows, F3 searches
# and F4 filters.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"
expand_demo

# The row numbers (screen lines) of the given ids, in screen order.
order_of() {
	local id
	for id in "$@"; do
		screen | grep -n -E "^ *$id " | head -n 1 | cut -d: -f1
	done | paste -sd' '
}
ascending() {
	[ "$(printf '%s\n' "$@" | sort -n | paste -sd' ')" = "$*" ]
}

# I: threads inside their process follow the sort direction.
# (not the leader: its id heads the process row too)
tids=$(demo_tids | grep -v -x "$DEMO_PID" | paste -sd' ')
# shellcheck disable=SC2086
ascending $(order_of $tids) || fail "threads not in ascending tid order:
$(screen)"
keys I
wait_for_screen "the inverted sort" 'sort PID-'
sleep 0.2
# shellcheck disable=SC2086
lines=$(order_of $tids)
# shellcheck disable=SC2086
ascending $(echo $lines | tr ' ' '\n' | tac | paste -sd' ') ||
	fail "I: threads not in descending tid order ($lines):
$(screen)"
keys I
wait_for_screen "the sort back" 'sort PID\+'

# H: a flat list of threads, no process rows: every row is named by its
# thread's comm, none by the process's command line.
keys H
wait_for_screen "the flat thread list" 'flat threads'
assert_row "a thread in the flat list" "$DEMO_NETNS"
assert_row "the leader's thread in the flat list" "$DEMO_PID"
screen | grep -q -F "$NSDEMO" &&
	fail "H: a process row (its command line) is still shown:
$(screen)"
keys H
wait_for_screen "the flat process list" ' flat *$'
keys t
wait_for_screen "the tree" ' tree'

# \ on an expanded process: only the matching thread stays, and the match
# is drawn in another style than the rest of its name.
keys '\'
type_text netns
keys Enter
wait_for_screen "the netns thread" "^ *$DEMO_NETNS "
assert_no_row "the sleeper under the filter" "$DEMO_SLEEPER"
screen_sgr | grep -a -E "^.{0,40}$DEMO_NETNS " | grep -q -a -E $'\e\\[[0-9;]*m(netns)' ||
	fail "the match is not highlighted: $(screen_sgr | grep -a "$DEMO_NETNS ")"
keys F4 C-u Enter			# htop's filter key: the same prompt
wait_for_screen "every thread again" "^ *$DEMO_SLEEPER "
# F3: htop's search key, the search prompt
keys F3
wait_for_screen "the search prompt after F3" 'search:'
type_text sleeper
keys Enter
wait_for_side_pane_of "$DEMO_SLEEPER"

# space tags (and moves down), U untags.
keys Home
keys Space
wait_for_screen "one tagged" 'tagged 1'
keys Space
wait_for_screen "two tagged" 'tagged 2'
keys U
wait_for_no_screen "no tag" 'tagged'

# P M T sort by CPU%, memory, TIME+, largest first.
keys M
wait_for_screen "sort by memory, named as its column" 'sort RES-'
keys T
wait_for_screen "sort by TIME+" 'sort TIME\+-'
keys P
wait_for_screen "sort by CPU%" 'sort CPU%-'

# Z pauses (space no longer does).
keys Z
wait_for_screen "paused" 'PAUSED'
keys Z
wait_for_no_screen "resumed" 'PAUSED'

# K hides kernel threads; the header says so.
keys K
wait_for_screen "kernel threads hidden" 'no kthreads'
keys K
wait_for_no_screen "kernel threads shown" 'no kthreads'

# F follows until a move.
keys F
wait_for_screen "following" '  follow'
keys Down
wait_for_no_screen "following ends with a move" '  follow'

# u: the list of users; Enter on root keeps nsdemo (root's), Esc closes.
keys u
wait_for_screen "the user menu" 'show the processes of'
screen | grep -q -E '^ \(all users\)' || fail "no '(all users)' entry:
$(screen)"
keys Down Enter
wait_for_screen "the user filter" 'user root'
assert_row "root's nsdemo" "$DEMO_PID"
keys u Home Enter
wait_for_no_screen "no user filter" 'user root'

# c tags a process and every process below it: this shell and nsdemo, its
# child.
tm kill-server
sleep 0.2
tui_start -- -p "$$,$DEMO_PID"
wait_for_screen "nsdemo under the shell" "^ *$DEMO_PID .*[└|\`]"
keys Home c
wait_for_screen "c tagged two" 'tagged 2'

# The F2 list moves as the tree does: Home / g to the first line, End / G
# to the last (space then acts on the line the cursor is on).
keys F2
wait_for_screen "the setup screen" 'tasktop setup: columns'
# the column on a line of the list
setup_column() {
	sed -E 's/^ \[.\] ([^ ]+) .*/\1/'
}
for home_end in "Home/End" "g/G"; do
	first=$(screen | grep -m 1 -E '^ \[.\] ' | setup_column)
	last=$(screen | grep -E '^ \[.\] ' | tail -n 1 | setup_column)
	keys Down Down Down "${home_end%/*}" Space
	wait_for_screen "$first hidden after ${home_end%/*}" "^ \[ \] $first "
	keys Space "${home_end#*/}" Space
	wait_for_screen "$last shown after ${home_end#*/}" "^ \[x\] $last "
	keys Space
	wait_for_screen "$last hidden again" "^ \[ \] $last "
done
# On a terminal shorter than the list, End scrolls it: the cursor's line
# is drawn, and space acts on the line seen.
top=$(screen | grep -m 1 -E '^ \[.\] ' | setup_column)
tm resize-window -t tasktop -x 100 -y 12
keys End
wait_for_screen "the last line scrolled into view" "^ \[ \] $last "
keys Space
wait_for_screen "$last shown on a short terminal" "^ \[x\] $last "
# A chosen column the tree has no room for says so on its line, and one
# it has room for does not.
tm resize-window -t tasktop -x 80 -y 12
wait_for_screen "a chosen column without room" "^ \[x\] $last .*not shown: no room"
tm resize-window -t tasktop -x 160 -y 12
wait_for_no_screen "the note once there is room" "^ \[x\] $last .*not shown"
tm resize-window -t tasktop -x 100 -y 12
keys Space Home
wait_for_screen "the first line back after Home" "^ \[x\] $top "
screen | grep -q -E "^ \[.\] $last " && fail "the last line still drawn after Home:
$(screen)"
echo "PASS: $test_name"
