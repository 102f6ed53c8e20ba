#!/usr/bin/env bash
# B groups stackdemo's threads: the 40 pool threads are the first row;
# unfolding shows their chain and tids; Enter on a tid selects it in the
# tree; s samples into shares of thread-time; Esc returns to the tree.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
. "$top_srcdir/tests/integration/stackdemo_lib.sh"
require_tui
stackdemo_start
tui_start -- -p "$SD_PID" -d 0.2

# -p PID selects the process row; B opens its groups
wait_for_screen "stackdemo's process row" "^ *$SD_PID "
keys B
wait_for_screen "the grouped view's title" "^PID $SD_PID .*5 groups by kernel stack, live"
first=$(screen | grep -A1 -E "^PID $SD_PID " | sed -n 2p)
[[ $first =~ ^\ +40\ \ S\ .*futex ]] ||
	fail "the first group row is not the 40 pool threads in futex: '$first'
$(screen)"
screen | grep -q -E '^ +3  R .*in user space' ||
	fail "no row of the 3 spinners in user space:
$(screen)"

# unfold: the chain, then every pool tid
keys Enter
wait_for_screen "the pool's chain" '^ {6}futex_do_wait\+0x|^ {6}futex_wait[a-z_]*\+0x'
for tid in ${SD_POOL//,/ }; do
	screen | grep -q -E "^ {6}tid $tid " && continue
	# a short terminal shows the first rows; the first tid is enough there
	[ "$tid" = "${SD_POOL%%,*}" ] && fail "tid $tid not listed:
$(screen)"
done

# down to the first tid (past the chain's lines), Enter: back in the tree
# with that thread selected
tid=${SD_POOL%%,*}
chain_lines=$(screen | grep -c -E '^ {6}[^t ]|^ {6}t[^i]')
for _ in $(seq 0 "$chain_lines"); do
	keys Down
done
keys Enter
wait_for_screen "the tree again" 'PID/TID'
wait_for_side_pane_of "$tid"
assert_row "the jumped-to thread" "$tid"

# B again, s: sampled shares
keys B
wait_for_screen "the grouped view again" "^PID $SD_PID "
keys s
wait_for_screen "sampling under way or done" 'sampling [0-9]+/60|60 samples'
wait_for_screen "the sampled result" '60 samples 0.05 s apart'
first=$(screen | grep -A1 -E "^PID $SD_PID " | sed -n 2p)
[[ $first =~ ^\ *87%\ of\ thread-time:\ 40\ threads\ \ S ]] ||
	fail "the first sampled row: '$first'
$(screen)"

# b: every thread unwound, the groups by kernel+user chains
keys b
wait_for_screen "the unwound groups" "^PID $SD_PID .*by kernel\\+user stack, unwound at"
first=$(screen | grep -A1 -E "^PID $SD_PID " | sed -n 2p)
# the states are the last refresh's: it may have caught one pool thread
# stopped by the unwinder ("39 S 1 t"), which is what it was then
[[ $first =~ ^\ +40\ \ .*futex.*pool_worker ]] ||
	fail "the first unwound row is not the pool in pool_worker: '$first'
$(screen)"
screen | grep -q -E '^ +3  R .*in user space.*spin_loop' ||
	fail "no row of the 3 spinners in spin_loop:
$(screen)"

# Esc: back to the tree
keys Escape
wait_for_screen "the tree after Esc" 'PID/TID'
keys q
wait_for_screen "tasktop's exit" "$EXIT_MARK"
echo "PASS: $test_name"
