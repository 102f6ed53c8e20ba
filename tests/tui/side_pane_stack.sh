#!/usr/bin/env bash
# The acceptor's side pane shows its kernel stack, blocked in accept, and
# the syscall it is in.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
wait_for_accept
tui_start -- -p "$DEMO_ACCEPT"

# -p TID opens the process with that thread selected.
wait_for_side_pane_of "$DEMO_ACCEPT"
wait_for_screen "an accept frame" 'inet_csk_accept\+0x|[a-z_]*accept[a-z_0-9]*\+0x'
wait_for_screen "the syscall name" 'syscall +accept'
echo "PASS: $test_name"
