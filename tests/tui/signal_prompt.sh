#!/usr/bin/env bash
# The signal prompt at 80 columns: every part of it shows (the choices,
# t, Enter, Esc), a thread target is told when the signal acts on its whole
# process, Enter sends the chosen signal (htop's habit), and Ctrl-C cancels
# a prompt (this one and the search line) instead of quitting tasktop.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
SIGCOUNT=$top_builddir/tests/reliability/sigcount
[ -x "$SIGCOUNT" ] || fail "no sigcount binary at $SIGCOUNT"

background "$SIGCOUNT" --thread --lifetime 60 >"$WORK/signals"
TARGET=$BACKGROUND_PID
wait_until "saw sigcount ready" grep -q '^thread=' "$WORK/signals"
THREAD=$(sed -n 's/^thread=//p' "$WORK/signals")
tui_start -- -p "$THREAD"
wait_for_side_pane_of "$THREAD"
tm resize-window -t tasktop -x 80 -y 24
sleep 0.3

keys k
wait_for_screen "the thread prompt" "send SIGTERM to thread $THREAD \\(process $TARGET\\)\\?"
for part in 't: whole process' "Unless it is handled, SIGTERM ends all of process $TARGET\\." \
	'1 TERM 2 KILL 3 HUP 4 INT 5 STOP 6 CONT 7 USR1 8 USR2' \
	'Enter: send  Esc: cancel'; do
	wait_for_screen "'$part' at 80 columns" "$part"
done
[ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 80 ] || fail "a line wider than 80 columns:
$(screen)"
keys 5
wait_for_screen "STOP's note" "SIGSTOP stops all of process $TARGET, not only this thread\\."
keys 6
wait_for_screen "CONT's note" "SIGCONT resumes all of process $TARGET\\."
keys t
wait_for_screen "the process target" "send SIGCONT to process $TARGET\\?"
wait_for_no_screen "a note for a process" "resumes all of"
keys C-c
wait_for_screen "Ctrl-C cancels" 'no signal sent'
kill -0 "$(tasktop_pid)" || fail "Ctrl-C in the prompt ended tasktop"

# Enter sends what is chosen, to the thread alone.
keys k 7 Enter
wait_for_screen "the report" "sent SIGUSR1 to thread $THREAD"
wait_until "saw the thread get SIGUSR1" \
	grep -q "^signal $(kill -l USR1) tid $THREAD\$" "$WORK/signals"

keys /
wait_for_screen "the search line" 'search:'
type_text sig
keys C-c
wait_for_no_screen "the search line after Ctrl-C" 'search:'
kill -0 "$(tasktop_pid)" || fail "Ctrl-C in the search prompt ended tasktop"

# Outside a prompt Ctrl-C still quits.
keys C-c
wait_for_screen "tasktop's exit" "$EXIT_MARK"
assert_eq "exit status after Ctrl-C" "${EXIT_MARK}130" \
	"$(screen | grep -o "${EXIT_MARK}[0-9]*")"
echo "PASS: $test_name"
