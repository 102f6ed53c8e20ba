# memory.sh - sourced by run.sh: what a program costs the machine's memory,
# kernel included (README.md beside this file, "machine memory").
#
# MemAvailable before, during and after a run is a difference of two large
# numbers on a shared machine: other people's page cache, slab and
# processes come and go by hundreds of MiB in seconds, so one sample can
# come out negative.  The program is therefore run in a memory cgroup of
# its own, a child of the bench's (v1) or under the root (v2): the kernel
# charges it every page it allocates, user and kernel (the struct file,
# dentry and inode behind each kept fd, page tables, BPF maps), whoever
# else runs.  Sampled after the caches are dropped, so that only what the
# program pins is left.  Each program runs BENCH_MEM_RUNS times, the
# programs alternating; rows are medians.  The paired MemAvailable drop
# (the mean of before and after less during) is kept beside it as a
# cross-check, with each run's value, and so are the program's own Pss,
# page tables, BPF memlock and fds.
#
# Uses from run.sh: $work, tmux_start, tmux_stop, median.

mem_runs=${BENCH_MEM_RUNS:-5}
mem_warmup=${BENCH_MEM_WARMUP:-4}
mem_cgroup_parent=
mem_cgroup_v=

meminfo_kb() {
	awk -v f="$1:" '$1 == f {print $2}' /proc/meminfo
}

# Where a child memory cgroup can go: v1, below the bench's own (its
# limits still apply); v2, below the root (a v2 group with processes may
# have no children with controllers).
mem_cgroup_setup() {
	local own
	own=$(awk -F: '$2 == "memory" {print $3}' /proc/self/cgroup)
	if [ -n "$own" ] && [ -w "/sys/fs/cgroup/memory$own" ]; then
		mem_cgroup_parent=/sys/fs/cgroup/memory$own mem_cgroup_v=1
	elif grep -qw memory /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
		mem_cgroup_parent=/sys/fs/cgroup mem_cgroup_v=2
	fi
	cat >"$work/in-cgroup" <<-'EOF'
		#!/bin/sh
		# in-cgroup DIR CMD...: CMD in memory cgroup DIR, or as is
		[ "$1" = - ] || echo $$ >"$1/cgroup.procs" || exit 1
		shift
		exec "$@"
	EOF
	chmod +x "$work/in-cgroup"
}

# The groups of an interrupted run (run.sh's cleanup).
mem_cleanup() {
	[ -z "$mem_cgroup_parent" ] ||
		rmdir "$mem_cgroup_parent/tt-bench-$$-"* 2>/dev/null || true
}

# A fresh memory cgroup for one run (its path), or "-" when none can be made.
mem_cgroup_new() {
	local d="$mem_cgroup_parent/tt-bench-$$-$1"
	if [ -n "$mem_cgroup_parent" ] && mkdir "$d" 2>/dev/null; then
		echo "$d"
	else
		echo -
	fi
}

# "total kernel anon file" kB charged to cgroup DIR now; n/a without one.
mem_cgroup_charge() {
	local d=$1
	if [ "$d" = - ]; then
		echo "n/a n/a n/a n/a"
	elif [ "$mem_cgroup_v" = 1 ]; then
		awk -v total="$(cat "$d/memory.usage_in_bytes")" \
			-v kernel="$(cat "$d/memory.kmem.usage_in_bytes")" '
			$1 == "rss" {anon = $2} $1 == "cache" {file = $2}
			END{printf "%d %d %d %d\n", total / 1024, kernel / 1024,
				anon / 1024, file / 1024}' "$d/memory.stat"
	else
		awk -v total="$(cat "$d/memory.current")" '
			$1 == "kernel" {kernel = $2} $1 == "anon" {anon = $2}
			$1 == "file" {file = $2}
			END{printf "%d %d %d %d\n", total / 1024, kernel / 1024,
				anon / 1024, file / 1024}' "$d/memory.stat"
	fi
}

# Drop the page cache and the reclaimable slab twice (objects freed after
# an RCU grace period come back between the two), then let the kernel
# settle; prints MemAvailable in kB.
mem_settled() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	sleep 0.4
	echo 3 >/proc/sys/vm/drop_caches
	sleep 0.3
	meminfo_kb MemAvailable
}

