#!/usr/bin/env bash
# One repaint is one write(2), or as few as its bytes need: over ssh every
# write can become a packet of its own.  ncurses 6 flushes after each cursor
# move until the screen has once been left and resumed (src/ui/loop.c,
# terminal_start): a Down-key repaint was 4-40 writes.  strace shows each
# frame's writes to the terminal: those between two polls of the event loop
# (the one on three fds; ncurses' own typeahead check polls one).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v strace >/dev/null || skip "needs strace"
nsdemo_start
trace=$WORK/writes.trace
# No refresh while the keys are pressed: the frames are the keys' (the
# cursor's move at once, the new thread's detail after a pause in the keys).
TUI_PREFIX="strace -f -qq -o $trace -e trace=read,write,poll" \
	tui_start -- -d 600 -p "$DEMO_PID"
expand_demo
wait_for_side_pane_of "$DEMO_PID"
tids=($(demo_tids))
[ ${#tids[@]} -ge 3 ] || fail "nsdemo has ${#tids[@]} threads, expected 3 or more"
# The first Down goes from the process row to its leader's thread row.
for tid in "${tids[@]:0:3}"; do
	keys Down
	wait_for_side_pane_of "$tid"
	sleep 0.2
done
keys q
wait_for_screen "the exit" "$EXIT_MARK"
# writes:bytes of each frame that wrote, from the event loop's first poll
# (the terminal's setup before it writes a few sequences of its own, once)
# up to the q (endwin's writes come after it); ncurses' buffer holds (LINES + 2) x (COLS + 6) bytes,
# 7,802 in this 160x45 pane, so a frame needs bytes / 7802 + 1 writes.
frames=$(awk '
	NR == 1 { main = $1 }
	$1 != main { next }
	/ read\(0, "q"/ { exit }
	/ poll\(\[.*\], 3, / { if (w) printf "%d:%d ", w, b; w = b = 0; loop = 1; next }
	/ write\(1, / && loop { w++; b += $NF }
	END { if (w) printf "%d:%d ", w, b }' "$trace")
echo "writes:bytes of each frame: $frames"
set -- $frames
[ $# -ge 5 ] || fail "fewer frames than keys in the trace: $frames"
for frame in "$@"; do
	writes=${frame%%:*} bytes=${frame#*:}
	[ "$writes" -le $((bytes / 7802 + 1)) ] ||
		fail "a frame of $bytes bytes took $writes write(2) calls: $frames"
done
echo "PASS: $test_name"
