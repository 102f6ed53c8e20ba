# stackdemo_lib.sh - sourced after lib.sh by the stack-group tests: start
# stackdemo and read back its line (see stackdemo.c).

STACKDEMO=$top_builddir/tests/integration/stackdemo
STACKDEMO_PID=

# Whatever the sourcing test already does on exit (tests/tui/lib.sh ends its
# tmux server there) still runs, after stackdemo is stopped.
STACKDEMO_PREV_TRAP=$(trap -p EXIT)
STACKDEMO_PREV_TRAP=${STACKDEMO_PREV_TRAP#"trap -- '"}
STACKDEMO_PREV_TRAP=${STACKDEMO_PREV_TRAP%"' EXIT"}
[ -n "$STACKDEMO_PREV_TRAP" ] || STACKDEMO_PREV_TRAP=cleanup

stackdemo_cleanup() {
	if [ -n "$STACKDEMO_PID" ]; then
		kill -TERM "$STACKDEMO_PID" 2>/dev/null
		wait "$STACKDEMO_PID" 2>/dev/null
	fi
	eval "$STACKDEMO_PREV_TRAP"
}
trap stackdemo_cleanup EXIT

# stackdemo_start (run through $STACKDEMO_PREFIX, e.g. setpriv, when set):
# sets SD_PID SD_MAIN SD_POOL SD_SPIN (sorted, comma-
# separated) SD_EPOLL SD_PIPE.
stackdemo_start() {
	[ -x "$STACKDEMO" ] || fail "no stackdemo binary at $STACKDEMO"
	: >"$WORK/stackdemo.out"
	# a plain command (no function, no subshell): $! is stackdemo's pid
	${STACKDEMO_PREFIX:-} "$STACKDEMO" --lifetime 60 >"$WORK/stackdemo.out" \
		2>"$WORK/stackdemo.err" &
	STACKDEMO_PID=$!
	local tries=0 line= field
	while ! line=$(head -n 1 "$WORK/stackdemo.out" 2>/dev/null) || [ -z "$line" ]; do
		kill -0 "$STACKDEMO_PID" 2>/dev/null ||
			fail "stackdemo exited: $(cat "$WORK/stackdemo.err")"
		tries=$((tries + 1))
		[ $tries -le 100 ] || fail "stackdemo printed nothing in 5 s"
		sleep 0.05
	done
	for field in $line; do
		case $field in
		pid=*)	 SD_PID=${field#*=} ;;
		main=*)	 SD_MAIN=${field#*=} ;;
		pool=*)	 SD_POOL=$(sorted_list "${field#*=}") ;;
		spin=*)	 SD_SPIN=$(sorted_list "${field#*=}") ;;
		epoll=*) SD_EPOLL=${field#*=} ;;
		pipe=*)	 SD_PIPE=${field#*=} ;;
		*)	 fail "stackdemo printed an unknown field '$field'" ;;
		esac
	done
	[ "$SD_PID" = "$STACKDEMO_PID" ] || fail "stackdemo line '$line'"
	wait_pool_parked
}

# "3,1,2" -> "1,2,3"
sorted_list() {
	tr , '\n' <<<"$1" | sort -n | paste -sd,
}

# Until every pool thread waits on its futex (wchan says so).
wait_pool_parked() {
	local tries=0 tid parked
	while :; do
		parked=0
		for tid in ${SD_POOL//,/ }; do
			grep -q futex "/proc/$SD_PID/task/$tid/wchan" 2>/dev/null &&
				parked=$((parked + 1))
		done
		[ "$parked" -lt $(( $(tr , '\n' <<<"$SD_POOL" | wc -l) - ${1:-0} )) ] || return 0
		tries=$((tries + 1))
		[ $tries -le 100 ] || fail "the pool threads never all parked"
		sleep 0.05
	done
}

# stackdemo_release: one pool thread leaves for released_worker(); sets
# SD_RELEASED.
stackdemo_release() {
	local before tries=0
	before=$(grep -c '^released=' "$WORK/stackdemo.out")
	kill -USR1 "$SD_PID"
	until [ "$(grep -c '^released=' "$WORK/stackdemo.out")" -gt "$before" ]; do
		tries=$((tries + 1))
		[ $tries -le 100 ] || fail "stackdemo released no thread in 5 s"
		sleep 0.05
	done
	SD_RELEASED=$(grep '^released=' "$WORK/stackdemo.out" | tail -n 1 | cut -d= -f2)
	SD_POOL=$(tr , '\n' <<<"$SD_POOL" | grep -vx "$SD_RELEASED" | paste -sd,)
	# until it sleeps in nanosleep and the rest are parked again
	local tries=0
	until grep -q nanosleep "/proc/$SD_PID/task/$SD_RELEASED/stack" 2>/dev/null; do
		tries=$((tries + 1))
		[ $tries -le 100 ] || fail "released thread $SD_RELEASED never slept"
		sleep 0.05
	done
	wait_pool_parked
}

# expand_ranges "1-3,7" -> "1,2,3,7"
expand_ranges() {
	local item out=()
	for item in ${1//,/ }; do
		if [[ $item == *-* ]]; then
			out+=($(seq "${item%-*}" "${item#*-}"))
		else
			out+=("$item")
		fi
	done
	printf '%s\n' "${out[@]}" | paste -sd,
}
