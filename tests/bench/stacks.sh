#!/usr/bin/env bash
# stacks.sh - stack groups against the pt-pmp way, side by side in one run
# (README.md beside this file, "Stack groups").  `make bench-stacks`, or by
# hand:  TASKTOP=src/tasktop WORKLOAD=tests/bench/workload tests/bench/stacks.sh
#
# 1. `tasktop -b --stacks -n 1` over the whole system with the workload
#    running (200 processes x 50 threads: 10,000 tasks) against
#    `for f in /proc/*/task/*/stack; do cat $f; done | sort | uniq -c |
#    sort -rn`, alternated, BENCH_STACK_RUNS each (default 1: the pipeline
#    takes minutes at 20,000 tasks), the medians of the wall times compared.  Goal: ratio <= 0.2.
# 2. The live grouped view (B) of a 1,000-thread process: tasktop -p PID
#    -d 0.1 in tmux, its CPU time (schedstat, ns) over BENCH_SECONDS divided
#    by the refreshes, grouped view against the tree view in the same run.
#    Goal: <= 20 ms a refresh.
set -euo pipefail

tasktop=${TASKTOP:-src/tasktop}
workload=${WORKLOAD:-tests/bench/workload}
procs=${BENCH_PROCS:-200}
threads=${BENCH_THREADS:-50}
runs=${BENCH_STACK_RUNS:-1}
seconds=${BENCH_SECONDS:-10}
view_threads=${BENCH_VIEW_THREADS:-1000}
delay=0.1

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

[ "$(id -u)" = 0 ] || die "needs root: kernel stacks are root's to read"
for t in tmux awk sort uniq; do
	command -v "$t" >/dev/null || die "missing $t"
done
[ -x "$tasktop" ] || die "no tasktop at $tasktop"
[ -x "$workload" ] || die "no workload at $workload"

work=$(mktemp -d /tmp/tasktop-bench-stacks.XXXXXX)
pids=()
socket=tasktop-bench-stacks-$$
cleanup() {
	local p
	tmux -L "$socket" kill-server 2>/dev/null || true
	for p in "${pids[@]}"; do
		kill -TERM "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_workload NAME PROCS THREADS: sets the pid in $last_pid, waits ready
start_workload() {
	"$workload" -p "$2" -t "$3" -k 0 >"$work/$1.out" &
	last_pid=$!
	pids+=("$last_pid")
	local i
	for ((i = 0; i < 1200; i++)); do
		grep -q '^ready ' "$work/$1.out" 2>/dev/null && return 0
		kill -0 "$last_pid" 2>/dev/null || die "the workload failed"
		sleep 0.05
	done
	die "the workload never got ready"
}

now() { date +%s.%N; }

wall_of() {
	local t0 t1
	t0=$(now)
	"$@" >/dev/null 2>&1
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

ptpmp() {
	bash -c 'for f in /proc/*/task/*/stack; do cat $f; done | sort | uniq -c | sort -rn'
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# ---- 2. the live grouped view of one 1,000-thread process -----------------

start_workload view 1 "$view_threads"
# the workload's child holds the threads
view_pid=$(pgrep -P "$last_pid" | head -n 1)
[ -n "$view_pid" ] || die "no 1,000-thread process found"

cpu_ns() {
	awk '{ print $1 }' "/proc/$1/schedstat"
}

# view_cost KEYS: ms of CPU a refresh of tasktop -p view_pid -d 0.1
view_cost() {
	tmux -L "$socket" -f /dev/null new-session -d -s v -x 200 -y 50 \
		"env LANG=C.UTF-8 $tasktop -p $view_pid -d $delay; sleep 60"
	local tt= i
	for ((i = 0; i < 100; i++)); do
		tt=$(pgrep -P "$(tmux -L "$socket" display-message -p -t v '#{pane_pid}')" -x tasktop || true)
		[ -n "$tt" ] && break
		sleep 0.05
	done
	[ -n "$tt" ] || die "tasktop did not start in tmux"
	sleep 1
	[ -z "$1" ] || tmux -L "$socket" send-keys -t v "$1"
	sleep 1
	local a b
	a=$(cpu_ns "$tt")
	sleep "$seconds"
	b=$(cpu_ns "$tt")
	tmux -L "$socket" capture-pane -p -t v >"$work/view-$1.screen"
	tmux -L "$socket" kill-server
	awk -v a="$a" -v b="$b" -v s="$seconds" -v d="$delay" \
		'BEGIN { printf "%.2f\n", (b - a) / 1e6 / (s / d) }'
}
v_tree=$(view_cost "")
v_groups=$(view_cost B)
grep -q -E "^ +$view_threads  S " "$work/view-B.screen" ||
	say "warning: the grouped view did not show one group of $view_threads"

# ---- 1. batch against the pt-pmp pipeline --------------------------------

start_workload batch "$procs" "$threads"
all=(/proc/[0-9]*/task/*)
tasks=${#all[@]}
say "workload ready: $tasks tasks on the system"
: >"$work/tasktop.times"
: >"$work/ptpmp.times"
for ((r = 0; r < runs; r++)); do
	wall_of "$tasktop" -b --stacks -n 1 >>"$work/tasktop.times"
	wall_of ptpmp >>"$work/ptpmp.times"
done
t_batch=$(median <"$work/tasktop.times")
t_ptpmp=$(median <"$work/ptpmp.times")
# the output is what it should be: every task once
"$tasktop" -b --stacks -n 1 >"$work/stacks.txt"
grouped=$(grep -E '^[0-9]+ threads? ' "$work/stacks.txt" | awk '{ n += $1 } END { print n }')
say "tasktop -b --stacks grouped $grouped threads"
kill -TERM "$last_pid"
wait "$last_pid" 2>/dev/null || true

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
printf '\n| metric | tasktop | reference | ratio | goal |\n|---|---|---|---|---|\n'
printf '| `-b --stacks -n 1` wall s, %s tasks (vs pt-pmp pipeline) | %s | %s | %s | <= 0.2 |\n' \
	"$tasks" "$t_batch" "$t_ptpmp" "$(ratio "$t_batch" "$t_ptpmp")"
printf '| grouped view (B) CPU ms a refresh, %s threads (vs tree view) | %s | %s | %s | <= 20 ms |\n' \
	"$view_threads" "$v_groups" "$v_tree" "$(ratio "$v_groups" "$v_tree")"
