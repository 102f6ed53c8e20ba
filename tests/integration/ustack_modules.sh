#!/usr/bin/env bash
# User stacks through dlopen()ed libraries (tests/integration/ustack_modules.c):
# - a thread waiting in a library without any unwind information gets the
#   chain up to that library's frame, and a reason naming "no unwind info"
#   and the library; not more (its caller keeps a frame pointer, which
#   libdw's fallback would follow past the caller to start_thread); the
#   other threads of the process are unwound whole;
# - a library loaded after the first unwind of a --json --ustack -n 2 run
#   (the process's maps change between the samples) is known to the second:
#   the thread waiting in it shows its function, module and file:line;
#   that library's debug info is in a separate file, found by its
#   .gnu_debuglink name in the library's .debug/ directory.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_root
require_tools objcopy
MODULES=$top_builddir/tests/integration/ustack_modules
LATE_SOURCE=$top_srcdir/tests/integration/ustack_late.c
lib=$WORK/lib
mkdir -p "$lib/.debug"
for f in "$MODULES" "$top_builddir/tests/integration/libustack_nocfi.so" \
    "$top_builddir/tests/integration/libustack_late.so"; do
	[ -e "$f" ] || fail "no $f"
	cp "$f" "$lib/"
done
( cd "$lib" && objcopy --only-keep-debug libustack_late.so .debug/late.debug &&
	objcopy --strip-debug --add-gnu-debuglink=.debug/late.debug libustack_late.so ) ||
	fail "could not split libustack_late.so's debug info"
! LC_ALL=C readelf -S "$lib/libustack_late.so" | grep -q debug_info ||
	fail "libustack_late.so still has its .debug_info"

out=$WORK/modules.out
fixture_launch "$out" MD "$MODULES" --lifetime 120 --libdir "$lib"
wait_until "saw the nocfi thread block in read" \
	grep -q '^State:.S' "/proc/$MD_PID/task/$MD_NOCFI/status"

# -n 2: the first sample is unwound, then the library comes, then the second.
"$TASKTOP" --json --ustack -n 2 -d 3 -p "$MD_PID" >"$WORK/two.json" 2>"$WORK/two.err" &
tt=$!
FX_PIDS+=($tt)
wait_until "saw the first sample" test -s "$WORK/two.json"
kill -USR2 "$MD_PID"
wait_until "saw the late thread start" grep -q '^late=' "$out"
MD_LATE=$(sed -n 's/^late=//p' "$out")
wait "$tt" || fail "tasktop --json --ustack -n 2 exited $?: $(head -c 500 "$WORK/two.err")"
[ "$(wc -l <"$WORK/two.json")" -eq 2 ] || fail "expected two samples: $(head -c 500 "$WORK/two.json")"
head -n 1 "$WORK/two.json" >"$WORK/first.json"
tail -n 1 "$WORK/two.json" >"$WORK/second.json"

thread() {	# the JSON of thread $2 in file $1
	jq -c ".processes[].threads[] | select(.tid == $2)" "$1"
}
for sample in first second; do
	f=$WORK/$sample.json
	# the thread in the library without unwind info: its partial chain
	assert_order "$f" "$MD_NOCFI" read nocfi_wait
	assert_jq "$sample: the nocfi thread's chain ends in nocfi_wait" "$f" \
		"[.processes[].threads[] | select(.tid == $MD_NOCFI) | .ustack[-1] | .symbol, (.module | endswith(\"/libustack_nocfi.so\"))]" \
		'["nocfi_wait",true]'
	err=$(jq -r ".processes[].threads[] | select(.tid == $MD_NOCFI) | .ustack_error" "$f")
	case $err in
	*"no unwind info"*libustack_nocfi.so*) ;;
	*) fail "$sample: the nocfi thread's reason names neither \"no unwind info\" nor the library: $err" ;;
	esac
	# the others of the same process: whole
	assert_order "$f" "$MD_PLAIN" read plain_wait plain_thread start_thread
	assert_order "$f" "$MD_PID" sleep main
	assert_jq "$sample: only the nocfi thread has a reason" "$f" \
		"[.processes[].threads[] | select(.ustack_error != null) | .tid]" "[$MD_NOCFI]"
done

assert_jq "first sample: no late thread yet" "$WORK/first.json" \
	"[.processes[].threads[] | select(.tid == $MD_LATE)] | length" 0
assert_order "$WORK/second.json" "$MD_LATE" read late_wait library_thread start_thread
late_q=".processes[].threads[] | select(.tid == $MD_LATE) | .ustack[] | select(.symbol == \"late_wait\")"
assert_jq "second sample: late_wait's module and file:line" "$WORK/second.json" \
	"[$late_q | (.module | endswith(\"/libustack_late.so\")), \"\(.file // \"-\" | split(\"/\") | last):\(.line)\"]" \
	"[true,\"ustack_late.c:$(grep -n 'LINE:late' "$LATE_SOURCE" | cut -d: -f1)\"]"
assert_nothing_stopped "$MD_PID"
echo "PASS: $test_name"
