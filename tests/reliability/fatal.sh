#!/usr/bin/env bash
# A fatal signal (SIGSEGV, SIGABRT) gives the terminal back before the
# default action: normal screen, cursor shown, keypad and mouse reporting
# off, canonical mode with echo; and tasktop still dies of that signal.
# A hangup (SIGHUP, the pane or session killed) ends it within a second.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
ulimit -c 0	# the killed tasktops leave no core files behind

background sleep 3600
TARGET=$BACKGROUND_PID

# tmux's view of the pane's terminal modes, and what a shell wants back.
MODES='alt=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag}'
MODES+=' cursor_keys=#{keypad_cursor_flag}'
MODES+=' mouse=#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}#{mouse_sgr_flag}'
RESTORED='alt=0 cursor=1 keypad=0 cursor_keys=0 mouse=0000'

pane_format() {
	tm display-message -p -t "$PANE" "$1"
}

# gone_within_1s WHAT PID
gone_within_1s() {
	local tries=0
	while running "$2"; do
		tries=$((tries + 1))
		[ $tries -le 20 ] || fail "$1: tasktop $2 still runs after 1 s"
		sleep 0.05
	done
}

for sig in SEGV ABRT; do
	tui_start -- -p "$TARGET"
	case $(pane_format "$MODES") in
	alt=1*) ;;
	*) fail "SIG$sig: tasktop is not on the alternate screen: $(pane_format "$MODES")" ;;
	esac
	kill -s "$sig" "$(tasktop_pid)" || fail "no tasktop under the pane"
	wait_for_screen "the exit after SIG$sig" "$EXIT_MARK"
	assert_eq "SIG$sig: the exit status the shell saw" \
		"$EXIT_MARK$((128 + $(kill -l "$sig")))" \
		"$(screen | grep -o "${EXIT_MARK}[0-9]*")"
	assert_eq "SIG$sig: the terminal's modes afterwards" "$RESTORED" \
		"$(pane_format "$MODES")"
	assert_shell_modes "SIG$sig"
	tm_stop
	echo "SIG$sig: terminal restored, exit status $((128 + $(kill -l "$sig")))"
done

hangup() {
	local what=$1 pid server
	shift
	tui_start -- -p "$TARGET"
	pid=$(tasktop_pid) || fail "no tasktop under the pane"
	server=$(tm_server_pid)
	"$@"
	gone_within_1s "$what" "$pid"
	tm_stop "$server"
	echo "$what: tasktop gone within 1 s"
}
hangup SIGHUP eval 'kill -HUP "$pid"'
hangup "tmux kill-pane" tm kill-pane -t "$PANE"
hangup "tmux kill-session" tm kill-session -t tasktop
hangup "tmux kill-server" tm kill-server
echo "PASS: $test_name"
