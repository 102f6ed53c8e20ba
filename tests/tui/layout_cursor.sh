#!/usr/bin/env bash
# From 80 to ~100 columns the tree keeps its essential columns (USER,
# WCHAN) and the side pane is not squeezed beside it; v puts it beside or
# takes it away.  When the selected thread exits the cursor keeps its
# place: the next thread, not the process row.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
SIGCOUNT=$top_builddir/tests/reliability/sigcount
[ -x "$SIGCOUNT" ] || fail "no sigcount binary at $SIGCOUNT"

background "$SIGCOUNT" --threads 3 --lifetime 60 >"$WORK/signals"
TARGET=$BACKGROUND_PID
wait_until "saw sigcount ready" eval '[ "$(grep -c ^thread= "$WORK/signals")" = 3 ]'
mapfile -t THREADS < <(sed -n 's/^thread=//p' "$WORK/signals")
tui_start -- -p "${THREADS[0]}"
wait_for_side_pane_of "${THREADS[0]}"

titles() {
	screen | sed -n 2p
}
beside() {	# the side pane's border on the title line
	titles | grep -q '│'
}

for cols in 80 90 100 115; do
	tm resize-window -t tasktop -x "$cols" -y 30
	sleep 0.5
	for col in USER WCHAN; do
		titles | grep -q -w "$col" || fail "$cols columns: no $col column:
$(screen)"
	done
done
beside || fail "115 columns: the side pane is not beside the tree:
$(screen)"
tm resize-window -t tasktop -x 80 -y 30
sleep 0.3
beside && fail "80 columns: the side pane squeezes the tree:
$(screen)"
keys v
wait_for_side_pane_of "${THREADS[0]}"
beside || fail "80 columns, v: the side pane is not beside:
$(screen)"
keys v
wait_for_no_screen "80 columns, v again: the side pane" "thread ${THREADS[0]} "
tm resize-window -t tasktop -x 160 -y 40
sleep 0.3
beside && fail "hidden with v, it came back at 160 columns:
$(screen)"
keys v
wait_for_side_pane_of "${THREADS[0]}"

# The selected thread exits (SIGUSR2 ends it): the next thread is selected.
keys k 8 Enter
wait_for_screen "the report" "sent SIGUSR2 to thread ${THREADS[0]}"
wait_until "saw thread ${THREADS[0]} exit" eval '[ ! -e /proc/$TARGET/task/${THREADS[0]} ]'
wait_for_side_pane_of "${THREADS[1]}"
sleep 1.2	# a refresh more: it stays
wait_for_side_pane_of "${THREADS[1]}"
echo "PASS: $test_name"
