# lib.sh - sourced by every integration test: start nsdemo, run tasktop,
# and assert with messages that say what was expected and what was got.
# make check sets $TASKTOP, $top_srcdir and $top_builddir; by hand:
#   top_builddir=/tmp/build TASKTOP=/tmp/build/src/tasktop tests/integration/x.sh
# Exit status: 0 pass, 1 fail, 77 skip (automake's convention).

set -u

test_name=$(basename "$0" .sh)
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${TASKTOP:=$top_builddir/src/tasktop}"
NSDEMO=$top_builddir/tests/integration/nsdemo

# The ten namespace types, as named in /proc/<tid>/ns/ and in the JSON.
NS_TYPES="cgroup ipc mnt net pid pid_for_children time time_for_children user uts"

fail() {
	echo "FAIL: $test_name: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

require_root() {
	[ "$(id -u)" = 0 ] || skip "needs root (unshare, /proc/<tid>/stack)"
}

require_tools() {
	local tool
	for tool in jq "$@"; do
		command -v "$tool" >/dev/null || skip "needs $tool"
	done
	[ -x "$TASKTOP" ] || fail "no tasktop binary at $TASKTOP"
	[ -x "$NSDEMO" ] || fail "no nsdemo binary at $NSDEMO"
}

# A private directory for this run (tests run in parallel), removed on exit
# together with nsdemo.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tasktop-$test_name.XXXXXX") ||
	fail "mktemp failed"
NSDEMO_PID=

cleanup() {
	if [ -n "$NSDEMO_PID" ]; then
		kill -TERM "$NSDEMO_PID" 2>/dev/null
		wait "$NSDEMO_PID" 2>/dev/null
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# nsdemo_start [OPTIONS…]: start nsdemo and wait (5 s at most) for its line;
# sets DEMO_PID DEMO_NETNS DEMO_UTSNS DEMO_ACCEPT DEMO_SLEEPER DEMO_PORT and,
# with --hostile, DEMO_HOSTILE (an array of tids).  Skips when nsdemo does.
nsdemo_start() {
	"$NSDEMO" --lifetime 60 "$@" >"$WORK/nsdemo.out" 2>"$WORK/nsdemo.err" &
	NSDEMO_PID=$!
	local tries=0 line=
	while ! line=$(head -n 1 "$WORK/nsdemo.out" 2>/dev/null) || [ -z "$line" ]; do
		if ! kill -0 "$NSDEMO_PID" 2>/dev/null; then
			nsdemo_exited
		fi
		tries=$((tries + 1))
		[ $tries -le 100 ] || fail "nsdemo printed nothing in 5 s"
		sleep 0.05
	done
	nsdemo_parse_line "$line"
}

# nsdemo died before its line: skip if it said it can't, else fail.
nsdemo_exited() {
	local status=0
	wait "$NSDEMO_PID" || status=$?
	NSDEMO_PID=
	[ $status -ne 77 ] || skip "$(cat "$WORK/nsdemo.err")"
	fail "nsdemo exited with $status: $(cat "$WORK/nsdemo.err")"
}

nsdemo_parse_line() {
	local field
	DEMO_HOSTILE=()
	for field in $1; do
		case $field in
		pid=*)		DEMO_PID=${field#*=} ;;
		netns=*)	DEMO_NETNS=${field#*=} ;;
		utsns=*)	DEMO_UTSNS=${field#*=} ;;
		accept=*)	DEMO_ACCEPT=${field#*=} ;;
		sleeper=*)	DEMO_SLEEPER=${field#*=} ;;
		port=*)		DEMO_PORT=${field#*=} ;;
		mover=*)	DEMO_MOVER=${field#*=} ;;
		hostile=*)	IFS=, read -r -a DEMO_HOSTILE <<<"${field#*=}" ;;
		*)		fail "nsdemo printed an unknown field '$field'" ;;
		esac
	done
	[ "${DEMO_PID:-}" = "$NSDEMO_PID" ] ||
		fail "nsdemo line '$1': expected pid=$NSDEMO_PID"
}

# The tids of nsdemo's threads as the kernel lists them, ascending.
demo_tids() {
	ls "/proc/$DEMO_PID/task" | sort -n
}

# The kernel's inode of a thread's ns link, or null when it doesn't resolve
# (absent on this kernel, or an exited leader's).
kernel_ns() {
	stat -L -c %i "/proc/$DEMO_PID/task/$1/ns/$2" 2>/dev/null || echo null
}

# Tables of "TID TYPE INODE" and "TID DIFFERS" lines for assert_same_lines:
# one comparison shows every wrong value at once.
kernel_ns_table() {
	local tid type
	for tid in $(demo_tids); do
		for type in $NS_TYPES; do
			echo "$tid $type $(kernel_ns "$tid" "$type")"
		done
	done
}

json_ns_table() {
	jq -r "$(process_q).threads[] | .tid as \$tid | .ns | to_entries[] |
		\"\(\$tid) \(.key) \(.value)\"" "$1"
}

