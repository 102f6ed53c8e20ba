#!/usr/bin/env bash
# --stack reads each thread's kernel stack: the acceptor's shows accept;
# without --stack no stack is read.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
nsdemo_start
wait_for_accept

json_of "$DEMO_PID" --stack
acceptor=$(thread_q "$DEMO_ACCEPT")
assert_jq "acceptor's stack has an accept frame" "$JSON" \
	"[$acceptor.stack[] | select(test(\"accept\"))] | length > 0" true
assert_jq "acceptor's stack_error" "$JSON" "$acceptor.stack_error" null
assert_jq "acceptor's syscall is accept or accept4" "$JSON" \
	"$acceptor.syscall | IN(\"accept\", \"accept4\")" true
assert_jq "sleeper's stack has no accept frame" "$JSON" \
	"[$(thread_q "$DEMO_SLEEPER").stack[] | select(test(\"accept\"))] | length" 0
assert_jq "sleeper's stack is a non-empty list" "$JSON" \
	"$(thread_q "$DEMO_SLEEPER").stack | type == \"array\" and length > 0" true

json_of "$DEMO_PID"
assert_jq "threads with a \"stack\" key without --stack" "$JSON" \
	"[$(process_q).threads[] | has(\"stack\")] | unique" "[true]"
assert_jq "stacks without --stack" "$JSON" \
	"[$(process_q).threads[].stack] | unique" "[null]"
echo "PASS: $test_name"
