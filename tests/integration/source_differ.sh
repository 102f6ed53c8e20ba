#!/usr/bin/env bash
# The two sources agree (docs/ARCHITECTURE.md, "The BPF source"): for nsdemo,
# whose threads live in other namespaces, --source bpf and --source procfs
# give the same tids, comm, state, ppid, the ten namespace inodes and
# ns_differs; under thread and process churn every bpf sample stays
# consistent; unprivileged, auto falls back to procfs and says why, and
# --source bpf is refused in one line.  As root with BPF built in, the
# iterator must load (this is where it passes the verifier): no skip then.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools setpriv
CHURN=$top_builddir/tests/reliability/churn

version=$("$TASKTOP" -V) || fail "tasktop -V failed"
case $version in
*"built without BPF"*) skip "built without BPF: $version" ;;
*"source: bpf"*) ;;
*) fail "as root, auto did not take bpf: $version" ;;
esac

nsdemo_start --threads 3 --hostile --lifetime 300	# a busy machine: slow

# One projection of a sample, sorted: what both sources must agree on.
project() {
	jq -c --argjson pid "$DEMO_PID" '.processes[] | select(.pid == $pid) |
	    [.pid, .ppid, .comm, .state, .ns_ref_tid, .leader_exited,
	     (.threads[] | [.tid, .comm, .state, .ns, .ns_differs])]' "$1"
}

for src in bpf procfs; do
	run_tasktop "$WORK/$src.json" --source "$src" --json -n 1 -d 0 -p "$DEMO_PID"
	assert_jq "source of --source $src" "$WORK/$src.json" .source "\"$src\""
	project "$WORK/$src.json" >"$WORK/$src.proj"
done
[ -s "$WORK/bpf.proj" ] || fail "no nsdemo process from --source bpf"
assert_same_lines "nsdemo from bpf and procfs" "$WORK/procfs.proj" "$WORK/bpf.proj"
assert_ns_as_set_up "$WORK/bpf.json"

tab=$'\t'
# The whole system: a process seen by both runs has the same ppid and comm
# (a kernel worker's comm up to its current work, "kworker/1:1-events",
# which changes between runs); what started or ended in between is in one
# run only (the machine is shared: that may be many).
for src in bpf procfs; do
	"$TASKTOP" --source "$src" --json -n 1 -d 0 |
		jq -r '.processes[] | "\(.pid)\t\(.ppid)\t\(.comm | tostring |
		    if test("^kworker/") then sub("-.*"; "") else . end)"' |
		sort -t "$tab" -k1,1 >"$WORK/$src.all"
done
join -t "$tab" "$WORK/bpf.all" "$WORK/procfs.all" >"$WORK/both"
common=$(wc -l <"$WORK/both")
differ=$(awk -F "$tab" '$2 != $4 || $3 != $5' "$WORK/both")
total=$(wc -l <"$WORK/procfs.all")
[ "$common" -ge $((total / 2)) ] ||
	fail "only $common of $total processes in both runs"
[ -z "$differ" ] || [ "$(echo "$differ" | wc -l)" -le $((common / 50 + 2)) ] ||
	fail "bpf and procfs disagree on processes seen by both (pid, ppid, comm; ppid, comm):
$(echo "$differ" | head -20)"

# Churn: threads and children come and go hundreds of times a second.
"$CHURN" --seconds 4 --rate 400 >"$WORK/churn.out" 2>&1 &
churn=$!
trap 'kill "$churn" 2>/dev/null; cleanup' EXIT
sleep 0.3
demo_threads=$(jq --argjson pid "$DEMO_PID" \
	'.processes[] | select(.pid == $pid) | .threads | length' "$WORK/procfs.json")
run_tasktop "$WORK/churn.json" --source bpf --json -n 8 -d 0.2 \
	-p "$DEMO_PID,$churn"
lines=$(wc -l <"$WORK/churn.json")
[ "$lines" -eq 8 ] || fail "--json -n 8 under churn printed $lines lines"
while read -r sample; do
	echo "$sample" | jq -e --argjson pid "$DEMO_PID" --argjson n "$demo_threads" '
	    ([.processes[].threads[].tid] | length) == ([.processes[].threads[].tid] | unique | length)
	    and ([.processes[] | select(.pid == $pid) | .threads[].tid] | length) == $n
	    and all(.processes[]; .num_threads == (.threads | length))
	    and all(.processes[]; .threads[0].tid == .pid or .leader_exited)
	    and ([.processes[].pid] | sort) == ([$pid, '"$churn"'] | sort)' >/dev/null ||
		fail "an inconsistent sample under churn: $(echo "$sample" | head -c 300)"
done <"$WORK/churn.json"
kill "$churn" 2>/dev/null
wait "$churn" 2>/dev/null

# Unprivileged: auto falls back and says why; bpf asked for is refused.
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$@"
}
why=$(as_nobody "$TASKTOP" -V) || fail "tasktop -V as nobody failed"
case $why in
*"source: procfs (bpf: "*) ;;
*) fail "as nobody, -V does not say why not bpf: $why" ;;
esac
status=0
err=$(as_nobody "$TASKTOP" --source bpf --json -n 1 2>&1 >/dev/null) || status=$?
[ $status -eq 2 ] || fail "--source bpf as nobody exited $status, expected 2"
[ "$(echo "$err" | wc -l)" -eq 1 ] && [[ $err == "tasktop: --source bpf: "* ]] ||
	fail "--source bpf as nobody: not one line naming the problem: $err"
echo "PASS: $test_name: $(wc -l <"$WORK/bpf.proj") nsdemo lines agree, $common of $total processes; churn: $(tail -n 1 "$WORK/churn.out"); nobody: ${why#*source: }"
