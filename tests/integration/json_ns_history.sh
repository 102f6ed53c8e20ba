#!/usr/bin/env bash
# A thread that moves between a named namespace and its leader's every 2 s
# has each move recorded (from, to, when; the last ones kept in order), and a thread created after the
# first refresh by the thread in the named namespace is marked born foreign.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
netns_add
nsdemo_start --netns "$NETNS" --mover --born-after 2

named=$(stat -L -c %i "/run/netns/$NETNS")
home=$(kernel_ns "$DEMO_PID" net)
start=$(date +%s)
# 7 s of refreshes: the mover moves at 2, 4 and 6 s
run_tasktop "$WORK/lines" --json -d 0.25 -n 28 -p "$DEMO_PID"
last=$(tail -n 1 "$WORK/lines")
echo "$last" >"$WORK/last.json"

changes=$(jq "$(thread_q "$DEMO_MOVER").ns_change.changes" "$WORK/last.json")
[ "$changes" -ge 2 ] ||
	fail "the mover's changes: expected 2 or more, got $changes:
$(jq -c "$(thread_q "$DEMO_MOVER")" "$WORK/last.json")"
assert_jq "the mover's last change is between the two" "$WORK/last.json" \
	"$(thread_q "$DEMO_MOVER").ns_change | [.type, ([.from, .to] | sort)]" \
	"[\"net\",$(printf '%s\n' "$named" "$home" | sort -n | jq -s -c .)]"
when=$(jq "$(thread_q "$DEMO_MOVER").ns_change.time | floor" "$WORK/last.json")
[ "$when" -ge "$start" ] && [ "$when" -le "$(date +%s)" ] ||
	fail "the mover's last change at $when: not during the run ($start..now)"
# The kept changes go back and forth, each from where the one before went,
# at times that only grow.
jq -e "$(thread_q "$DEMO_MOVER").ns_changes as \$c | (\$c | length) >= 2 and
	([range(1; \$c | length) | \$c[.].from == \$c[. - 1].to and
	  \$c[.].time >= \$c[. - 1].time] | all)" "$WORK/last.json" >/dev/null ||
	fail "the mover's ns_changes do not chain:
$(jq -c "$(thread_q "$DEMO_MOVER").ns_changes" "$WORK/last.json")"
assert_jq "the last of ns_changes is ns_change" "$WORK/last.json" \
	"$(thread_q "$DEMO_MOVER") | (.ns_changes[-1] | [.from, .to, .time]) == (.ns_change | [.from, .to, .time])" true
# Every line where the mover is in the named one says so in its last change.
jq -e -s "map($(thread_q "$DEMO_MOVER") | select(.ns.net == $named) |
	.ns_change.to == $named) | all" "$WORK/lines" >/dev/null ||
	fail "a refresh showed the mover in $NETNS without that change"

born=$(jq "[$(process_q).threads[] | select(.comm == \"born\")][0].tid" "$WORK/last.json")
[ "$born" != null ] || fail "no thread named born in the last refresh"
assert_jq "born is in $NETNS" "$WORK/last.json" "$(thread_q "$born").ns.net" "$named"
assert_jq "born is marked born foreign" "$WORK/last.json" \
	"$(thread_q "$born").born_foreign" true
assert_jq "born never changed" "$WORK/last.json" "$(thread_q "$born").ns_change" null
assert_jq "the netns thread was there from the start" "$WORK/last.json" \
	"$(thread_q "$DEMO_NETNS").born_foreign" false
echo "PASS: $test_name: $changes moves"
