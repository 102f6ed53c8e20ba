#!/usr/bin/env bash
# ustack.sh - user-stack unwinding against eu-stack (tests/bench/README.md,
# "User stacks").  `make bench-ustack` runs it; by hand:
#   TASKTOP=src/tasktop FIXTURE=tests/integration/ustack_fixture \
#   PROBE=tests/bench/ustack_probe tests/bench/ustack.sh
# Everything is measured side by side in one run, alternating the tools,
# and compared as ratios: the machine is shared and noisy.
set -euo pipefail

tasktop=${TASKTOP:-src/tasktop}
fixture=${FIXTURE:-tests/integration/ustack_fixture}
probe=${PROBE:-tests/bench/ustack_probe}
runs=${BENCH_USTACK_RUNS:-7}
pool=${BENCH_USTACK_POOL:-41}		# + 5 threads: 46 in all

say() { printf 'bench-ustack: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

for t in eu-stack jq od; do
	command -v "$t" >/dev/null || die "needs $t (Debian: elfutils, jq, coreutils)"
done
[ "$(id -u)" = 0 ] || die "needs root (the fixture's real-time ticker, ptrace)"
for f in "$tasktop" "$fixture" "$probe"; do
	[ -x "$f" ] || die "no $f: run make bench-ustack from the build directory"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tasktop-bench-ustack.XXXXXX")
fx=
trap '[ -n "$fx" ] && kill -KILL "$fx" 2>/dev/null; rm -rf "$work"' EXIT

"$fixture" --pool "$pool" --stats "$work/stats" --lifetime 600 >"$work/fx" &
fx=$!
for _ in $(seq 100); do grep -q '^pid=' "$work/fx" 2>/dev/null && break; sleep 0.05; done
grep -q '^pid=' "$work/fx" || die "the fixture did not start"
fx=$(sed -n 's/^pid=\([0-9]*\).*/\1/p' "$work/fx")	# its own word: $! may be a shell
nthreads=$(ls "/proc/$fx/task" | wc -l)
pool0=$(sed -n 's/.*pool=\([0-9]*\).*/\1/p' "$work/fx")

max_gap_us() { od -An -t u8 -j 8 -N 8 "$work/stats" | awk '{ printf "%d", $1 / 1000 }'; }

# The tool's wall time in ms, timed by the shell that runs it (no fork
# between the clock reads and the tool); with WHERE=nodebug in a private
# mount namespace whose /usr/lib/debug is an empty tmpfs: no separate debug
# file is found for any module (libc6-dbg's stay installed for the system).
timed='t0=$EPOCHREALTIME; "$@" >"$OUT" 2>"$ERR" || exit 1; t1=$EPOCHREALTIME
	echo $(( (${t1/./} - ${t0/./}) / 1000 ))'
wall_of() {
	local where=$1
	shift
	if [ "$where" = nodebug ]; then
		unshare -m -- bash -c "mount -t tmpfs tasktop-bench /usr/lib/debug && $timed" sh "$@"
	else
		bash -c "$timed" sh "$@"
	fi
}

# run NAME WHERE CMD…: wall ms, and the longest gap of the ticker meanwhile
# (its own stop: every tool stops it once), appended to NAME's lists.
declare -A wall gap
run() {
	local name=$1 where=$2 ms
	shift 2
	kill -USR1 "$fx"; sleep 0.05	# the fixture resets its longest gap
	ms=$(OUT=$work/$name.out ERR=$work/$name.err wall_of "$where" "$@") ||
		die "$name failed: $(head -c 300 "$work/$name.err")"
	sleep 0.01
	wall[$name]+="$ms "
	gap[$name]+="$(max_gap_us) "
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for i in $(seq "$runs"); do
	for where in debug nodebug; do
		run eu-stack.$where $where eu-stack -p "$fx"
		run eu-stack-s-i.$where $where eu-stack -s -i -p "$fx"
		run tasktop.$where $where "$tasktop" --json --ustack -n 1 -p "$fx"
		run tasktop-cpu.$where $where "$tasktop" --json --ustack -n 1 -d 0.2 -p "$fx"
	done
done
frames=$(jq '[.processes[].threads[] | select(.ustack != null)] | length' "$work/tasktop.debug.out")
[ "$frames" -eq "$nthreads" ] || say "warning: tasktop unwound $frames of $nthreads threads"

reunwind=$("$probe" "$fx" "$pool0" 300)

m() { echo "${wall[$1]}" | median; }
g() { echo "${gap[$1]}" | tr ' ' '\n' | grep . | sort -n | tail -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

debug_file=$(jq -r '[.processes[].threads[].ustack[]? | select(.module | tostring | test("/libc[.]so")) | .file] | map(select(. != null)) | length > 0' "$work/tasktop.debug.out")
nodebug_file=$(jq -r '[.processes[].threads[].ustack[]? | select(.module | tostring | test("/libc[.]so")) | .file] | map(select(. != null)) | length > 0' "$work/tasktop.nodebug.out")

printf '%s threads, %s runs each, alternating; medians of wall time, worst ticker gap\n' \
	"$nthreads" "$runs"
printf 'libc frames with file:line: %s with the system'"'"'s debug files, %s without\n' \
	"$debug_file" "$nodebug_file"
printf '| measure | debug files | tasktop | reference | ratio | goal |\n|---|---|---|---|---|---|\n'
for where in debug nodebug; do
	printf '| wall ms, `--json --ustack -n 1` (no wait: CPU%% null) vs `eu-stack -p` | %s | %s | %s | %s | <= 0.5 |\n' \
		"$where" "$(m tasktop.$where)" "$(m eu-stack.$where)" \
		"$(ratio "$(m tasktop.$where)" "$(m eu-stack.$where)")"
	printf '| wall ms, `-n 1` vs `eu-stack -s -i -p` (lines and inlines too) | %s | %s | %s | %s | - |\n' \
		"$where" "$(m tasktop.$where)" "$(m eu-stack-s-i.$where)" \
		"$(ratio "$(m tasktop.$where)" "$(m eu-stack-s-i.$where)")"
	printf '| wall ms, `-n 1 -d 0.2` (with CPU%%: a first look 0.2 s before) vs `eu-stack -p` | %s | %s | %s | %s | - |\n' \
		"$where" "$(m tasktop-cpu.$where)" "$(m eu-stack.$where)" \
		"$(ratio "$(m tasktop-cpu.$where)" "$(m eu-stack.$where)")"
done
printf '| longest ticker gap us (1 ms ticks; its own stop) vs eu-stack | debug | %s | %s | %s | <= 5000 us |\n' \
	"$(g tasktop.debug)" "$(g eu-stack.debug)" "$(ratio "$(g tasktop.debug)" "$(g eu-stack.debug)")"
printf '| re-unwind of a known thread (client round trip) | debug | %s | - | - | <= 1 ms |\n' "$reunwind"
