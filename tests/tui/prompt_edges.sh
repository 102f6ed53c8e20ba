#!/usr/bin/env bash
# The edges a tester found around the prompts:
# - the window shrinks to "too small" while the signal prompt is open:
#   Enter must not send blind (the prompt is cancelled);
# - the too-small message gives the minimum and the size it has;
# - a zombie leader's thread row: the signal goes to its process (a signal
#   to the dead thread itself would be dropped while "sent" was said);
# - p takes a pasted line: spaces around the id;
# - Ctrl-\ (SIGQUIT) ends tasktop with the terminal restored.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
SIGCOUNT=$top_builddir/tests/reliability/sigcount
[ -x "$SIGCOUNT" ] || fail "no sigcount binary at $SIGCOUNT"

background "$SIGCOUNT" --threads 2 --leader-exits --lifetime 60 >"$WORK/signals"
TARGET=$BACKGROUND_PID
wait_until "saw sigcount ready" eval '[ "$(grep -c ^thread= "$WORK/signals")" = 2 ]'
wait_until "saw the leader a zombie" grep -q '^State:.*Z' "/proc/$TARGET/status"
tui_start -- -p "$TARGET"
wait_for_screen "the process of an exited leader" "of process $TARGET \\(leader exited\\)"

# Too small with the prompt open: Enter sends nothing.
keys k 7
wait_for_screen "the prompt" "send SIGUSR1 to process $TARGET"
tm resize-window -t tasktop -x 30 -y 6
wait_for_screen "too small" "too small: 30x6, needs 40x10"
keys Enter
tm resize-window -t tasktop -x 160 -y 45
wait_for_screen "the cancel" "no signal sent"
sleep 0.3
assert_eq "signals after Enter on a too-small screen" "" "$(grep '^signal' "$WORK/signals")"

# The zombie leader's thread row: to the process, said so.
keys Right Down
wait_for_screen "the leader's thread row" "leader $TARGET .*leader exited"
keys k
wait_for_screen "the exited thread's prompt" "thread $TARGET has exited: only its process takes a signal"
wait_for_screen "its process asked about" "send SIGTERM to process $TARGET"
keys 7 Enter
wait_for_screen "the report" "sent SIGUSR1 to process $TARGET"
wait_until "saw a live thread take SIGUSR1" grep -q "^signal $(kill -l USR1) tid " "$WORK/signals"

# p with a pasted line (bracketed: the newline becomes a space).
THREAD=$(sed -n 's/^thread=//p' "$WORK/signals" | tail -n 1)
keys p
tm send-keys -t "$PANE" -H 1b 5b 32 30 30 7e 20 $(printf '%s' "$THREAD" | od -An -tx1) 0a 1b 5b 32 30 31 7e
keys Enter
wait_for_side_pane_of "$THREAD"

keys 'C-\'
wait_for_screen "the exit on Ctrl-\\" "$EXIT_MARK"
assert_eq "exit status after SIGQUIT" "${EXIT_MARK}131" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
assert_eq "the alternate screen after SIGQUIT" 0 "$(tm display-message -p -t "$PANE" '#{alternate_on}')"
assert_eq "mouse reporting after SIGQUIT" 0 "$(tm display-message -p -t "$PANE" '#{mouse_any_flag}')"
assert_shell_modes "after SIGQUIT"
echo "PASS: $test_name"
