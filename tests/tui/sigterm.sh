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
	# the shell prints stty's icanon, then echo, after the exit mark
	wait_for_screen "the shell's stty lines after SIG$sig" '^-?echo$'
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
# not spin on it; also with the start of an escape sequence or of a paste
# still waiting for its end (a lone ESC once spun forever on the hangup).
# Started by exec, tasktop is the pane's session leader, as in ssh -t HOST
# tasktop; started from the pane's shell, it is not.
# The test's own shell is the process shown: it lives as long as the loop,
# however slow the build (nsdemo's lifetime is a minute).
for how in shell exec exec; do
for bytes in "" "1b" "1b 5b" "1b 4f" "1b 5b 32 30 30 7e 61" "1b" "1b"; do
	if [ $how = shell ]; then
		tui_start -- -p "$$"
		pid=$(tasktop_pid) || fail "no tasktop process under the pane"
	else
		tm -f /dev/null new-session -d -s tasktop -x 160 -y 45 \
			"exec env LANG=C.UTF-8 LC_ALL= XDG_CONFIG_HOME=$WORK/config $TASKTOP -p $$" ||
			fail "tmux new-session failed"
		wait_for_screen "tasktop's tree pane" 'PID/TID'
		pid=$(tm display-message -p -t "$PANE" '#{pane_pid}')
	fi
	[ -z "$bytes" ] || tm send-keys -t "$PANE" -H $bytes
	# the hangup at several points of reading the sequence (a race)
	[ -z "$bytes" ] || sleep "0.0$((RANDOM % 8))"
	tm kill-server
	tries=0
	while kill -0 "$pid" 2>/dev/null; do
		tries=$((tries + 1))
		[ $tries -le 40 ] && { sleep 0.05; continue; }
		kill -9 "$pid"
		fail "tasktop ($how) did not exit with its terminal gone (after '${bytes:-nothing}')"
	done
	# the server ends after its panes: then the next one can start
	tries=0
	while tm has-session 2>/dev/null && [ $tries -lt 40 ]; do
		tries=$((tries + 1))
		sleep 0.05
	done
done
done
echo "PASS: $test_name"
