#!/usr/bin/env bash
# Keys in every encoding a terminal sends, as raw bytes (send-keys -H):
# cursor keys as ESC [ x and ESC O x, Home and End in all six spellings, in
# the tree and in a prompt; an unknown sequence does nothing; pasted text
# (bracketed, as the terminal sends it) goes into a prompt as text, and
# outside one does nothing: it never acts as keys.  The cursor keys with
# Ctrl, Alt or Shift act as the plain ones, decoded by curses or not; the
# keypad's keys as what is printed on them.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"
wait_for_side_pane_of "$DEMO_PID"
tm select-pane -t "$PANE" -T keys-test-title
FIRST=$DEMO_PID
LAST=$(demo_tids | tail -n 1)
SECOND=$(demo_tids | sed -n 2p)

# raw BYTES…: hex bytes, as a terminal would write them.
raw() {
	tm send-keys -t "$PANE" -H "$@"
}

# The keypad in application mode (curses' keypad() asks for it; tmux and
# PuTTY then send VT100's codes): p, ID in its digits (ESC O p .. y), its
# Enter (ESC O M) attach there; its - (ESC O m) and + (ESC O k) collapse
# and expand.  They did nothing at all.
keypad_keys() {
	local id=$1 d bytes=()
	raw 1b 4f 6d
	wait_for_no_screen "no thread rows after keypad -" "^ *$DEMO_NETNS "
	raw 1b 4f 6b
	wait_for_screen "the threads after keypad +" "^ *$DEMO_NETNS "
	keys p
	for ((d = 0; d < ${#id}; d++)); do
		bytes+=(1b 4f "$(printf %x $((0x70 + ${id:d:1})))")
	done
	raw "${bytes[@]}" 1b 4f 4d
	wait_for_side_pane_of "$id"
}

raw 1b 5b 43			# ESC [ C: Right, expand
wait_for_screen "the threads after ESC [ C" "^ *$DEMO_NETNS "
raw 1b 5b 42 1b 5b 42		# ESC [ B twice: Down onto the leader's thread row, the next
wait_for_side_pane_of "$SECOND"
raw 1b 4f 41			# ESC O A: Up
wait_for_side_pane_of "$FIRST"
raw 1b 4f 42			# ESC O B: Down
wait_for_side_pane_of "$SECOND"
raw 1b 5b 44			# ESC [ D: Left, to the process
wait_for_side_pane_of "$FIRST"
for end_home in "1b 5b 46/1b 5b 48" "1b 4f 46/1b 4f 48" \
	"1b 5b 34 7e/1b 5b 31 7e" "1b 5b 38 7e/1b 5b 37 7e"; do
	# shellcheck disable=SC2086
	raw ${end_home%/*}
	wait_for_side_pane_of "$LAST"
	# shellcheck disable=SC2086
	raw ${end_home#*/}
	wait_for_side_pane_of "$FIRST"
done
keypad_keys "$DEMO_SLEEPER"
raw 1b 5b 39 39 7a 71		# ESC [ 9 9 z: nothing; then q
wait_for_screen "q after an unknown sequence" "$EXIT_MARK"
assert_eq "exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
tm kill-server
TMUX_SOCKET=tasktop-test-$$-2	# a new server, not the one still exiting

tui_start -- -p "$DEMO_PID"
wait_for_side_pane_of "$DEMO_PID"
tm select-pane -t "$PANE" -T keys-test-title
# In the search prompt the arrows (both spellings) edit nothing and close
# nothing.
keys /
wait_for_screen "the search line" 'search:'
type_text ns
raw 1b 5b 44 1b 4f 44 1b 5b 48 1b 5b 46
sleep 0.2
wait_for_screen "the search line after arrows" 'search: ns( |$)'

# The issue's paste into the prompt: text, sanitized; focus stays.
keys C-u
raw 1b 5b 32 30 30 7e 61 62 1b 5d 30 3b 50 57 4e 45 44 07 09 67 68 \
	1b 5b 32 30 31 7e
wait_for_screen "the pasted text in the prompt" 'search: ab\]0;PWNED gh( |$)'
screen | grep -q 'Tab: back' && fail "the paste moved the focus:
$(screen)"
assert_eq "the pane's title" keys-test-title \
	"$(tm display-message -p -t "$PANE" '#{pane_title}')"
keys Escape
wait_for_no_screen "the search line after Esc" 'search:'

# Outside a prompt a paste does nothing: not q, not k, not Tab.
raw 1b 5b 32 30 30 7e 6b 09 71 1b 5b 32 30 31 7e
sleep 0.3
screen | grep -q -e 'send SIG' -e 'Tab: back' -e "$EXIT_MARK" &&
	fail "pasted k, Tab, q acted as keys:
$(screen)"
# The terminal's own paste: tmux brackets it only when tasktop asked.
tm set-buffer q
tm paste-buffer -p -t "$PANE"
sleep 0.3
screen | grep -q "$EXIT_MARK" && fail "a pasted q quit: bracketed paste is off"
keys q
wait_for_screen "q quits" "$EXIT_MARK"
tm kill-server
TMUX_SOCKET=tasktop-test-$$-3

# Ctrl, Alt and Shift with the cursor keys, in xterm's spelling, under a
# terminfo entry that names them (kDN5 …): curses decodes them to codes of
# its own, which act as the plain keys (as they do undecoded under TERM=
# screen, above), and never as text in a prompt.
tui_start TERM=xterm-256color -- -p "$DEMO_PID"
wait_for_side_pane_of "$DEMO_PID"
raw 1b 5b 31 3b 35 43		# Ctrl-Right: expand
wait_for_screen "the threads after Ctrl-Right" "^ *$DEMO_NETNS "
# (each: the bytes, the thread the side pane then follows)
for step in "1b 5b 31 3b 35 42 1b 5b 31 3b 35 42/$SECOND" \
	"1b 5b 31 3b 35 41/$FIRST" "1b 5b 31 3b 33 42/$SECOND" \
	"1b 5b 31 3b 32 41/$FIRST" "1b 5b 31 3b 32 42/$SECOND" \
	"1b 5b 31 3b 35 46/$LAST" "1b 5b 31 3b 35 48/$FIRST"; do
	# Ctrl-Down twice, Ctrl-Up, Alt-Down, Shift-Up, Shift-Down,
	# Ctrl-End, Ctrl-Home
	# shellcheck disable=SC2086
	raw ${step%/*}
	wait_for_side_pane_of "${step#*/}"
done
keys /
wait_for_screen "the search line" 'search:'
type_text ns
raw 1b 5b 31 3b 35 44 1b 5b 31 3b 35 43 1b 5b 31 3b 33 41
sleep 0.2
wait_for_screen "the search line after Ctrl/Alt arrows" 'search: ns( |$)'
keys Escape
wait_for_no_screen "the search line after Esc" 'search:'
# xterm's entry names the keypad (ka1, kb1, kpADD …): curses decodes those
keypad_keys "$DEMO_SLEEPER"
keys q
wait_for_screen "q quits" "$EXIT_MARK"
assert_eq "exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
echo "PASS: $test_name"
