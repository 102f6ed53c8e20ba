#!/usr/bin/env bash
# Values shown as right that are not: the kernel's wchan "0" (running, or
# not allowed to tell) shows the unknown mark, never 0; a running thread
# shows no wait channel; a kernel stack denied to root says what denied it
# (a user namespace, a security module), not that it needs root.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v setpriv >/dev/null || skip "needs setpriv"
nsdemo_start
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
BUSY_PID=
SESSIONS=0
# next_session: end this tmux server; the next tui_start gets a new socket
# (not the server still exiting).
next_session() {
	tm kill-server 2>/dev/null
	SESSIONS=$((SESSIONS + 1))
	TMUX_SOCKET=tasktop-test-$$-$SESSIONS
}
trap '[ -n "$BUSY_PID" ] && kill "$BUSY_PID"; tm kill-server 2>/dev/null; cleanup' EXIT

# ---- nobody: root's wchan reads as "0" --------------------------------
if $NOBODY test -x "$TASKTOP" &&
	[ "$($NOBODY cat "/proc/$DEMO_PID/task/$DEMO_SLEEPER/wchan" 2>/dev/null)" = 0 ]; then
	TUI_PREFIX=$NOBODY tui_start -- -p "$DEMO_SLEEPER"
	wait_for_side_pane_of "$DEMO_SLEEPER"
	wait_for_screen "the side pane's unknown wchan" \
		"wchan +- \\(the kernel says 0: running, or not allowed"
	row=$(row_of "$DEMO_SLEEPER")
	[[ $row =~ [0-9]:[0-9][0-9]\.[0-9][0-9]\ -\ +\ [^\ ] ]] ||
		fail "the tree's WCHAN of $DEMO_SLEEPER is not '-': '$row'"
	screen | grep -q -E '[0-9]\.[0-9][0-9] 0 ' && fail "a WCHAN of 0 in the tree:
$(screen)"
	next_session
else
	echo "nobody reads a wchan here, or cannot run $TASKTOP: that part skipped"
fi

# ---- a running thread: no wait channel --------------------------------
sh -c 'while :; do :; done' &
BUSY_PID=$!
tui_start -- -p "$BUSY_PID"
wait_for_side_pane_of "$BUSY_PID"
wait_for_screen "the running thread's wchan" "wchan +none \\(running\\)"
row=$(row_of "$BUSY_PID")
[[ $row =~ [0-9]:[0-9][0-9]\.[0-9][0-9]\ +sh\ -c ]] ||
	fail "the running thread's row shows a WCHAN: '$row'"
next_session

# ---- root in a user namespace: CAP_SYS_ADMIN there does not count -------
if unshare --user --map-root-user true 2>/dev/null; then
	TUI_PREFIX="unshare --user --map-root-user" tui_start -- -p "$DEMO_ACCEPT"
	wait_for_side_pane_of "$DEMO_ACCEPT"
	wait_for_screen "the user namespace's reason" "tasktop runs in a user"
	screen | grep -q "needs root" && fail "root in a user namespace is told it needs root:
$(screen)"
	next_session
else
	echo "no unprivileged user namespaces here: that part skipped"
fi

# ---- root denied by policy (a task root may not ptrace) ---------------
denied=
for pid in 1 $(pgrep -x -d' ' init) $(pgrep -d' ' -x systemd); do
	if ! cat "/proc/$pid/stack" >/dev/null 2>&1 && [ -e "/proc/$pid" ]; then
		denied=$pid
		break
	fi
done
if [ -n "$denied" ]; then
	tui_start -- -p "$denied"
	wait_for_side_pane_of "$denied"
	wait_for_screen "the stack's reason" "kernel stack: permission denied"
	screen | grep -q "needs root" && fail "root is told it needs root:
$(screen)"
	screen | grep -q -E "security|ptrace access" || fail "no reason given:
$(screen)"
else
	echo "root reads every stack here: that part skipped"
fi
echo "PASS: $test_name"
