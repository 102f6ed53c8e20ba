#!/usr/bin/env bash
# An unprivileged user on a /proc mounted hidepid=2 (others' processes not
# listed), hidepid=invisible (the same, newer spelling) and hidepid=1
# (listed, but closed): tasktop --json and -b exit 0 and show the user's own
# processes and nothing of anyone else's.  On the normal /proc the same user
# gets every process, and a "permission denied" for every kernel stack.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_root_for "mount -t proc in a mount namespace, setpriv to user 65534"
require_tools unshare mount
require_nobody

# Long enough to outlive every run below; the lib kills them at exit.
background sleep 3600
ROOT_SLEEPER=$BACKGROUND_PID
background setpriv --reuid=65534 --regid=65534 --clear-groups sleep 3600
OWN_SLEEPER=$BACKGROUND_PID
# nobody must reach the mount point: through $WORK, not into its files.
chmod 711 "$WORK"
PROC_DIR=$WORK/proc
mkdir "$PROC_DIR"

# on_hidden_proc MODE: in a private mount namespace, mount a proc with
# hidepid=MODE and run tasktop on it as nobody: $WORK/MODE.json and
# $WORK/MODE.batch, each with .err and .status.  Returns 1 when this
# kernel can't mount it.
on_hidden_proc() {
	local mode=$1 out=$WORK/$1
	unshare -m --propagation private bash -c '
		out=$3
		mount -t proc -o "hidepid=$1" proc "$2" 2>"$out.mount" || exit 1
		shift 3
		"$@" --json -n 1 >"$out.json" 2>"$out.json.err"
		echo $? >"$out.json.status"
		"$@" -b -H -n 1 >"$out.batch" 2>"$out.batch.err"
		echo $? >"$out.batch.status"
	' hidden "$mode" "$PROC_DIR" "$out" \
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$TASKTOP" --proc-root "$PROC_DIR"
}

# assert_gone WHAT PID...: none of these pids is alive.  A process tasktop
# shows with no user ("-" in -b) was reaped between its stat read and its
# status read: short-lived processes of other tests running beside this one
# (nobody's zombies among them: their pid and user links stay readable to
# nobody).  One still alive would be a process tasktop could not tell the
# user of, shown all the same.
assert_gone() {
	local what=$1 pid
	shift
	for pid; do
		[ -d "/proc/$pid" ] && fail "$what: process $pid shown with no user, and alive:
$(cat "/proc/$pid/status" 2>&1 | head -n 9)"
	done
	return 0
}

# no_user_pids FILE: the pids of FILE's processes shown with no user.
no_user_pids() {
	jq '.processes[] | select(.user == null) | .pid' "$1"
}

assert_exit_0() {
	assert_eq "$1: exit status (stderr: $(head -c 300 "$2.err"))" 0 "$(cat "$2.status")"
	assert_quiet "$1" "$2.err"
}

check_hidden() {
	local mode=$1 out=$WORK/$1
	assert_exit_0 "hidepid=$mode --json" "$out.json"
	assert_json_lines "hidepid=$mode --json" "$out.json" 1
	assert_jq "hidepid=$mode: the users shown" "$out.json" \
		'[.processes[].user | values] | unique' '["nobody"]'
	assert_gone "hidepid=$mode --json" $(no_user_pids "$out.json")
	assert_jq "hidepid=$mode: nobody's own sleeper shown" "$out.json" \
		"[.processes[] | select(.pid == $OWN_SLEEPER) | .comm]" '["sleep"]'
	assert_jq "hidepid=$mode: root's sleeper shown" "$out.json" \
		"[.processes[] | select(.pid == $ROOT_SLEEPER)] | length" 0

	assert_exit_0 "hidepid=$mode -b -H" "$out.batch"
	assert_eq "hidepid=$mode -b: headers" 1 "$(grep -c '^tasktop - ' "$out.batch")"
	grep -q -E "^ *$OWN_SLEEPER +nobody " "$out.batch" ||
		fail "hidepid=$mode -b: no row for nobody's sleeper:
$(cat "$out.batch")"
	grep -q -E "^ *$ROOT_SLEEPER " "$out.batch" &&
		fail "hidepid=$mode -b: a row for root's sleeper:
$(cat "$out.batch")"
	[ -z "$(awk 'NR > 2 && NF > 2 && $2 != "nobody" && $2 != "-" && $1 ~ /^[0-9]+$/ && $2 !~ /^[A-Z]$/' "$out.batch")" ] ||
		fail "hidepid=$mode -b: rows of other users:
$(cat "$out.batch")"
	assert_gone "hidepid=$mode -b" $(awk 'NR > 2 && $2 == "-" && $1 ~ /^[0-9]+$/ { print $1 }' "$out.batch")
	echo "hidepid=$mode: nobody sees $(jq '.processes | length' "$out.json") processes, all its own"
}

