#!/usr/bin/env bash
# With libc's separate debug file installed (Debian: libc6-dbg, whose
# .debug_* sections are compressed), a pool thread's libc frames have their
# file:line and the calls inlined at the pc: pthread_cond_wait, with
# __pthread_cond_wait_common and __futex_abstimed_wait_common64 inlined.
# The helper reads libc's DWARF from an uncompressed image of that file in
# a memfd (docs/ARCHITECTURE.md "User stacks"); with the image turned off
# (TASKTOP_DEBUG_IMAGE=0, the plain file handed to libdw as before) every
# frame is the same.  With -p the image is begun before the first thread
# is stopped (unwinder_prepare).  Skips without libc6-dbg.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_root
require_tools strace readelf
require_fixtures
fixture_start

libc=$(awk '$6 ~ /\/libc[.]so/ {print $6; exit}' "/proc/$FX_PID/maps")
[ -n "$libc" ] || fail "the fixture maps no libc: $(cat "/proc/$FX_PID/maps")"
id=$(readelf -n "$libc" | sed -n 's/^ *Build ID: *//p')
debug=/usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug
[ -n "$id" ] && [ -f "$debug" ] ||
	skip "no debug file for $libc ($debug): install libc6-dbg"
readelf -S -W "$debug" | grep -q ' .debug_info .* C ' ||
	skip "$debug: .debug_info is not compressed, no image to make"

# the frames of the threads that sit still (the spinner and the ticker move)
still='[.processes[].threads[] | select(.tid != '"$FX_SPINNER"' and .tid != '"$FX_TICKER"') | {tid, ustack, ustack_error}]'
libc_frames() {	# the pool thread's frames in libc
	jq "[.processes[].threads[] | select(.tid == ${FX_POOL[0]}) | .ustack[] |
		select(.module | tostring | test(\"/libc[.]so\"))]" "$1"
}

ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	strace -f -qq -e trace=memfd_create,ptrace -o "$WORK/image.trace" \
	"$TASKTOP" --json --ustack -n 1 -d 0 -p "$FX_PID" >"$WORK/image.json" 2>&1 ||
	fail "--json --ustack under strace: $(head -c 300 "$WORK/image.json")"
made=$(grep -n -m 1 'memfd_create("tasktop-debug-image"' "$WORK/image.trace" | cut -d: -f1)
seized=$(grep -n -m 1 'PTRACE_SEIZE' "$WORK/image.trace" | cut -d: -f1)
[ -n "$made" ] || fail "no debug image was made: $(head -n 20 "$WORK/image.trace")"
# -p PID: the helper is told of the process first, and starts on libc's
# image from where its threads wait, before it stops any
[ -n "$seized" ] && [ "$made" -lt "$seized" ] ||
	fail "the image was begun (line $made) after the first stop (line $seized)"
frames=$(libc_frames "$WORK/image.json")
assert_order "$WORK/image.json" "${FX_POOL[0]}" __futex_abstimed_wait_common64 \
	__pthread_cond_wait_common pthread_cond_wait pool_wait_for_work
echo "$frames" | jq -e 'length > 0 and ([.[] | select(.file == null or .line == 0)] | length == 0)' >/dev/null ||
	fail "a libc frame of the pool thread without its file:line: $frames"
echo "$frames" | jq -e '[.[] | select(.symbol == "pthread_cond_wait" and (.inlined | not) and
	(.file | endswith("pthread_cond_wait.c")) and .line > 0)] | length == 1' >/dev/null ||
	fail "no pthread_cond_wait frame at pthread_cond_wait.c:N: $frames"
echo "$frames" | jq -e '[.[] | select(.inlined)] | length >= 2' >/dev/null ||
	fail "fewer than two inlined libc frames: $frames"

ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 TASKTOP_DEBUG_IMAGE=0 \
	strace -f -qq -e trace=memfd_create -o "$WORK/plain.trace" \
	"$TASKTOP" --json --ustack -n 1 -d 0 -p "$FX_PID" >"$WORK/plain.json" 2>&1 ||
	fail "--json --ustack (plain) under strace: $(head -c 300 "$WORK/plain.json")"
! grep -q 'memfd_create' "$WORK/plain.trace" ||
	fail "TASKTOP_DEBUG_IMAGE=0 made an image anyway: $(cat "$WORK/plain.trace")"
[ "$(jq -S "$still" "$WORK/image.json")" = "$(jq -S "$still" "$WORK/plain.json")" ] ||
	fail "the frames differ with the image and with the plain file:
$(diff <(jq -S "$still" "$WORK/plain.json") <(jq -S "$still" "$WORK/image.json") | head -n 40)"
assert_nothing_stopped "$FX_PID"
echo "PASS: $test_name"