# What nsdemo set up: its netns thread differs in net, its utsns thread in
# uts, every other thread (the leader too) in nothing.
expected_differs_table() {
	local tid
	for tid in $(demo_tids); do
		case $tid in
		"$DEMO_NETNS")	echo "$tid [\"net\"]" ;;
		"$DEMO_UTSNS")	echo "$tid [\"uts\"]" ;;
		*)		echo "$tid []" ;;
		esac
	done
}

json_differs_table() {
	jq -r "$(process_q).threads[] | \"\(.tid) \(.ns_differs | tojson)\"" "$1"
}

# The JSON file's ns of every thread are the kernel's, and its ns_differs
# are what nsdemo set up.
assert_ns_as_set_up() {
	kernel_ns_table >"$WORK/ns.kernel"
	json_ns_table "$1" >"$WORK/ns.json"
	assert_same_lines "ns inodes (TID TYPE INODE)" "$WORK/ns.kernel" \
		"$WORK/ns.json"
	expected_differs_table >"$WORK/differs.expected"
	json_differs_table "$1" >"$WORK/differs.json"
	assert_same_lines "ns_differs (TID LIST)" "$WORK/differs.expected" \
		"$WORK/differs.json"
}

# wait_until WHAT CMD…: poll CMD for 2 s at most; fail "never WHAT".
wait_until() {
	local what=$1 tries=0
	shift
	until "$@"; do
		tries=$((tries + 1))
		[ $tries -le 40 ] || fail "never $what"
		sleep 0.05
	done
}

# Until the acceptor's kernel stack is in accept.
wait_for_accept() {
	wait_until "saw acceptor $DEMO_ACCEPT block in accept" \
		grep -q accept "/proc/$DEMO_PID/task/$DEMO_ACCEPT/stack"
}

# run_tasktop OUT ARGS…: run tasktop, stdout to OUT, stderr to OUT.err; fail
# unless it exits 0.
run_tasktop() {
	local out=$1 status=0
	shift
	"$TASKTOP" "$@" >"$out" 2>"$out.err" || status=$?
	[ $status -eq 0 ] ||
		fail "tasktop $* exited $status: $(head -c 500 "$out.err")"
}

# json_of PID [ARGS…]: one --json refresh of PID, checked to be one JSON
# object, into the file named by $JSON.  (Not for $(…): a failure there
# would end only the subshell.)
json_of() {
	local pid=$1 lines
	shift
	JSON=$WORK/$pid.json
	run_tasktop "$JSON" --json -n 1 -p "$pid" "$@"
	lines=$(wc -l <"$JSON")
	[ "$lines" -eq 1 ] || fail "--json -n 1 printed $lines lines, expected 1"
	jq -e 'type == "object"' "$JSON" >/dev/null ||
		fail "--json output is not one JSON object: $(head -c 500 "$JSON")"
}

# assert_eq WHAT EXPECTED GOT
assert_eq() {
	[ "$2" = "$3" ] ||
		fail "$1: expected '$2', got '$3'"
}

# assert_jq WHAT FILE FILTER EXPECTED: jq -c FILTER on FILE must print
# EXPECTED (compact JSON, e.g. '["net"]', 'true', '"accept"').
assert_jq() {
	local got
	got=$(jq -c "$3" "$2" 2>&1) || fail "$1: jq '$3' failed: $got"
	assert_eq "$1" "$4" "$got"
}

# assert_same_lines WHAT EXPECTED-FILE GOT-FILE: the same lines, in any order.
assert_same_lines() {
	local diff
	diff=$(diff <(sort "$2") <(sort "$3")) && return 0
	fail "$1: expected (<) and got (>) differ:
$diff"
}

# assert_no_control_bytes WHAT FILE: nothing below 0x20 but newline, no DEL.
assert_no_control_bytes() {
	local pattern='[\x00-\x09\x0b-\x1f\x7f]'
	LC_ALL=C grep -q -a -P "$pattern" "$2" || return 0
	fail "$1: raw control bytes in the output:
$(LC_ALL=C grep -a -P "$pattern" "$2" | head -n 3 | od -c | head -n 12)"
}

# The JSON of one of nsdemo's threads: jq filter prefix, e.g.
#   jq "$(thread_q 1234).comm" file
thread_q() {
	echo ".processes[] | select(.pid == $DEMO_PID) | .threads[] | select(.tid == $1)"
}
process_q() {
	echo ".processes[] | select(.pid == $DEMO_PID)"
}

# netns_add: a network namespace of our own, named tt-i12-<pid>
# (other engineers' tests run at the same time), deleted on exit; sets
# $NETNS.  Skips without ip(8).
netns_add() {
	command -v ip >/dev/null || skip "needs ip (iproute2)"
	NETNS=tt-i12-$$
	ip netns add "$NETNS" || fail "ip netns add $NETNS failed"
	trap 'ip netns del "$NETNS" 2>/dev/null; cleanup' EXIT
}
