#!/usr/bin/env bash
# The seed's scene in the interactive view: the process row keeps its "!"
# when expanded; } finds the thread in the namespace made by `ip netns add`
# and the side pane names it, shows lo down there and lo up with the
# acceptor's 127.0.0.1 listener in the leader's namespace, and how to enter
# it; o lists that namespace as held by the thread alone, Enter lists the
# thread, Enter again jumps to it.  Without -p, o also lists a namespace
# that only a bind mount holds.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
netns_add
trap 'tm kill-server 2>/dev/null; ip netns del "$NETNS" 2>/dev/null; cleanup' EXIT
nsdemo_start --netns "$NETNS"
tui_start -- -p "$DEMO_PID"
wait_for_side_pane_of "$DEMO_PID"

expand_demo
row_of "$DEMO_PID" | grep -q -E ' ! ' ||
	fail "the expanded process row lost its '!': $(row_of "$DEMO_PID")"

keys '}'
wait_for_side_pane_of "$DEMO_NETNS"
wait_for_screen "the namespace's name on the net line" \
	"  net +$(kernel_ns "$DEMO_NETNS" net) +differs +$NETNS"
wait_for_screen "its block and the leader's side by side" \
	"its netns $NETNS +leader's netns $(kernel_ns "$DEMO_PID" net)"
wait_for_screen "the nsenter command" \
	"nsenter --net=/proc/$DEMO_PID/task/$DEMO_NETNS/ns/net"
wait_for_screen "the ip netns command" "ip netns exec $NETNS sh"
wait_for_screen "lo down here, up there" '^.*│ lo down +lo up'
screen | grep -E "│ +listening: nothing" >/dev/null ||
	fail "the thread's netns shows a listener:
$(screen)"
# The leader's netns may hold many listeners (other tests run at the same
# time): scroll the side pane down to the acceptor's.
keys Tab
for _ in $(seq 10); do
	screen | grep -q -E "tcp 127\\.0\\.0\\.1:$DEMO_PORT( |$)" && break
	keys NPage
done
screen | grep -q -E "tcp 127\\.0\\.0\\.1:$DEMO_PORT( |$)" ||
	fail "the leader's listener 127.0.0.1:$DEMO_PORT is not shown:
$(screen)"
keys Tab

# { goes back to the same (only) marked thread from the sleeper
keys Home
keys '{'
wait_for_side_pane_of "$DEMO_NETNS"

keys o
wait_for_screen "the namespace overview" '^namespaces: [0-9]+'
wait_for_screen "the thread-held namespace with its holder and name" \
	"^net +$(kernel_ns "$DEMO_NETNS" net) +0 +1 +1 thread $DEMO_NETNS netns.* $NETNS"
line=$(screen | grep -n -E "^net +$(kernel_ns "$DEMO_NETNS" net) " | cut -d: -f1)
first=$(screen | grep -n -E '^[a-z]+ +[0-9]+ ' | head -n 1 | cut -d: -f1)
for _ in $(seq $((line - first))); do keys Down; done
keys Enter
wait_for_screen "the namespace's task list" "^tasks in net $(kernel_ns "$DEMO_NETNS" net) $NETNS: 1"
keys Enter
wait_for_screen "the tree again" 'PID/TID'
wait_for_side_pane_of "$DEMO_NETNS"
# One without a name: no blank before the colon.
keys o
wait_for_screen "the namespace overview again" '^namespaces: [0-9]+'
keys Home Enter
wait_for_screen "an unnamed namespace's task list" '^tasks in [a-z_]+ [0-9]+: [0-9]+ '
keys Escape Escape
wait_for_screen "the tree again" 'PID/TID'

# Without -p, a namespace only a bind mount holds is on the system too.
IDLE=$NETNS-idle
ip netns add "$IDLE" || fail "ip netns add $IDLE failed"
trap 'tm kill-server 2>/dev/null; ip netns del "$NETNS" 2>/dev/null; ip netns del "$IDLE" 2>/dev/null; cleanup' EXIT
tm kill-server
sleep 0.2
TUI_WAIT_TRIES=600 tui_start --
keys o
TUI_WAIT_TRIES=600 wait_for_screen "the overview of the whole system" '^namespaces: [0-9]+'
for _ in $(seq 40); do
	screen | grep -q -E "^net +$(stat -L -c %i "/run/netns/$IDLE") .* a bind mount only +$IDLE" && break
	keys Down
done
screen | grep -q -E "^net +$(stat -L -c %i "/run/netns/$IDLE") +0 +0 +0 a bind mount only +$IDLE" ||
	fail "the namespace only a bind mount holds is not listed:
$(screen)"
echo "PASS: $test_name"
