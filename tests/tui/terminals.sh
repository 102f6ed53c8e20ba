#!/usr/bin/env bash
# Terminals that cannot be drawn on, from a real terminal (a tmux pane):
# TERM=dumb (no cursor addressing) and an unknown TERM say so in one line;
# stdout into a pipe (tasktop | cat) or stdin from /dev/null say to use -b
# or --json and exit 2, writing no escape sequence anywhere.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui

# run_in_pane WHAT COMMAND: COMMAND in a fresh pane; its screen afterwards
# (the exit mark last) into $WORK/screen.
PANES=0
run_in_pane() {
	tm kill-server 2>/dev/null
	PANES=$((PANES + 1))
	TMUX_SOCKET=tasktop-test-$$-$PANES	# not the server still exiting
	tm -f /dev/null new-session -d -s tasktop -x 100 -y 20 \
		"$2; echo $EXIT_MARK\$?; sleep 600" || fail "tmux new-session failed"
	wait_for_screen "$1: the exit mark" "$EXIT_MARK"
	screen | sed '/^$/d' >"$WORK/screen"
}

# expect_one_line WHAT STATUS TEXT: one line before the exit mark, saying
# TEXT, and the exit status.
expect_one_line() {
	assert_eq "$1: lines before the exit mark ($(cat "$WORK/screen"))" 2 \
		"$(wc -l <"$WORK/screen")"
	grep -q -F -- "$3" "$WORK/screen" || fail "$1: does not say '$3':
$(cat "$WORK/screen")"
	assert_eq "$1: exit status" "$EXIT_MARK$2" "$(tail -n 1 "$WORK/screen")"
}

run_in_pane "TERM=dumb" "env TERM=dumb $TASKTOP"
expect_one_line "TERM=dumb" 1 \
	"tasktop: cannot use this terminal (TERM=dumb: no cursor addressing)"
run_in_pane "an unknown TERM" "env TERM=no-such-terminal $TASKTOP"
expect_one_line "an unknown TERM" 1 "TERM=no-such-terminal: not in the terminfo database"

run_in_pane "stdout a pipe" "bash -c '$TASKTOP | od -c >$WORK/pipe; exit \${PIPESTATUS[0]}'"
expect_one_line "stdout a pipe" 2 \
	"tasktop: stdout is not a terminal: use -b for text or --json for JSON Lines"
assert_eq "what went into the pipe" "0000000" "$(cat "$WORK/pipe")"

run_in_pane "stdin /dev/null" "$TASKTOP </dev/null"
expect_one_line "stdin /dev/null" 2 "tasktop: stdin is not a terminal"
echo "PASS: $test_name"
