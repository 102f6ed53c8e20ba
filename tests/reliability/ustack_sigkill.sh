#!/usr/bin/env bash
# tasktop SIGKILLed while it unwinds (--json --ustack -d 0, so it always
# is): its helper dies with it, and the kernel resumes what it held.  After
# each kill no thread of the target is stopped (t or T), every TracerPid
# is 0, and the target's 1 ms ticker still ticks.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_root_for "ptrace of a root-owned fixture, and its RT ticker"
require_fixtures
command -v jq >/dev/null || skip "needs jq"
fixture_start -- --pool 12 --stats "$WORK/stats"

ticks() {
	od -An -t u8 -N 8 "$WORK/stats" | tr -d ' '
}

# The helper is tasktop's only child.
helper_of() {
	pgrep -P "$1" | head -n 1
}

gone() {
	! kill -0 "$1" 2>/dev/null
}

for round in 1 2 3 4 5 6 7 8; do
	out=$WORK/out.$round
	"$TASKTOP" --json --ustack -d 0 -n 100000 -p "$FX_PID" >"$out" 2>&1 &
	tt=$!
	FX_PIDS+=("$tt")	# killed on exit too, should a check fail first
	wait_until "tasktop's first sample (round $round)" test -s "$out"
	helper=$(helper_of "$tt")
	[ -n "$helper" ] || fail "round $round: no unwind helper under tasktop $tt"
	sleep "0.0$((RANDOM % 10))"
	kill -KILL "$tt"
	wait "$tt" 2>/dev/null
	wait_until "the helper $helper gone after tasktop's SIGKILL" gone "$helper"
	assert_nothing_stopped "$FX_PID"
	before=$(ticks)
	sleep 0.2
	after=$(ticks)
	[ "$after" -gt $((before + 50)) ] ||
		fail "round $round: the ticker ticked $((after - before)) times in 0.2 s"
	head -n 1 "$out" | jq -e '[.processes[].threads[].ustack | select(. != null)] | length > 0' \
		>/dev/null || fail "round $round: the first sample has no user stack: $(head -c 300 "$out")"
done
echo "PASS: $test_name"
