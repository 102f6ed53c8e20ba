#!/usr/bin/env bash
# Without privileges the side pane says why a field is missing (the kernel
# stack needs CAP_SYS_ADMIN, another user's ns links are denied) and never
# shows a value for it; the grouped view (B) groups nothing it cannot read.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v setpriv >/dev/null || skip "needs setpriv"
TUI_PREFIX="setpriv --reuid=65534 --regid=65534 --clear-groups"
$TUI_PREFIX test -x "$TASKTOP" ||
	skip "nobody cannot run $TASKTOP (build outside a private directory)"
nsdemo_start
if $TUI_PREFIX readlink "/proc/$DEMO_PID/task/$DEMO_NETNS/ns/net" >/dev/null 2>&1; then
	skip "nobody can read root's ns links here"
fi
tui_start -- -p "$DEMO_NETNS"

wait_for_side_pane_of "$DEMO_NETNS"
wait_for_screen "the stack's reason" \
	"kernel stack: permission denied"
wait_for_screen "the stack's remedy, whole" "CAP_SYS_ADMIN\\)"
screen | grep -q "/proc/$DEMO_NETNS/stack" ||
	fail "the reason does not name the file:
$(screen)"
screen | grep -q -E '  net +permission denied' ||
	fail "the denied net namespace is not said to be denied:
$(screen)"
screen | grep -q -E '  net +[0-9]' &&
	fail "a denied net namespace shows a number:
$(screen)"

# B: nothing of root's threads can be read (stacks, wchan, syscall), so
# the grouped view says they are not grouped, not "1 group".
keys B
wait_for_screen "the grouped view's title" \
	"PID $DEMO_PID .*: not grouped \\(kernel stack, wchan and syscall: permission denied"
screen | grep -q -E ': [0-9]+ groups? ' && fail "a group count for threads nothing was read of:
$(screen)"
echo "PASS: $test_name"
