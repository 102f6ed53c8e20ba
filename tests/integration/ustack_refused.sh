#!/usr/bin/env bash
# Threads that are not (or cannot be) unwound say why, in words, while the
# others of the same process are unwound: one under strace -p, one in D
# state (a vfork parent), a kernel thread, tasktop itself; a non-dumpable
# process (root may, nobody may not); nobody on a root process (exit 0).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_root
require_tools strace setpriv
require_fixtures

error_of() {	# FILE TID: that thread's ustack_error, as JSON
	jq -c "[.processes[].threads[] | select(.tid == $2) | .ustack_error][0]" "$1"
}
ustack_of() {	# FILE TID: that thread's ustack, as JSON
	jq -c "[.processes[].threads[] | select(.tid == $2) | .ustack][0]" "$1"
}
assert_refused() {	# WHAT FILE TID REGEX: ustack null, the error matches
	[ "$(ustack_of "$2" "$3")" = null ] ||
		fail "$1: thread $3 has a ustack: $(ustack_of "$2" "$3" | head -c 200)"
	error_of "$2" "$3" | grep -q -E -- "$4" ||
		fail "$1: thread $3's ustack_error is $(error_of "$2" "$3"), expected /$4/"
}
assert_unwound() {	# WHAT FILE TID SYMBOL
	ustack_symbols "$2" "$3" | grep -q -x -F -- "$4" ||
		fail "$1: thread $3 has no $4 frame: $(ustack_symbols "$2" "$3" | tr '\n' ' ')"
}

fixture_start -- --dstate
strace -o /dev/null -p "$FX_READER" &
STRACE=$!
FX_PIDS+=("$STRACE")
wait_until "strace attached to $FX_READER" \
	grep -q "^TracerPid:[[:space:]]*$STRACE\$" "/proc/$FX_PID/task/$FX_READER/status"
wait_until "the vfork parent $FX_DSTATE in D state" \
	grep -q '^State:.D' "/proc/$FX_PID/task/$FX_DSTATE/status"

json_of "$FX_PID" --ustack --stack
assert_refused "under strace" "$JSON" "$FX_READER" "^\"traced by PID $STRACE \\(strace\\)\"\$"
assert_refused "in D state" "$JSON" "$FX_DSTATE" '^"in D state: kernel stack only"$'
assert_jq "the D-state thread's kernel stack is still there" "$JSON" \
	"[.processes[].threads[] | select(.tid == $FX_DSTATE) | .stack | length > 0][0]" true
assert_unwound "beside them" "$JSON" "${FX_POOL[0]}" pool_wait_for_work
assert_unwound "beside them" "$JSON" "$FX_EPOLL" epoll_loop_wait
kill "$STRACE"
wait "$STRACE" 2>/dev/null
assert_nothing_stopped "$FX_PID"

json_of 2 --ustack
assert_refused "kthreadd" "$JSON" 2 '^"kernel thread: no user stack"$'

self=$WORK/self.json
bash -c 'exec "$0" --json --ustack -n 1 -d 0 -p $$' "$TASKTOP" >"$self" ||
	fail "tasktop on itself failed"
pid=$(jq '.processes[0].pid' "$self")
assert_refused "tasktop itself" "$self" "$pid" '^"tasktop itself: not unwound"$'

as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}
as_nobody test -x "$TASKTOP" -a -x "$USTACK_FIXTURE" ||
	skip "user 65534 cannot run the build (a private build directory?)"

# Root may unwind a non-dumpable process (CAP_SYS_PTRACE); its owner may not.
fixture_start as_nobody -- --nodump
json_of "$FX_PID" --ustack
assert_unwound "root, non-dumpable" "$JSON" "${FX_POOL[0]}" pool_wait_for_work
out=$WORK/nodump.json
as_nobody "$TASKTOP" --json --ustack -n 1 -d 0 -p "$FX_PID" >"$out" ||
	fail "tasktop as nobody on a non-dumpable process exited $?"
assert_refused "nobody, its own non-dumpable process" "$out" "${FX_POOL[0]}" \
	'^"non-dumpable process: needs CAP_SYS_PTRACE'

# nobody's own dumpable process: unwound; root's: refused, exit 0.
fixture_start as_nobody --
out=$WORK/own.json
as_nobody "$TASKTOP" --json --ustack -n 1 -d 0 -p "$FX_PID" >"$out" ||
	fail "tasktop as nobody on its own process exited $?"
assert_unwound "nobody, its own process" "$out" "$FX_EPOLL" epoll_loop_wait
fixture_start
out=$WORK/root.json
status=0
as_nobody "$TASKTOP" --json --ustack -n 1 -d 0 -p "$FX_PID" >"$out" || status=$?
assert_eq "exit status as nobody on root's process" 0 "$status"
for tid in "$FX_PID" "${FX_POOL[0]}" "$FX_SPINNER"; do
	assert_refused "nobody on root's process" "$out" "$tid" \
		'^"needs CAP_SYS_PTRACE or the same user(; ptrace_scope=[0-9]+)?"$'
done
assert_nothing_stopped "$FX_PID"
echo "PASS: $test_name"
