#!/usr/bin/env bash
# As an unprivileged user, a root process's stacks and namespaces are
# denied: tasktop still exits 0, says "permission denied", and makes no
# value up (no 0 inodes, no namespace differences it cannot know).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools setpriv
nsdemo_start

as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}
as_nobody test -x "$TASKTOP" ||
	skip "user 65534 cannot run $TASKTOP (a private build directory?)"
if as_nobody readlink "/proc/$DEMO_PID/task/$DEMO_NETNS/ns/net" >/dev/null 2>&1; then
	skip "this kernel lets any user read root's ns links"
fi

out=$WORK/nobody.json
status=0
as_nobody "$TASKTOP" --json --stack -n 1 -p "$DEMO_PID" >"$out" 2>"$WORK/err" ||
	status=$?
assert_eq "exit status as nobody (stderr: $(head -c 300 "$WORK/err"))" 0 "$status"
jq -e . "$out" >/dev/null || fail "output as nobody is not JSON: $(head -c 300 "$out")"

threads="$(process_q).threads[]"
assert_jq "tids" "$out" "[$threads.tid] | sort" "[$(demo_tids | paste -sd,)]"
assert_jq "stacks" "$out" "[$threads.stack] | unique" "[null]"
assert_jq "stack errors" "$out" "[$threads.stack_error] | unique" \
	'["permission denied"]'
assert_jq "ns values" "$out" "[$threads.ns[]] | unique" "[null]"
assert_jq "ns_differs" "$out" "[$threads.ns_differs] | unique" "[[]]"
assert_jq "ns_ref_tid" "$out" "$(process_q).ns_ref_tid" null
assert_jq "the user" "$out" "$(process_q).user" '"root"'
assert_jq "the netns thread's comm (readable by anyone)" "$out" \
	"$(thread_q "$DEMO_NETNS").comm" '"netns"'
assert_jq "ns values that are 0, in any process" "$out" \
	"[.processes[].threads[].ns | values[] | select(. == 0)] | length" 0
echo "PASS: $test_name"
