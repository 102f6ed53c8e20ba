#!/usr/bin/env bash
# b on a thread: its side pane shows the call chain, kernel frames then
# user frames with the fixture's file:line, unwound again at each refresh
# while the selection stays; moving away stops it.  b on a process row
# unwinds its leader.  Nothing is left stopped or traced: checked once the
# unwinds have ended (while a thread is selected one may be in flight at
# any moment, and the thread is then stopped for its length, rightly).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_tui
require_fixtures
fixture_start
pool=${FX_POOL[0]}
tui_start -- -d 0.3 -p "$pool"
wait_for_side_pane_of "$pool"

keys b
wait_for_screen "the user frame of pool_wait_for_work" '#[0-9]+ +pool_wait_for_work\+0x[0-9a-f]+'
wait_for_screen "its module and file:line" \
	" ustack_fixture  ustack_fixture\.c:$(line_of pool)( |$)"
wait_for_screen "pthread_cond_wait above it" '#[0-9]+ +pthread_cond_wait\+0x'
screen >"$WORK/screen"
kernel=$(grep -n 'call chain: kernel stack' "$WORK/screen" | head -n 1 | cut -d: -f1)
user=$(grep -n 'user stack (stopped' "$WORK/screen" | head -n 1 | cut -d: -f1)
inner=$(grep -n 'pool_wait_for_work+0x' "$WORK/screen" | head -n 1 | cut -d: -f1)
outer=$(grep -n 'pool_thread+0x' "$WORK/screen" | head -n 1 | cut -d: -f1)
[ -n "$kernel" ] && [ -n "$user" ] && [ -n "$inner" ] && [ -n "$outer" ] &&
	[ "$kernel" -lt "$user" ] && [ "$user" -lt "$inner" ] && [ "$inner" -lt "$outer" ] ||
	fail "expected kernel frames, then user frames innermost first:
$(cat "$WORK/screen")"

# Unwound again at each refresh (every 0.3 s) while selected: each unwind
# wakes the thread at least once.  A busy machine refreshes late, so this
# waits for four wake-ups, up to 6 s.
before=$(voluntary_switches "$FX_PID" "$pool")
for _ in $(seq 60); do
	after=$(voluntary_switches "$FX_PID" "$pool")
	[ "$after" -ge $((before + 4)) ] && break
	sleep 0.1
done
[ "$after" -ge $((before + 4)) ] ||
	fail "pool thread woken $((after - before)) times in 6 s at -d 0.3: not unwound again"

# Moving away drops it: the next thread shows its kernel stack only, and
# the pool thread is left alone.
keys Down
wait_for_side_pane_of "${FX_POOL[1]}"
wait_for_no_screen "the user stack after moving away" 'user stack'
sleep 1		# a request sent just before the move may still be answered
before=$(voluntary_switches "$FX_PID" "$pool")
sleep 1
after=$(voluntary_switches "$FX_PID" "$pool")
assert_eq "unwinds of the pool thread after moving away" 0 $((after - before))
assert_nothing_stopped "$FX_PID"

# On the process row, b unwinds the leader: main, in sleep.
keys Left
wait_for_side_pane_of "$FX_PID"
keys b
wait_for_screen "the leader's main frame" '#[0-9]+ +main\+0x'
keys Down
wait_for_no_screen "the leader's user stack after moving away" 'user stack'
# the leader sleeps: only an unwind wakes it; none for 1 s, none in flight
for _ in $(seq 20); do
	before=$(voluntary_switches "$FX_PID" "$FX_PID")
	sleep 1
	after=$(voluntary_switches "$FX_PID" "$FX_PID")
	[ "$after" = "$before" ] && break
done
assert_eq "unwinds of the leader after moving away" 0 $((after - before))
assert_nothing_stopped "$FX_PID"
echo "PASS: $test_name"