on_hidden_proc 2 || fail "mount -t proc -o hidepid=2: $(cat "$WORK/2.mount")"
check_hidden 2
on_hidden_proc 1 || fail "mount -t proc -o hidepid=1: $(cat "$WORK/1.mount")"
check_hidden 1
if on_hidden_proc invisible; then
	check_hidden invisible
else
	echo "hidepid=invisible: not known to this kernel ($(cat "$WORK/invisible.mount"))"
fi

# The normal /proc as nobody: root's run lists the pids, nobody's must show
# each one that is still alive after it.
run_tasktop "$WORK/root.json" --json -n 1
status=0
as_nobody "$TASKTOP" --json --stack -n 1 >"$WORK/nobody.json" 2>"$WORK/nobody.json.err" ||
	status=$?
assert_eq "--json --stack as nobody: exit status (stderr: $(head -c 300 "$WORK/nobody.json.err"))" 0 $status
assert_quiet "--json --stack as nobody" "$WORK/nobody.json.err"
assert_json_lines "--json --stack as nobody" "$WORK/nobody.json" 1
jq '.processes[].pid' "$WORK/nobody.json" | sort >"$WORK/pids.nobody"
for pid in $(jq '.processes[].pid' "$WORK/root.json"); do
	[ -d "/proc/$pid" ] && echo "$pid"
done | sort >"$WORK/pids.alive"
missing=$(comm -23 "$WORK/pids.alive" "$WORK/pids.nobody")
[ -z "$missing" ] || fail "processes root sees and nobody does not: $missing"

assert_jq "stack errors of root's sleeper" "$WORK/nobody.json" \
	"[.processes[] | select(.pid == $ROOT_SLEEPER) | .threads[].stack_error]" \
	'["permission denied"]'
assert_jq "why stacks are missing, of every thread" "$WORK/nobody.json" \
	'[.processes[].threads[].stack_error] | unique - ["gone"]' '["permission denied"]'
assert_jq "stacks shown" "$WORK/nobody.json" \
	'[.processes[].threads[] | select(.stack != null)] | length' 0
assert_jq "ns inodes of root's sleeper shown" "$WORK/nobody.json" \
	"[.processes[] | select(.pid == $ROOT_SLEEPER) | .threads[].ns[] | values] | length" 0
# A nobody's zombie shows its pid and user inodes (no mm: no dumpable
# check); reaped before its status is read it has no user (assert_gone).
assert_jq "ns inodes of other users' threads shown" "$WORK/nobody.json" \
	'[.processes[] | select(.user != "nobody" and .user != null) | .threads[].ns[] | values] | length' 0
assert_gone "--json --stack as nobody" $(no_user_pids "$WORK/nobody.json")
assert_jq "the comm of root's sleeper (anyone may read it)" "$WORK/nobody.json" \
	"[.processes[] | select(.pid == $ROOT_SLEEPER) | .comm]" '["sleep"]'
echo "normal /proc as nobody: $(wc -l <"$WORK/pids.nobody") processes, every stack 'permission denied'"

# Under a sanitizer build on a busy machine the runs above take minutes: a
# sleeper that ended would read as a row tasktop failed to show.
kill -0 "$ROOT_SLEEPER" 2>/dev/null || fail "root's sleeper $ROOT_SLEEPER ended before -b -H ran"
status=0
as_nobody "$TASKTOP" -b -H -n 1 >"$WORK/nobody.batch" 2>"$WORK/nobody.batch.err" ||
	status=$?
assert_eq "-b -H as nobody: exit status (stderr: $(head -c 300 "$WORK/nobody.batch.err"))" 0 $status
assert_quiet "-b -H as nobody" "$WORK/nobody.batch.err"
grep -q -E "^ *$ROOT_SLEEPER +root " "$WORK/nobody.batch" ||
	fail "-b -H as nobody: no row for root's sleeper:
$(head -n 20 "$WORK/nobody.batch")"
echo "PASS: $test_name"
