#!/usr/bin/env bash
# Under churn (threads created and joined, children forked and reaped, a
# few hundred of each a second, some with hostile names) tasktop -b and
# --json, for one process and for all of /proc, print every one of 300
# refreshes, valid and consistent, with nothing on stderr (the sanitizers'
# reports go there); and over a run no fd outlives its task, no memory
# grows from refresh 50 to refresh 300.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_root_for "the files of every task in /proc, read while they churn"
require_tools
require_churn

REFRESHES=300
DELAY=0.02
# The fds on one kind of task file (stat, ns …) beyond the threads of the
# last refresh (the one in progress opens its new tasks' files), and what
# the resident memory may grow by from refresh 50 to 300.
FD_SLACK=64
RSS_SLACK_KB=512
RSS_PER_THREAD_KB=3	# a thread's share of the model and of a JSON line

# The comms a churn task can have (churn.c), as jq spells them, or null.
CHURN_COMMS='["churn", "churn\u001b[2J", "churn\u00ff", "churn\r\t", null]'

# batch_run WHAT OUT ARGS…: a -b run of $REFRESHES refreshes, checked.
batch_run() {
	local what=$1 out=$2 headers
	shift 2
	run_tasktop "$out" -b -H -d "$DELAY" -n "$REFRESHES" "$@"
	assert_quiet "$what" "$out.err"
	headers=$(grep -c '^tasktop - ' "$out")
	assert_eq "$what: refresh headers" "$REFRESHES" "$headers"
	assert_no_control_bytes "$what" "$out"
}

# json_checks WHAT OUT N: N JSON objects; in each, no pid or tid twice and
# churn's tasks named as churn names them (a half-read is never a name).
json_checks() {
	local bad
	assert_json_lines "$1" "$2" "$3"
	assert_no_control_bytes "$1" "$2"
	bad=$(jq -c --argjson churn "$CHURN_PID" --argjson names "$CHURN_COMMS" '
		[.processes[].pid] as $pids | [.processes[].threads[].tid] as $tids |
		[.processes[] | select(.pid == $churn or .ppid == $churn) |
		 .threads[].comm | select(. as $c | $names | index([$c]) | not)] as $odd |
		select(($pids | unique | length) != ($pids | length) or
		       ($tids | unique | length) != ($tids | length) or
		       ($odd | length) > 0) |
		{time, pids: ($pids | length), tids: ($tids | length), odd_comms: $odd}' \
		"$2" | head -n 3)
	[ -z "$bad" ] || fail "$1: refreshes with a pid or tid twice or a made-up comm:
$bad"
}

json_run() {
	local what=$1 out=$2
	shift 2
	run_tasktop "$out" --json -d "$DELAY" -n "$REFRESHES" "$@"
	assert_quiet "$what" "$out.err"
	json_checks "$what" "$out" "$REFRESHES"
}

# In the background, so a failure ends only its subshell: wait_ok says.
wait_ok() {
	wait "$1" || fail "$2 failed (its message is above)"
}

churn_start 50

( batch_run "-b -p churn" "$WORK/batch-p" -p "$CHURN_PID" ) &
batch_p=$!
( json_run "--json -p churn" "$WORK/json-p" -p "$CHURN_PID" ) &
json_p=$!
wait_ok $batch_p "-b -H -p churn"
wait_ok $json_p "--json -p churn"
echo "-b -H and --json -p churn: $REFRESHES refreshes each"
few_tasks ||
	skip "$TASKS tasks on this machine: $REFRESHES refreshes of all of /proc would take minutes (-p runs passed)"

( batch_run "-b over all of /proc" "$WORK/batch-all" ) &
batch_all=$!

# The --json run over all of /proc is watched while it runs: its fds and
# memory at refresh 50 and at refresh 300.
out=$WORK/json-all
: >"$out"	# there before sample_at counts its lines
"$TASKTOP" --json -d "$DELAY" -n $((REFRESHES + 40)) >"$out" 2>"$out.err" &
tasktop=$!

# sample_at N: when the output has N lines, look at the running tasktop:
# FDS (all its fds), OTHER_FDS (those not on a task's file), in
# $WORK/kinds.N "COUNT FILE" for the fds it keeps on each task file (stat,
# ns …), RSS_KB, and THREADS (in the last refresh printed).
sample_at() {
	local lines kinds
	while lines=$(wc -l <"$out") && [ "$lines" -lt "$1" ]; do
		kill -0 $tasktop 2>/dev/null ||
			fail "tasktop --json exited before refresh $1: $(head -c 500 "$out.err")"
		sleep 0.005
	done
	[ "$lines" -ge "$1" ] || fail "cannot count the lines of $out"
	fd_targets $tasktop >"$WORK/fds.$1"
	RSS_KB=$(vm_rss_kb $tasktop)
	THREADS=$(sed -n "${lines}p" "$out" | jq '[.processes[].threads[]] | length')
	FDS=$(wc -l <"$WORK/fds.$1")
	OTHER_FDS=$(grep -c -v -E '^/proc/[0-9]+/' "$WORK/fds.$1")
	sed -n -E 's,^/proc/[0-9]+/(task/[0-9]+/)?,,p' "$WORK/fds.$1" |
		sort | uniq -c | sort -rn >"$WORK/kinds.$1"
	kinds=$(awk '{ printf "%s%d %s", (NR > 1 ? ", " : ""), $1, $2 }' "$WORK/kinds.$1")
	echo "refresh $lines: $FDS fds (on task files: ${kinds:-none}; $OTHER_FDS others), $THREADS threads, VmRSS $RSS_KB kB"
}
sample_at 50
other50=$OTHER_FDS rss50=$RSS_KB threads50=$THREADS
sample_at $REFRESHES
status=0
wait $tasktop || status=$?
assert_eq "exit status of --json over all of /proc (stderr: $(head -c 300 "$out.err"))" 0 $status
assert_quiet "--json over all of /proc" "$out.err"
json_checks "--json over all of /proc" "$out" $((REFRESHES + 40))
wait_ok $batch_all "-b -H over all of /proc"
echo "-b -H and --json over all of /proc: $REFRESHES and $((REFRESHES + 40)) refreshes"

[ "$OTHER_FDS" -le $((other50 + 2)) ] ||
	fail "fds not on task files grew from $other50 to $OTHER_FDS:
$(grep -v -E '^/proc/[0-9]+/' "$WORK/fds.$REFRESHES" | sort | uniq -c | sort -rn | head)"
# Thousands of tasks came and went: fds kept for the gone would outnumber
# the live threads by far.
stale=$(awk -v threads="$THREADS" -v slack=$FD_SLACK \
	'$1 > threads + slack { print $1 " on " $2 }' "$WORK/kinds.$REFRESHES")
[ -z "$stale" ] ||
	fail "more fds on a task file than $THREADS threads (+$FD_SLACK) at refresh $REFRESHES: $stale"
if built_with_sanitizers; then
	echo "VmRSS not compared: the sanitizers' quarantine holds freed memory"
else
	# The machine is shared: when other tasks start meanwhile, the memory
	# they rightly take (the model and a JSON line grow with the threads
	# shown) is no leak.
	grown=$((THREADS > threads50 ? THREADS - threads50 : 0))
	[ "$RSS_KB" -le $((rss50 + RSS_SLACK_KB + grown * RSS_PER_THREAD_KB)) ] ||
		fail "VmRSS grew from $rss50 kB at refresh 50 ($threads50 threads) to $RSS_KB kB at $REFRESHES ($THREADS threads)"
fi
churn_stop
echo "PASS: $test_name"
