#!/usr/bin/env bash
# -p with a tid that no listing of /proc shows resolves to its whole thread
# group (docs/ARCHITECTURE.md, "Hidden tids").
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
nsdemo_start

if ls /proc | grep -qx "$DEMO_NETNS"; then
	fail "ls /proc lists thread $DEMO_NETNS: the test needs a hidden tid"
fi
[ -d "/proc/$DEMO_NETNS" ] || fail "/proc/$DEMO_NETNS does not resolve"

json_of "$DEMO_NETNS"
assert_jq "processes shown for -p $DEMO_NETNS" "$JSON" \
	"[.processes[].pid]" "[$DEMO_PID]"
assert_jq "pid of the process" "$JSON" ".processes[0].pid" "$DEMO_PID"
assert_jq "tids shown for -p $DEMO_NETNS" "$JSON" \
	"[.processes[0].threads[].tid] | sort" "[$(demo_tids | paste -sd,)]"
assert_jq "comm of the hidden thread" "$JSON" "$(thread_q "$DEMO_NETNS").comm" \
	'"netns"'
echo "PASS: $test_name"
