#!/usr/bin/env bash
# The seed's scene, through --json --netns and -b -H: a thread setns()es into
# a namespace made by `ip netns add`.  Its namespace is named; there lo is
# down and the sibling's listener on 127.0.0.1 is absent, while in the
# leader's namespace lo is up with 127.0.0.1 and the listener is there.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
netns_add
nsdemo_start --netns "$NETNS"

json_of "$DEMO_PID" --netns
thread_net=$(kernel_ns "$DEMO_NETNS" net)
leader_net=$(kernel_ns "$DEMO_PID" net)
[ "$thread_net" = "$(stat -L -c %i "/run/netns/$NETNS")" ] ||
	fail "nsdemo's netns thread is not in /run/netns/$NETNS"
ns_q() {
	echo ".namespaces[] | select(.type == \"net\" and .inode == $1)"
}

assert_jq "name of the thread's netns" "$JSON" "$(ns_q "$thread_net").name" \
	"\"$NETNS\""
assert_jq "path of the thread's netns" "$JSON" "$(ns_q "$thread_net").path" \
	"\"/run/netns/$NETNS\""
assert_jq "who is in it" "$JSON" \
	"$(ns_q "$thread_net") | [.processes, .partial_processes, .threads, .holder_pid, .holder_tid]" \
	"[0,1,1,null,$DEMO_NETNS]"
assert_jq "the leader's netns has no name" "$JSON" \
	"$(ns_q "$leader_net").name" null

# lo down in the thread's namespace, nothing listening there
assert_jq "interfaces of $NETNS" "$JSON" \
	"$(ns_q "$thread_net").contents.interfaces | map([.name, .up, .addresses])" \
	'[["lo",false,[]]]'
assert_jq "listeners of $NETNS" "$JSON" \
	"$(ns_q "$thread_net").contents.listening" '[]'
# lo up with 127.0.0.1 in the leader's, and the acceptor's listener
assert_jq "lo of the leader's netns" "$JSON" \
	"$(ns_q "$leader_net").contents.interfaces[] | select(.name == \"lo\") | [.up, (.addresses | index(\"127.0.0.1/8\") != null)]" \
	'[true,true]'
assert_jq "the acceptor's listener in the leader's netns" "$JSON" \
	"[$(ns_q "$leader_net").contents.listening[] | select(.proto == \"tcp\" and .address == \"127.0.0.1\" and .port == $DEMO_PORT)] | length" \
	1

# Without --netns there are names but no contents.
json_of "$DEMO_PID"
assert_jq "no contents without --netns" "$JSON" \
	"[.namespaces[] | has(\"contents\")] | any" false
assert_jq "the name without --netns" "$JSON" "$(ns_q "$thread_net").name" \
	"\"$NETNS\""

# -b -H names it in the thread's mark.
run_tasktop "$WORK/batch" -b -H -n 1 -p "$DEMO_PID"
grep -E "^ *$DEMO_NETNS!.*\{netns\} \[netns $NETNS\]$" "$WORK/batch" >/dev/null ||
	fail "-b -H: the netns thread's row lacks [netns $NETNS]:
$(cat "$WORK/batch")"
echo "PASS: $test_name"
