# ustack_lib.sh - sourced after lib.sh by the user-stack tests: start the
# fixtures, find their source lines, check nothing is left stopped.

USTACK_FIXTURE=$top_builddir/tests/integration/ustack_fixture
USTACK_FIXTURE_CXX=$top_builddir/tests/integration/ustack_fixture_cxx
USTACK_SOURCE=$top_srcdir/tests/integration/ustack_fixture.c
FX_PID=
FX_PIDS=()

require_fixtures() {
	[ -x "$USTACK_FIXTURE" ] || fail "no fixture at $USTACK_FIXTURE"
	[ -x "$USTACK_FIXTURE_CXX" ] || fail "no fixture at $USTACK_FIXTURE_CXX"
}

ustack_cleanup() {
	local pid
	for pid in "${FX_PIDS[@]}"; do
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if type tm >/dev/null 2>&1; then	# sourced by a tui test
		tm kill-server 2>/dev/null
	fi
	cleanup
}
trap ustack_cleanup EXIT

# fixture_start [PREFIX…] -- [ARGS…]: the C fixture (run through PREFIX,
# e.g. setpriv) until its line; sets FX_PID FX_POOL (array) FX_EPOLL
# FX_READER FX_SPINNER FX_TICKER and, with --dstate, FX_DSTATE.
fixture_start() {
	local prefix=() out=$WORK/fixture.$RANDOM
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		prefix+=("$1")
		shift
	done
	[ $# -gt 0 ] && shift
	fixture_launch "$out" FX "${prefix[@]}" "$USTACK_FIXTURE" --lifetime 120 "$@"
	IFS=, read -r -a FX_POOL <<<"$FX_POOL"
	FX_PIDS+=("$FX_PID")	# behind a setpriv, $! is not the fixture
}

# fixture_cxx_start: sets CX_PID CX_WAITER.
fixture_cxx_start() {
	fixture_launch "$WORK/fixture_cxx.$RANDOM" CX "$USTACK_FIXTURE_CXX" --lifetime 120
}

# fixture_launch OUT VAR CMD…: start CMD in the background (killed at exit)
# writing OUT, wait for its first line ("pid=N key=V …") and set VAR_PID,
# VAR_KEY… from it (keys upper-cased; values digits and commas only).
fixture_launch() {
	local out=$1 var=$2 field key value
	shift 2
	"$@" >"$out" 2>&1 &
	FX_PIDS+=($!)
	wait_for_line "$out"
	for field in $(head -n 1 "$out"); do
		key=${field%%=*} value=${field#*=}
		[[ $key =~ ^[a-z_]+$ && $value =~ ^[0-9,]+$ ]] ||
			fail "fixture line field '$field' in $out"
		printf -v "${var}_${key^^}" '%s' "$value"
	done
}

wait_for_line() {
	local tries=0
	until [ -s "$1" ] && grep -q '^pid=' "$1"; do
		tries=$((tries + 1))
		[ $tries -le 100 ] || fail "fixture printed nothing in 5 s: $(cat "$1")"
		sleep 0.05
	done
}

# The line of the fixture's source marked "LINE:TAG".
line_of() {
	grep -n "LINE:$1" "$USTACK_SOURCE" | cut -d: -f1
}

# How often a thread went to sleep: every unwind wakes it once (the
# interrupt), a thread waiting for work never does by itself.
voluntary_switches() {
	sed -n 's/^voluntary_ctxt_switches:\t//p' "/proc/$1/task/$2/status"
}

# No thread of PID stopped (t or T) nor traced: what every unwind leaves.
assert_nothing_stopped() {
	local pid=$1 tid state tracer
	for tid in $(ls "/proc/$pid/task"); do
		state=$(sed -n 's/^State:\t\(.\).*/\1/p' "/proc/$pid/task/$tid/status" 2>/dev/null)
		tracer=$(sed -n 's/^TracerPid:\t//p' "/proc/$pid/task/$tid/status" 2>/dev/null)
		case $state in
		t|T) fail "thread $tid of $pid left in state $state" ;;
		esac
		[ "${tracer:-0}" = 0 ] || fail "thread $tid of $pid still traced by $tracer"
	done
}

# The symbols of a thread's ustack, one a line, innermost first; its
# ustack_error when it has none.
ustack_symbols() {
	jq -r ".processes[].threads[] | select(.tid == $2) |
		if .ustack then .ustack[].symbol // \"?\" else \"(ustack_error: \(.ustack_error))\" end" "$1"
}

# assert_order FILE TID SYM…: the symbols appear in this order (others
# may come between).
assert_order() {
	local file=$1 tid=$2 want got
	shift 2
	got=$(ustack_symbols "$file" "$tid" | tr '\n' ' ')
	want=$*
	local rest=" $got"
	for sym in "$@"; do
		case $rest in
		*" $sym "*) rest=${rest#*" $sym "} ; rest=" $rest" ;;
		*) fail "thread $tid: expected the frames $want in that order, got: $got" ;;
		esac
	done
}
