#!/usr/bin/env bash
# -b --stacks and --json --stacks group stackdemo's threads: the 40 pool
# threads first, exactly; the 3 spinners together (in user space); the
# groups follow a pool thread released into another function; --samples
# gives shares of thread-time.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
. "$top_srcdir/tests/integration/stackdemo_lib.sh"
require_root
require_tools
stackdemo_start

# ---- batch ------------------------------------------------------------
out=$WORK/batch.txt
run_tasktop "$out" -b --stacks -n 1 -p "$SD_PID"
assert_no_control_bytes "batch --stacks" "$out"
groups=$(grep -E '^[0-9]+ threads? ' "$out")
first=$(head -n 1 <<<"$groups")
[[ $first == "40 threads  S  "* ]] ||
	fail "batch: the first group is not 40 threads in S: '$first'
$(cat "$out")"
assert_eq "batch: the first group's tids" "$SD_POOL" \
	"$(expand_ranges "${first##*tids }")"
chain=$(awk -v first="$first" '$0 == first { on = 1; next }
	on && /^    / { print; next } { on = 0 }' "$out")
grep -q futex <<<"$chain" || fail "batch: the pool's chain has no futex frame:
$chain"
grep -q -E '^    ' <<<"$chain" || fail "batch: the chain is not indented"
grep -q -E "^PID $SD_PID  .*46 threads, 5 groups by kernel stack\$" "$out" ||
	fail "batch: no process line for $SD_PID: $(head -n 3 "$out")"
[ "$(wc -l <<<"$groups")" -eq 5 ] || fail "batch: expected 5 groups:
$groups"
spin_line=$(grep -E "^3 threads  R " <<<"$groups") ||
	fail "batch: no group of 3 running threads: $groups"
assert_eq "batch: the spinners' tids" "$SD_SPIN" \
	"$(expand_ranges "${spin_line##*tids }")"

# ---- JSON -------------------------------------------------------------
json_of "$SD_PID" --stacks
groups_q="$(echo ".processes[] | select(.pid == $SD_PID) | .stack_groups")"
assert_jq "json: keys of a group" "$JSON" "$groups_q[0] | keys" \
	'["basis","cpu_percent","kernel","kernel_error","samples","states","tids","user","user_error"]'
assert_jq "json: the first group's tids" "$JSON" "$groups_q[0].tids" "[$SD_POOL]"
assert_jq "json: the first group's states" "$JSON" "$groups_q[0].states" '{"S":40}'
assert_jq "json: the first group's kernel chain has futex" "$JSON" \
	"[$groups_q[0].kernel[] | select(test(\"futex\"))] | length > 0" true
assert_jq "json: user frames without --ustack" "$JSON" \
	"[$groups_q[].user] | unique" '[null]'
assert_jq "json: samples live" "$JSON" "[$groups_q[].samples] | unique" '[null]'
assert_jq "json: groups largest first" "$JSON" \
	"[$groups_q[].tids | length] | . == (sort | reverse)" true
assert_jq "json: every thread once" "$JSON" \
	"[$groups_q[].tids[]] | sort | length" 46
assert_jq "json: the spinners, in user space" "$JSON" \
	"[$groups_q[] | select(.kernel == []) | .tids]" "[[$SD_SPIN]]"
assert_jq "json: the spinners' CPU" "$JSON" \
	"$groups_q[] | select(.kernel == []) | .cpu_percent | type" '"number"'
for one in "$SD_EPOLL:epoll" "$SD_PIPE:pipe_read" "$SD_MAIN:sigtimedwait"; do
	assert_jq "json: thread ${one%%:*} alone, in ${one#*:}" "$JSON" \
		"[$groups_q[] | select(.tids == [${one%%:*}]) | .kernel[] |
		  select(test(\"${one#*:}\"))] | length > 0" true
done

# ---- --ustack: kernel and user chains together ---------------------------
json_of "$SD_PID" --stacks --ustack
assert_jq "ustack: the pool's tids" "$JSON" "$groups_q[0].tids" "[$SD_POOL]"
assert_jq "ustack: the pool in pool_worker" "$JSON" \
	"[$groups_q[0].user[] | select(test(\"^pool_worker\"))] | length" 1
assert_jq "ustack: the spinners, one group in spin_loop" "$JSON" \
	"[$groups_q[] | select(.user != null and ([.user[] | select(test(\"^spin_loop\"))] | length) > 0) | .tids]" \
	"[[$SD_SPIN]]"
assert_jq "ustack: the spinners' kernel part, in user space" "$JSON" \
	"[$groups_q[] | select(.tids == [$SD_SPIN]) | .kernel]" '[[]]'
assert_jq "ustack: every group unwound" "$JSON" \
	"[$groups_q[] | .user_error] | unique" '[null]'
assert_jq "ustack: the kernel chains are not ptrace's stop" "$JSON" \
	"[$groups_q[].kernel[] | select(test(\"ptrace\"))] | length" 0
run_tasktop "$out" -b --stacks --ustack -n 1 -p "$SD_PID"
first=$(grep -E '^[0-9]+ threads? ' "$out" | head -n 1)
[[ $first == "40 threads  S  "* ]] ||
	fail "batch --ustack: the first group is not the 40: '$first'"
grep -q -E '^    pool_worker\+0x' "$out" ||
	fail "batch --ustack: no pool_worker frame:
$(head -n 30 "$out")"

# ---- a pool thread leaves the pool ---------------------------------------
stackdemo_release
json_of "$SD_PID" --stacks
assert_jq "json after release: the pool's tids" "$JSON" "$groups_q[0].tids" "[$SD_POOL]"
assert_jq "json after release: the released thread alone, in nanosleep" "$JSON" \
	"[$groups_q[] | select(.tids == [$SD_RELEASED]) | .kernel[] |
	  select(test(\"nanosleep\"))] | length > 0" true
run_tasktop "$out" -b --stacks -n 1 -p "$SD_PID"
first=$(grep -E '^[0-9]+ threads? ' "$out" | head -n 1)
[[ $first == "39 threads  S  "* ]] ||
	fail "batch after release: the first group is not 39 threads: '$first'"
json_of "$SD_PID" --stacks --ustack
assert_jq "ustack after release: the pool" "$JSON" "$groups_q[0].tids" "[$SD_POOL]"
assert_jq "ustack after release: the released thread in released_worker" "$JSON" \
	"[$groups_q[] | select(.tids == [$SD_RELEASED]) | .user[] |
	  select(test(\"^released_worker\"))] | length" 1

# ---- sampled -------------------------------------------------------------
json_of "$SD_PID" --stacks --samples 10 --interval 0.02
assert_jq "sampled: rounds" "$JSON" \
	".processes[] | select(.pid == $SD_PID) | .stack_rounds" 10
assert_jq "sampled: the pool's thread-samples" "$JSON" "$groups_q[0].samples" 390
assert_jq "sampled: the pool's states count samples" "$JSON" \
	"$groups_q[0].states" '{"S":390}'
assert_jq "sampled: no CPU%" "$JSON" "[$groups_q[].cpu_percent] | unique" '[null]'
assert_jq "sampled: all thread-samples" "$JSON" "[$groups_q[].samples] | add" 460
run_tasktop "$out" -b --stacks --samples 5 --interval 0.02 -n 1 -p "$SD_PID"
grep -q -E '^39 threads  S  85% of thread-time \(195 of 230 samples\)  tids ' "$out" ||
	fail "sampled batch: no 39-thread group with its share:
$(cat "$out")"

# ---- kernel stacks unreadable: wchan and syscall ---------------------------
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}
if ! command -v setpriv >/dev/null || ! as_nobody test -x "$TASKTOP"; then
	echo "SKIP (part): user 65534 cannot run $TASKTOP"
	echo "PASS: $test_name"
	exit 0
fi
kill -TERM "$STACKDEMO_PID"
wait "$STACKDEMO_PID" 2>/dev/null
STACKDEMO_PREFIX="setpriv --reuid=65534 --regid=65534 --clear-groups" stackdemo_start
out=$WORK/nobody.json
as_nobody "$TASKTOP" --json --stacks -n 1 -p "$SD_PID" >"$out" 2>"$out.err" ||
	fail "--json --stacks as nobody failed: $(cat "$out.err")"
q=".processes[] | select(.pid == $SD_PID) | .stack_groups"
assert_jq "nobody: the pool first, by wchan" "$out" "$q[0].tids" "[$SD_POOL]"
assert_jq "nobody: the basis" "$out" "[$q[].basis] | unique" '["wchan"]'
assert_jq "nobody: why" "$out" "[$q[].kernel_error] | unique" '["permission denied"]'
assert_jq "nobody: no kernel frames made up" "$out" "[$q[].kernel] | unique" '[null]'
assert_jq "nobody: the pool's syscall" "$out" "$q[0].syscall" '"futex"'
assert_jq "nobody: the pool's wchan" "$out" "$q[0].wchan | test(\"futex\")" true
as_nobody "$TASKTOP" -b --stacks -n 1 -p "$SD_PID" >"$out" 2>"$out.err" ||
	fail "-b --stacks as nobody failed: $(cat "$out.err")"
grep -q -E "^PID $SD_PID  .* by wchan and syscall \(kernel stack: permission denied; root can read it\)" "$out" ||
	fail "nobody: the batch text does not say it grouped by wchan:
$(head -n 3 "$out")"

# ---- another user's process: nothing read, so no group -------------------
# Neither its stacks, wchan nor syscall can be read unprivileged: that is
# said, not shown as one group "by wchan -, syscall -".
nsdemo_start
as_nobody "$TASKTOP" -b --stacks -n 1 -p "$DEMO_PID" >"$out" 2>"$out.err" ||
	fail "-b --stacks as nobody on root's process failed: $(cat "$out.err")"
nthreads=$(demo_tids | wc -l)
grep -q -x -E "PID $DEMO_PID  .*  $nthreads threads, not grouped: kernel stack, wchan and syscall: permission denied; root can read them" "$out" ||
	fail "nobody on root's process: the batch text does not say nothing could be grouped:
$(head -n 4 "$out")"
grep -q -E '^[0-9]+ threads? ' "$out" && fail "nobody on root's process: a group line:
$(cat "$out")"
grep -q -E "^not grouped: $nthreads threads  " "$out" ||
	fail "nobody on root's process: no line for the threads not grouped:
$(cat "$out")"
as_nobody "$TASKTOP" --json --stacks -n 1 -p "$DEMO_PID" >"$out" 2>"$out.err" ||
	fail "--json --stacks as nobody on root's process failed: $(cat "$out.err")"
q=".processes[] | select(.pid == $DEMO_PID) | .stack_groups"
assert_jq "nobody on root's: basis none" "$out" "[$q[].basis]" '["none"]'
assert_jq "nobody on root's: every thread listed" "$out" "$q[0].tids | length" "$nthreads"
echo "PASS: $test_name"
