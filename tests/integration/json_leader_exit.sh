#!/usr/bin/env bash
# A leader that called pthread_exit is a zombie whose ns links don't resolve
# while its threads live on (docs/ARCHITECTURE.md, "Leader exits"): the namespace reference moves to the
# lowest live tid, and the leader's namespaces are null, not made up; the
# live threads' user stacks are still unwound.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools stat
nsdemo_start --leader-exit --threads 1

wait_until "saw the leader become a zombie" \
	grep -q '^State:.*Z' "/proc/$DEMO_PID/status"
[ "$(kernel_ns "$DEMO_PID" net)" = null ] ||
	fail "the zombie leader's ns/net still resolves: the test proves nothing"
lowest_live=$(demo_tids | grep -vx "$DEMO_PID" | head -n 1)
# nsdemo starts the sleeper first; only a wrap of pid_max mid-start-up
# would hand it a higher tid than the namespaced threads.
[ "$lowest_live" = "$DEMO_SLEEPER" ] ||
	skip "tids not handed out in order (pid_max wrapped?): the reference would be a namespaced thread"

json_of "$DEMO_PID"
proc=$(process_q)
assert_jq "leader_exited" "$JSON" "$proc.leader_exited" true
assert_jq "ns_ref_tid (the lowest live tid)" "$JSON" "$proc.ns_ref_tid" \
	"$lowest_live"
assert_jq "tids" "$JSON" "[$proc.threads[].tid] | sort" \
	"[$(demo_tids | paste -sd,)]"
assert_jq "the leader's state" "$JSON" "$(thread_q "$DEMO_PID").state" '"Z"'

# Exit releases most of the leader's namespaces; pid and user may still
# resolve (they hang off its struct pid and creds): whatever the kernel says.
assert_ns_as_set_up "$JSON"
assert_jq "the zombie leader's ns.net" "$JSON" \
	"$(thread_q "$DEMO_PID").ns.net" null
assert_jq "ns values that are 0" "$JSON" \
	"[$proc.threads[].ns | values[] | select(. == 0)] | length" 0

# The live threads are unwound though the leader's maps read empty (a
# zombie has no memory map): the threads share one, read through theirs.
json_of "$DEMO_PID" --ustack
assert_jq "the zombie leader's ustack_error" "$JSON" \
	"$(thread_q "$DEMO_PID").ustack_error" '"exited (zombie): no user stack"'
assert_jq "the live threads' ustack_error" "$JSON" \
	"[$proc.threads[] | select(.tid != $DEMO_PID) | .ustack_error] | unique" '[null]'
assert_jq "the sleeper's chain" "$JSON" \
	"[$(thread_q "$DEMO_SLEEPER").ustack[].symbol] | index(\"sleep_forever\") != null" true
echo "PASS: $test_name"
