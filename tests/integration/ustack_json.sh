#!/usr/bin/env bash
# --json --ustack unwinds every thread of a program built -O2 -g without
# frame pointers: each waits in its named function, in the right order,
# with the fixture's file:line; the spinner unwinds while it runs; the C++
# frame is demangled; nothing is left stopped.  Without --ustack nothing
# is unwound.  -b -H --ustack writes the frames under the rows.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_root
require_tools
require_fixtures
fixture_start
fixture_cxx_start
wait_until "saw the spinner running" \
	grep -q '^State:.R' "/proc/$FX_PID/task/$FX_SPINNER/status"

json_of "$FX_PID" --ustack
assert_jq "threads without a user stack (tid: why)" "$JSON" \
	'[.processes[].threads[] | select(.ustack == null) | "\(.tid): \(.ustack_error)"]' '[]'
assert_order "$JSON" "${FX_POOL[0]}" pthread_cond_wait pool_wait_for_work \
	pool_thread start_thread
assert_order "$JSON" "$FX_EPOLL" epoll_wait epoll_loop_wait epoll_thread
assert_order "$JSON" "$FX_READER" read pipe_read_block reader_thread
assert_order "$JSON" "$FX_SPINNER" spin_forever spinner_thread start_thread
assert_order "$JSON" "$FX_TICKER" tick_sleep ticker_thread
assert_order "$JSON" "$FX_PID" sleep main

frame_q() {	# the first frame of thread $1 whose symbol is $2
	echo "[.processes[].threads[] | select(.tid == $1) | .ustack[] | select(.symbol == \"$2\")][0]"
}
for check in "${FX_POOL[0]} pool_wait_for_work pool" \
    "$FX_EPOLL epoll_loop_wait epoll" "$FX_READER pipe_read_block reader"; do
	set -- $check
	assert_jq "thread $1: $2's file:line" "$JSON" \
		"$(frame_q "$1" "$2") | \"\(.file | split(\"/\") | last):\(.line)\"" \
		"\"ustack_fixture.c:$(line_of "$3")\""
	assert_jq "thread $1: $2's module" "$JSON" \
		"$(frame_q "$1" "$2") | .module | endswith(\"/ustack_fixture\")" true
done
assert_jq "every frame has exactly the schema's keys" "$JSON" \
	'[.processes[].threads[].ustack[] | keys] | unique' \
	'[["file","inlined","line","module","offset","pc","symbol"]]'
assert_jq "no thread has a ustack_error" "$JSON" \
	'[.processes[].threads[].ustack_error] | unique' '[null]'
assert_jq "all 9 threads unwound" "$JSON" \
	'[.processes[].threads[] | select(.ustack | length > 2)] | length' 9
assert_jq "offsets are numbers on non-inlined frames with a symbol" "$JSON" \
	'[.processes[].threads[].ustack[] | select(.symbol != null and (.inlined | not)) | .offset | type] | unique' \
	'["number"]'
assert_nothing_stopped "$FX_PID"

json_of "$CX_PID" --ustack
assert_order "$JSON" "$CX_WAITER" "ns::Class::method(int)" "waiter_main(void*)"
assert_nothing_stopped "$CX_PID"

# -b -H --ustack: the frames indented under each thread's row; without -d
# no first look, so every row's CPU% is "-" (unknown).
run_tasktop "$WORK/batch" -b -H --ustack -n 1 -p "$FX_PID"
cpus=$(awk '/^ +[0-9]+ / { print ($2 ~ /^[A-Z]$/) ? $3 : $4 }' "$WORK/batch" | sort -u)
[ "$cpus" = - ] || fail "-b -H --ustack without -d: CPU% not all '-': $cpus
$(head -n 4 "$WORK/batch")"
grep -A12 -E "^ *${FX_POOL[0]} " "$WORK/batch" | grep -q -E \
	"^ +#[0-9]+ pool_wait_for_work\+0x[0-9a-f]+ \(ustack_fixture\) at .*ustack_fixture\.c:$(line_of pool)\$" ||
	fail "-b -H --ustack: no pool_wait_for_work frame under ${FX_POOL[0]}'s row:
$(head -n 30 "$WORK/batch")"
assert_no_control_bytes "-b -H --ustack" "$WORK/batch"
assert_nothing_stopped "$FX_PID"

