# lib.sh - sourced by the reliability tests: churn (a moving /proc) and
# probes of a running tasktop (its fds, its memory).  Builds on
# tests/tui/lib.sh, itself on tests/integration/lib.sh (fail, skip, $WORK,
# run_tasktop, nsdemo_start, tm, tui_start …).
# By hand: top_builddir=/tmp/build TASKTOP=/tmp/build/src/tasktop \
#   tests/reliability/x.sh

. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || return 99

CHURN=$top_builddir/tests/reliability/churn
CHURN_PID=
BACKGROUND_PIDS=()

trap 'churn_kill; background_kill; tm kill-server 2>/dev/null; cleanup' EXIT

# background CMD…: start a helper that ends with the test (a sleeper to be
# seen or signalled); sets BACKGROUND_PID.
background() {
	"$@" &
	BACKGROUND_PID=$!
	BACKGROUND_PIDS+=("$BACKGROUND_PID")
}

background_kill() {
	local pid
	for pid in "${BACKGROUND_PIDS[@]}"; do
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	BACKGROUND_PIDS=()
}

as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

# require_nobody: setpriv there, and user 65534 able to run $TASKTOP.
require_nobody() {
	command -v setpriv >/dev/null || skip "needs setpriv"
	as_nobody test -x "$TASKTOP" ||
		skip "user 65534 cannot run $TASKTOP (a private build directory?)"
}

# require_root_for WHY: skip, saying why, unless root.
require_root_for() {
	[ "$(id -u)" = 0 ] || skip "needs root: $1"
}

require_churn() {
	[ -x "$CHURN" ] || fail "no churn binary at $CHURN"
}

# churn_start SECONDS [RATE]: start the churn generator (it stops by itself
# after SECONDS) and wait for its pid line; sets CHURN_PID.
churn_start() {
	"$CHURN" --seconds "$1" --rate "${2:-500}" >"$WORK/churn.out" \
		2>"$WORK/churn.err" &
	CHURN_PID=$!
	wait_until "saw churn start" grep -q '^pid=' "$WORK/churn.out"
	assert_eq "churn's pid line" "pid=$CHURN_PID" "$(head -n 1 "$WORK/churn.out")"
}

# A test's cleanup must not hang on churn: SIGKILL when SIGTERM is not
# enough within 3 s.
churn_kill() {
	local tries=0
	[ -n "$CHURN_PID" ] || return 0
	kill -TERM "$CHURN_PID" 2>/dev/null
	while running "$CHURN_PID" && [ $tries -lt 60 ]; do
		tries=$((tries + 1))
		sleep 0.05
	done
	kill -KILL "$CHURN_PID" 2>/dev/null
	wait "$CHURN_PID" 2>/dev/null
	CHURN_PID=
}

# churn_stop: stop it and say what it made ("churn: T threads/s, F forks/s").
churn_stop() {
	local status=0 line
	kill -TERM "$CHURN_PID" 2>/dev/null
	wait "$CHURN_PID" || status=$?
	CHURN_PID=
	[ $status -eq 0 ] || fail "churn exited $status: $(cat "$WORK/churn.err")"
	line=$(sed -n 2p "$WORK/churn.out")
	awk -v line="$line" 'BEGIN {
		split(line, f, /[ =]/)
		if (f[6] <= 0) exit 1
		printf "churn: %d threads and %d forks in %.1f s: %.0f threads/s, %.0f forks/s\n",
			f[2], f[4], f[6], f[2] / f[6], f[4] / f[6]
	}' || fail "churn's closing line is '$line'"
}

# Beyond this many tasks, runs over all of /proc take longer than a test
# may (a refresh costs tens of µs a task, far more under strace or
# valgrind): such a test narrows them with -p, or skips.
TASKS_MAX=${TASKS_MAX:-4000}

few_tasks() {
	TASKS=$(task_count)
	[ "$TASKS" -le "$TASKS_MAX" ]
}

# The tasks (threads of every process) in /proc now.
task_count() {
	local dir n=0
	for dir in /proc/[0-9]*/task; do
		set -- "$dir"/*
		n=$((n + $#))
	done 2>/dev/null
	echo "$n"
}

built_with_sanitizers() {
	ldd "$TASKTOP" 2>/dev/null | grep -q -e libasan -e libubsan
}

# assert_quiet WHAT FILE: nothing on stderr (a sanitizer's report, a
# warning); the build with sanitizers reports there.
assert_quiet() {
	[ ! -s "$2" ] || fail "$1 wrote to stderr:
$(head -c 2000 "$2")"
}

# assert_json_lines WHAT FILE N: N lines, each one JSON object.
assert_json_lines() {
	local objects lines
	lines=$(wc -l <"$2")
	assert_eq "$1: lines" "$3" "$lines"
	objects=$(jq -c 'select(type == "object" and (.processes | type) == "array") | 1' \
		"$2" 2>"$WORK/jq.err" | wc -l)
	[ -s "$WORK/jq.err" ] && fail "$1: not JSON Lines: $(head -c 300 "$WORK/jq.err")"
	assert_eq "$1: JSON objects with a processes array" "$3" "$objects"
}

# fd_targets PID: what each of a process's fds points at, a line each.
fd_targets() {
	find "/proc/$1/fd" -mindepth 1 -printf '%l\n' 2>/dev/null
}

# vm_rss_kb PID
vm_rss_kb() {
	awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status"
}

# Still running: there, and not a zombie (an orphan waits for init to reap
# it, which may take its time).
running() {
	local state
	state=$(awk '$1 == "State:" { print $2 }' "/proc/$1/status" 2>/dev/null)
	[ -n "$state" ] && [ "$state" != Z ]
}

tm_server_pid() {
	tm display-message -p '#{pid}' 2>/dev/null
}

# tm_stop [SERVER-PID]: end the tmux server and wait until it is gone, so
# that the next tui_start gets a new one and not the one still exiting.
tm_stop() {
	local server=${1:-$(tm_server_pid)}
	[ -n "$server" ] || return 0
	tm kill-server 2>/dev/null
	wait_until "saw the tmux server $server exit" eval "! running $server"
}

# assert_shell_modes WHAT: after tasktop, the pane's shell found its
# terminal in canonical mode with echo (tui_start has it print stty's).
assert_shell_modes() {
	# stty prints icanon before echo, both after the exit mark
	wait_for_screen "$1: the shell's stty lines" '^-?echo$'
	screen | grep -q -x icanon || fail "$1: the terminal is left without icanon:
$(screen)"
	screen | grep -q -x echo || fail "$1: the terminal is left without echo:
$(screen)"
}
