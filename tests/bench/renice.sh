#!/usr/bin/env bash
# renice.sh - the renice prompt on one process of many threads
# (tests/bench/README.md, "The renice prompt").  `make bench-renice` runs
# it; by hand:
#   TASKTOP=src/tasktop WORKLOAD=tests/bench/workload tests/bench/renice.sh
# BENCH_TASKTOP_OLD=another build runs in the same rounds, alternating.
set -euo pipefail

tasktop=${TASKTOP:-src/tasktop}
old=${BENCH_TASKTOP_OLD:-}
workload=${WORKLOAD:-tests/bench/workload}
threads=${BENCH_RENICE_THREADS:-10000}
runs=${BENCH_RENICE_RUNS:-3}
timeout_s=${BENCH_RENICE_TIMEOUT:-120}

say() { printf 'bench-renice: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

command -v tmux >/dev/null || die "needs tmux"
command -v renice >/dev/null || die "needs renice (Debian: util-linux)"
[ "$(id -u)" = 0 ] || die "needs root (the nice values are put back after each run)"
for f in "$tasktop" "$workload" ${old:+"$old"}; do
	[ -x "$f" ] || die "no $f: run make bench-renice from the build directory"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tasktop-bench-renice.XXXXXX")
wl=
sock=bench-renice-$$
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	if [ -n "$wl" ]; then
		kill "$wl" 2>/dev/null || true
		wait "$wl" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

"$workload" -p 1 -t "$threads" -k 0 >"$work/workload.out" 2>&1 &
wl=$!
for _ in $(seq 600); do grep -q '^ready' "$work/workload.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' "$work/workload.out" || die "the workload did not start"
pid=
for p in $(pgrep -P "$wl"); do
	[ "$(ls "/proc/$p/task" | wc -l)" -ge "$threads" ] && pid=$p
done
[ -n "$pid" ] || die "no workload process with $threads threads"
mkdir -p "$work/config/tasktop"
echo 'header_meters=0' >"$work/config/tasktop/tasktoprc"

screen_has() { tmux -L "$sock" capture-pane -p -t bench | grep -q -E -- "$1"; }
ms_since() { echo $(( (${EPOCHREALTIME/./} - ${1/./}) / 1000 )); }
# wait_for PATTERN: until the pane shows it, at most timeout_s.
wait_for() {
	local t0=$EPOCHREALTIME
	until screen_has "$1"; do
		[ "$(ms_since "$t0")" -lt $((timeout_s * 1000)) ] || return 1
		sleep 0.005
	done
}

# run NAME BIN: ms from [ sent to the prompt shown, from y to the report.
declare -A prompt apply
run() {
	local name=$1 bin=$2 t0
	tmux -L "$sock" -f /dev/null new-session -d -s bench -x 160 -y 45 \
		"env LANG=C.UTF-8 XDG_CONFIG_HOME=$work/config $bin -p $pid; sleep 600"
	wait_for 'PID/TID' || die "$name: tasktop did not start"
	sleep 2
	t0=$EPOCHREALTIME
	tmux -L "$sock" send-keys -t bench '['
	wait_for "renice process $pid" || die "$name: no prompt in $timeout_s s"
	prompt[$name]+="$(ms_since "$t0") "
	t0=$EPOCHREALTIME
	tmux -L "$sock" send-keys -t bench y
	wait_for "process $pid: nice" || die "$name: no report in $timeout_s s"
	apply[$name]+="$(ms_since "$t0") "
	tmux -L "$sock" kill-server 2>/dev/null || true
	renice -n 0 -p $(ls "/proc/$pid/task") >/dev/null
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for _ in $(seq "$runs"); do
	run tasktop "$tasktop"
	[ -z "$old" ] || run old "$old"
done
printf 'one process of %s threads, %s runs each%s; medians, wall ms from the key sent to the screen (tmux, ~5 ms polling)\n' \
	"$threads" "$runs" "${old:+, alternating with $old}"
printf '| measure | tasktop |%s\n|---|---|%s\n' "${old:+ old |}" "${old:+---|}"
printf '| `[` on its row: the prompt shown | %s |%s\n' "$(echo "${prompt[tasktop]}" | median)" \
	"${old:+ $(echo "${prompt[old]}" | median) |}"
printf '| `y`: the report after every thread is reniced | %s |%s\n' "$(echo "${apply[tasktop]}" | median)" \
	"${old:+ $(echo "${apply[old]}" | median) |}"
