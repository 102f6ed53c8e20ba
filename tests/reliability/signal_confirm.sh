#!/usr/bin/env bash
# The kill prompt sends nothing at all until y or Enter: whichever signal
# is chosen, n, Esc, Ctrl-C, q or any other key cancels, and the target, which reports every
# signal it gets (sigcount.c), gets none, is not stopped and lives on.
# Then y sends the chosen signal once; a target that exited while the prompt
# waited gets "it has exited", not a signal.  (tests/tui/signal.sh sees only that
# a cancelled SIGTERM leaves a sleeper alive.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
SIGCOUNT=$top_builddir/tests/reliability/sigcount
[ -x "$SIGCOUNT" ] || fail "no sigcount binary at $SIGCOUNT"

background "$SIGCOUNT" --lifetime 60 >"$WORK/signals" 2>"$WORK/sigcount.err"
TARGET=$BACKGROUND_PID
wait_until "saw sigcount ready" grep -q "^pid=$TARGET\$" "$WORK/signals"
tui_start -- -p "$TARGET"
wait_for_side_pane_of "$TARGET"

# The target's state letter: T when stopped.
target_state() {
	awk '$1 == "State:" { print $2 }' "/proc/$TARGET/status"
}

assert_nothing_received() {
	sleep 0.3	# a signal sent would be caught and written by now
	kill -0 "$TARGET" 2>/dev/null || fail "$1: the target died"
	assert_eq "$1: signals received" "" "$(grep '^signal' "$WORK/signals")"
	assert_eq "$1: the target's state" S "$(target_state)"
}

# cancel WHAT CHOICE-KEYS… -- CANCEL-KEY: open the prompt (k clears the
# last message: the prompt takes its line), choose, cancel.
cancel() {
	local what=$1
	shift
	keys k
	wait_for_screen "the prompt ($what)" "send SIGTERM to process $TARGET\\?"
	while [ "$1" != -- ]; do
		keys "$1"
		shift
	done
	keys "$2"
	wait_for_screen "the cancel ($what)" 'no signal sent'
	assert_nothing_received "$what"
}

cancel "TERM, n" -- n
cancel "TERM, Esc" -- Escape
cancel "KILL, N" 2 -- N
cancel "STOP, Esc" 5 -- Escape
cancel "CONT, q" 6 -- q
cancel "USR1, x" 7 -- x
cancel "INT, Ctrl-C" 4 -- C-c
cancel "USR2 by arrows, space" Left -- Space
cancel "HUP, k again" 3 -- k
kill -0 "$(tasktop_pid)" || fail "tasktop did not survive the cancels"

keys k 7
wait_for_screen "USR1 chosen" "send SIGUSR1 to process $TARGET\\?"
keys y
wait_for_screen "the report" "sent SIGUSR1 to process $TARGET"
wait_until "saw the target get SIGUSR1" grep -q "^signal $(kill -l USR1)\$" "$WORK/signals"
sleep 0.3
assert_eq "signals received after one y" "signal $(kill -l USR1)" \
	"$(grep '^signal' "$WORK/signals")"

# The target exits while the prompt waits: y reports that, sends nothing.
keys k
wait_for_screen "the prompt again" "send SIGTERM to process $TARGET\\?"
kill -KILL "$TARGET"
wait "$TARGET" 2>/dev/null
keys y
wait_for_screen "the report of an exited target" \
	"SIGTERM to process $TARGET: it has exited"
echo "PASS: $test_name"