json_of "$FX_PID"
assert_jq "without --ustack" "$JSON" \
	'[.processes[].threads[] | [.ustack, .ustack_error]] | unique' \
	'[[null,"not read"]]'
# The sample written shows the threads as they are, not as tasktop's own
# unwinding leaves them (a pool thread caught stopped, t, or just let go, R,
# on a busy machine): with -d the first look's wait (min(-d, 0.2 s)) ends
# before any thread is stopped.  Without -d, --ustack is a snapshot, as
# eu-stack's: no wait, CPU% null.  strace -f orders tasktop's sleeps and
# waits and its helper's first PTRACE_SEIZE.
# traced NAME ARGS…: --json --ustack -n 1 -p FX_PID ARGS… under strace, into
# $WORK/NAME.trace and $WORK/NAME.json; sets MAIN (tasktop's pid),
# SEIZED (the first PTRACE_SEIZE's time) and SLEPT (when the main thread's
# first sleep ended, or empty).
traced() {
	local name=$1 trace=$WORK/$1.trace
	shift
	# LeakSanitizer can't stop the world under a tracer: off for this run.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -ttt -T -qq -o "$trace" \
		-e trace=ptrace,nanosleep,clock_nanosleep,poll,ppoll,select,pselect6,epoll_wait,epoll_pwait \
		"$TASKTOP" --json --ustack -n 1 -p "$FX_PID" "$@" >"$WORK/$name.json" 2>&1 ||
		fail "--json --ustack -n 1 $* under strace: $(head -c 300 "$WORK/$name.json")"
	MAIN=$(awk 'NR == 1 {print $1}' "$trace")
	SLEPT=$(awk -v m="$MAIN" '$1 == m && /nanosleep/ && !/unfinished/ {print $2; exit}' "$trace")
	SEIZED=$(awk '/PTRACE_SEIZE/ {print $2; exit}' "$trace")
	[ -n "$SEIZED" ] || fail "$name: no PTRACE_SEIZE in the trace:
$(head -n 20 "$trace")"
	JSON=$WORK/$name.json
	assert_nothing_stopped "$FX_PID"
}

traced order -d 0.2
[ -n "$SLEPT" ] || fail "-d 0.2: no first look's sleep in the trace:
$(head -n 20 "$WORK/order.trace")"
awk -v a="$SLEPT" -v b="$SEIZED" 'BEGIN {exit !(b > a)}' ||
	fail "-d 0.2: a thread was stopped at $SEIZED, before the first look's wait ended at $SLEPT"
assert_jq "-d 0.2: every thread's CPU% a number" "$JSON" \
	'[.processes[].threads[].cpu_percent | type] | unique' '["number"]'
assert_jq "-d 0.2: the CPU% interval, about 0.2 s" "$JSON" \
	'.cpu_interval_s | . >= 0.19 and . < 2' true

# Without -d: no sleep at all, and no wait of 50 ms or more of tasktop's
# that ended before the first thread was stopped (its helper waits for the
# requests meanwhile).
traced nowait
[ -z "$SLEPT" ] || fail "without -d: tasktop slept (until $SLEPT) before unwinding:
$(head -n 20 "$WORK/nowait.trace")"
waited=$(awk -v m="$MAIN" -v b="$SEIZED" '$1 == m && $2 < b && !/unfinished/ && / <[0-9.]+>$/ {
	d = $NF; gsub(/[<>]/, "", d); if (d + 0 >= 0.05) { print; exit } }' "$WORK/nowait.trace")
[ -z "$waited" ] || fail "without -d: a wait before the first PTRACE_SEIZE: $waited"
assert_jq "without -d: CPU% null (no interval)" "$JSON" \
	'[.processes[] | .cpu_percent, .threads[].cpu_percent] | unique' '[null]'
assert_jq "without -d: no CPU% interval" "$JSON" '.cpu_interval_s' null
assert_jq "without -d: still every thread unwound" "$JSON" \
	'[.processes[].threads[].ustack_error] | unique' '[null]'

traced cpu -d 0.1
assert_jq "-d 0.1: every thread's CPU% a number" "$JSON" \
	'[.processes[].threads[].cpu_percent | type] | unique' '["number"]'
assert_jq "-d 0.1: the CPU% interval, about 0.1 s" "$JSON" \
	'.cpu_interval_s | . >= 0.09 and . < 2' true
echo "PASS: $test_name"
