#!/usr/bin/env bash
# F8 / [ raise and F7 / ] lower the nice value of the selected process (all
# its threads) or thread, after asking; the value is read back from /proc.
# Without CAP_SYS_NICE lowering it is refused in words, and so is another
# user's task.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v setpriv >/dev/null || skip "needs setpriv"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
nsdemo_start
sleep 600 &
V=$!
$NOBODY sleep 600 &
N=$!
trap 'kill $V $N 2>/dev/null; tm kill-server 2>/dev/null; cleanup' EXIT

# The nice value of a thread, from its stat (field 19).
nice_of() {
	sed 's/.*) //' "/proc/$1/task/$2/stat" | awk '{ print $17 }'
}

tui_start -- -p "$V,$DEMO_PID"
wait_for_side_pane_of "$V"
keys F8
wait_for_screen "the prompt" "renice process $V \\(1 thread\\) from 0 to 1\\?"
keys n
wait_for_screen "the cancel" 'nothing reniced'
assert_eq "nice after a cancel" 0 "$(nice_of "$V" "$V")"
keys F8 F8 y
wait_for_screen "the report" "process $V: nice 2"
assert_eq "nice after F8 F8" 2 "$(nice_of "$V" "$V")"
keys ']' Enter
wait_for_screen "the report" "process $V: nice 1"
assert_eq "nice after ]" 1 "$(nice_of "$V" "$V")"
keys F7 F7 F7 y
wait_for_screen "the report" "process $V: nice -2"
assert_eq "nice after F7 x3 (root)" -2 "$(nice_of "$V" "$V")"

# A thread row: only that thread; a process row: every thread.
keys p
type_text "$DEMO_SLEEPER"
keys Enter
wait_for_side_pane_of "$DEMO_SLEEPER"
keys '[' y
wait_for_screen "the thread report" "thread $DEMO_SLEEPER: nice 1"
assert_eq "the thread's nice" 1 "$(nice_of "$DEMO_PID" "$DEMO_SLEEPER")"
assert_eq "its leader's nice" 0 "$(nice_of "$DEMO_PID" "$DEMO_PID")"
keys Left
wait_for_side_pane_of "$DEMO_PID"
# Its threads are at 0 and 1 now: the prompt shows the range, and each
# moves by the steps from its own value (the one at 1 is not set to the
# others' value, nor are they flattened to one).
NTHREADS=$(demo_tids | wc -l)
keys '['
wait_for_screen "the range in the prompt" \
	"renice process $DEMO_PID \\($NTHREADS threads, each \\+1\\) from 0\\.\\.1 to 1\\.\\.2\\?"
keys '[' y
wait_for_screen "the process report" \
	"process $DEMO_PID: nice 2\\.\\.3 \\($NTHREADS threads, each \\+2\\)"
for tid in $(demo_tids); do
	want=2
	[ "$tid" = "$DEMO_SLEEPER" ] && want=3
	assert_eq "thread $tid's nice" $want "$(nice_of "$DEMO_PID" "$tid")"
done
# F7: each moves down by the same steps, from its own value
keys ']' ']' ']' y
wait_for_screen "the process report after F7" \
	"process $DEMO_PID: nice -1\\.\\.0 \\($NTHREADS threads, each -3\\)"
assert_eq "the sleeper's nice after F7" 0 "$(nice_of "$DEMO_PID" "$DEMO_SLEEPER")"
assert_eq "the leader's nice after F7" -1 "$(nice_of "$DEMO_PID" "$DEMO_PID")"

# A step goes from the value the task has now, not from the one on the
# screen: paused (Z), the screen keeps $V's -2 while another program sets
# it; the prompt and the change start from the new value.
keys p
type_text "$V"
keys Enter
wait_for_side_pane_of "$V"
keys Z
renice -n 5 -p "$V" >/dev/null || fail "renice(1) failed"
now=$(nice_of "$V" "$V")
[ "$now" != -2 ] || fail "renice(1) left $V at -2"
keys ']'
wait_for_screen "the prompt from the value now" \
	"renice process $V \\(1 thread\\) from $now to $((now - 1))\\?"
keys y
wait_for_screen "the report from the value now" "process $V: nice $((now - 1)) \\(1 thread\\)"
assert_eq "nice after ] from the value set meanwhile" $((now - 1)) "$(nice_of "$V" "$V")"
keys Z
renice -n -2 -p "$V" >/dev/null
[ "$(nice_of "$V" "$V")" = -2 ] || fail "could not put $V back at -2"

# As nobody: lowering its own sleep's nice needs CAP_SYS_NICE (RLIMIT_NICE
# is 0 here), root's is another user's.
tm kill-server
sleep 0.2
$NOBODY test -x "$TASKTOP" ||
	skip "nobody cannot run $TASKTOP (build outside a private directory)"
[ "$($NOBODY bash -c 'ulimit -e')" = 0 ] || skip "RLIMIT_NICE lets nobody lower nice"
TUI_PREFIX=$NOBODY tui_start -- -p "$N,$V"
wait_for_side_pane_of "$N"
keys F7 y
wait_for_screen "the refusal" "renice process $N to -1: raising priority \\(a lower nice value\\) needs CAP_SYS_NICE"
assert_eq "nobody's sleep untouched" 0 "$(nice_of "$N" "$N")"
keys F8 y
wait_for_screen "nobody may lower its own priority" "process $N: nice 1"
keys p
type_text "$V"
keys Enter
wait_for_side_pane_of "$V"
keys F8 y
wait_for_screen "another user's" "renice process $V to -1: not permitted \\(another user's task"
assert_eq "root's sleep untouched" -2 "$(nice_of "$V" "$V")"
echo "PASS: $test_name"
