#!/usr/bin/env bash
# -b -H: a row per thread; the thread in its own network namespace carries
# the netns mark ('!' after the TID, " [netns]" after the name) and its
# siblings don't; no control byte reaches the output.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
nsdemo_start --threads 2

out=$WORK/batch.txt
run_tasktop "$out" -b -H -n 1 -p "$DEMO_PID"
assert_no_control_bytes "-b -H output" "$out"

# The thread row of a tid: the tid right-aligned, a mark, then the name in
# braces ({comm}) further on; process rows have no braces.
thread_row() {
	grep -E "^ *$1[ !*] .*\{" "$out"
}

rows=0
for tid in $(demo_tids); do
	row=$(thread_row "$tid") || fail "no thread row for tid $tid in:
$(cat "$out")"
	[ "$(echo "$row" | wc -l)" -eq 1 ] || fail "tid $tid has several rows:
$row"
	rows=$((rows + 1))
	case $tid in
	"$DEMO_NETNS")
		[[ $row =~ ^\ *$tid!\  ]] ||
			fail "netns thread's row has no '!' after its tid: '$row'"
		[[ $row == *'{netns} [netns]' ]] ||
			fail "netns thread's row does not end in '{netns} [netns]': '$row'"
		;;
	*)
		[[ $row =~ ^\ *$tid! ]] &&
			fail "thread $tid shares the net namespace but has '!': '$row'"
		[[ $row == *'[netns]'* ]] &&
			fail "thread $tid shares the net namespace but has [netns]: '$row'"
		;;
	esac
	if [ "$tid" = "$DEMO_UTSNS" ]; then
		[[ $row =~ ^\ *$tid\*\  && $row == *'{utsns} [uts]' ]] ||
			fail "utsns thread's row lacks '*' and ' [uts]': '$row'"
	fi
done
assert_eq "thread rows" 7 "$rows"

process_row=$(grep -E "^ *$DEMO_PID[ !*] " "$out" | grep -v '{') ||
	fail "no process row for $DEMO_PID in:
$(cat "$out")"
[[ $process_row =~ ^\ *$DEMO_PID!\  ]] ||
	fail "the process row does not show that a thread's netns differs: '$process_row'"
head -n 1 "$out" | grep -q -E ', 1 process, 7 threads, ' ||
	fail "the header does not say '1 process, 7 threads': $(head -n 1 "$out")"

# -p TID without -H: the thread named shows, under its process.
run_tasktop "$out" -b -n 1 -p "$DEMO_UTSNS"
thread_row "$DEMO_UTSNS" >/dev/null || fail "-b -p $DEMO_UTSNS: no row for the thread named:
$(cat "$out")"
grep -q -E "^ *$DEMO_PID[ !*] .*nsdemo" "$out" || fail "-b -p $DEMO_UTSNS: no row for its process:
$(cat "$out")"
echo "PASS: $test_name: $rows thread rows"