# kB of memlock the BPF maps and programs behind PID's fds account for.
bpf_memlock_kb() {
	cat "/proc/$1"/fdinfo/* 2>/dev/null |
		awk '$1 == "memlock:" {s += $2} END{printf "%d", s / 1024}'
}

# "Pss_kB PageTables_kB memlock_kB fds" of a running PID.
process_memory() {
	local pss pte fds
	pss=$(awk '$1 == "Pss:" {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null)
	pte=$(awk '$1 == "VmPTE:" {print $2}' "/proc/$1/status" 2>/dev/null)
	fds=$(find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
	printf '%s %s %s %s\n' "${pss:-n/a}" "${pte:-n/a}" \
		"$(bpf_memlock_kb "$1")" "$fds"
}

wait_gone() {
	local i
	for ((i = 0; i < 200; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
}

# One run of NAME (CMD…) in tmux, in a memory cgroup of its own; prints
# (kB) "charged kernel anon file memavail_drop pss pte memlock fds".
mem_one_run() {
	local name=$1 cg pid a b c charge own
	shift
	cg=$(mem_cgroup_new "$name")
	a=$(mem_settled)
	pid=$(tmux_start "$name" "$work/in-cgroup" "$cg" "$@")
	sleep "$mem_warmup"
	b=$(mem_settled)
	charge=$(mem_cgroup_charge "$cg")
	own=$(process_memory "$pid")
	tmux_stop "$name"
	wait_gone "$pid"
	c=$(mem_settled)
	[ "$cg" = - ] || rmdir "$cg" 2>/dev/null || true
	printf '%s %d %s\n' "$charge" "$(((a + c) / 2 - b))" "$own"
}

# Median of column COL (1-based, kB) of the runs in FILE, in MiB.
mem_median_mib() {
	awk -v c="$2" '$c ~ /^-?[0-9]+$/ {print $c / 1024}' "$1" | median |
		awk '$1 != "n/a" {printf "%.1f", $1; next} {print}'
}

# measure_memory NAME CMD… [-- NAME CMD…]…: $mem_runs runs of each,
# alternating; the runs of NAME in $work/NAME.mem, one line each.
measure_memory() {
	local names=() cmds=() cmd i r
	while [ $# -gt 0 ]; do
		names+=("$1")
		shift
		cmd=()
		while [ $# -gt 0 ] && [ "$1" != -- ]; do
			cmd+=("$1")
			shift
		done
		[ $# -eq 0 ] || shift
		cmds+=("${cmd[*]}")
	done
	for i in "${!names[@]}"; do : >"$work/${names[$i]}.mem"; done
	[ "$(id -u)" = 0 ] || return 0
	mem_cgroup_setup
	for ((r = 1; r <= mem_runs; r++)); do
		for i in "${!names[@]}"; do
			# shellcheck disable=SC2086  # a command line, split on purpose
			mem_one_run "mem-${names[$i]}" ${cmds[$i]} \
				>>"$work/${names[$i]}.mem"
		done
	done
}

# "charged kernel memavail_drop" in MiB for NAME: medians of its runs.
mem_cost() {
	local f="$work/$1.mem"
	printf '%s %s %s\n' "$(mem_median_mib "$f" 1)" \
		"$(mem_median_mib "$f" 2)" "$(mem_median_mib "$f" 5)"
}

# One line a program with every part and each run's MemAvailable drop,
# so that a reader sees the noise.
mem_details() {
	local name f
	for name in "$@"; do
		f="$work/$name.mem"
		[ -s "$f" ] || continue
		printf '  %s: charged %s MiB (kernel %s, anon %s, file %s); Pss %s, page tables %s, BPF memlock %s MiB; fds %s; MemAvailable drop %s MiB (runs: %s)\n' \
			"$name" "$(mem_median_mib "$f" 1)" \
			"$(mem_median_mib "$f" 2)" "$(mem_median_mib "$f" 3)" \
			"$(mem_median_mib "$f" 4)" "$(mem_median_mib "$f" 6)" \
			"$(mem_median_mib "$f" 7)" "$(mem_median_mib "$f" 8)" \
			"$(awk '{print $9}' "$f" | median)" \
			"$(mem_median_mib "$f" 5)" \
			"$(awk '{printf "%s%.1f", (NR > 1 ? " " : ""), $5 / 1024}' "$f")"
	done
}
