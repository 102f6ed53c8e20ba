#!/usr/bin/env bash
# SIGTERM (and SIGHUP) end tasktop within a second with the terminal
# restored: normal screen, canonical mode, echo; so does losing the terminal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start

for sig in TERM HUP; do
	tui_start -- -p "$DEMO_PID"
	pid=$(tasktop_pid) || fail "no tasktop process under the pane"
	kill -s "$sig" "$pid"
	wait_for_screen "the exit after SIG$sig" "$EXIT_MARK"
	status=$(screen | grep -o "${EXIT_MARK}[0-9]*")
	[ "$status" != "${EXIT_MARK}0" ] ||
		fail "SIG$sig: tasktop exited 0, as if quit normally"
	screen | grep -q 'PID/TID' && fail "SIG$sig: the tree is still there:
$(screen)"
	screen | grep -q -x icanon || fail "SIG$sig: left without icanon:
$(screen)"
	screen | grep -q -x echo || fail "SIG$sig: left without echo:
$(screen)"
	tm kill-server
	sleep 0.2
done
# A terminal that goes away (the pane's server killed): tasktop must exit,
# not spin on it.
tui_start -- -p "$DEMO_PID"
pid=$(tasktop_pid) || fail "no tasktop process under the pane"
tm kill-server
wait_until "saw tasktop exit with its terminal gone" \
	sh -c "! kill -0 $pid 2>/dev/null"
echo "PASS: $test_name"
