#!/usr/bin/env bash
# Every thread's ten namespace inodes in --json are the kernel's, and only the
# threads that unshared a namespace differ from their process, in that one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools stat
nsdemo_start --threads 2

json_of "$DEMO_PID"
assert_jq "ns_ref_tid of the process" "$JSON" "$(process_q).ns_ref_tid" "$DEMO_PID"
assert_jq "leader_exited" "$JSON" "$(process_q).leader_exited" false

tids=$(demo_tids)
assert_eq "threads of nsdemo" 7 "$(echo "$tids" | wc -l)"
assert_jq "tids in the JSON" "$JSON" "[$(process_q).threads[].tid] | sort" \
	"[$(echo "$tids" | paste -sd,)]"

assert_ns_as_set_up "$JSON"

# The fixture did what it claims, or the checks above prove nothing.
[ "$(kernel_ns "$DEMO_NETNS" net)" != "$(kernel_ns "$DEMO_PID" net)" ] ||
	fail "nsdemo's netns thread shares the leader's network namespace"
[ "$(kernel_ns "$DEMO_UTSNS" uts)" != "$(kernel_ns "$DEMO_PID" uts)" ] ||
	fail "nsdemo's utsns thread shares the leader's UTS namespace"
echo "PASS: $test_name: $(echo "$tids" | wc -l) threads x 10 namespaces"
