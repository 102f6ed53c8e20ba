#!/usr/bin/env bash
# A signal reaches exactly the task on screen, or none:
# 1. Under --proc-root of another pid namespace, a process there that has
#    the number of a host process: SIGSTOP stops the one shown, never the
#    host's (the number means another task in tasktop's namespace).
# 2. The id of the task shown is reused before k (tasktop, paused, still
#    shows the old one): the prompt refuses, the new owner gets nothing.
# 3. The task exits while the prompt waits and another gets its id: y
#    reports the exit and sends nothing.
# 4. Under that proc root, a thread row: SIGUSR1 reaches that thread alone
#    (PIDFD_SIGNAL_THREAD, Linux 6.9); t sends SIGSTOP to its process.
# Namespaces are private (unshare --pid --fork --mount-proc), so writing
# their ns_last_pid to choose an id touches nobody else's.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
command -v unshare >/dev/null || skip "needs unshare"

CONTAINERS=()
trap 'for c in "${CONTAINERS[@]}"; do kill -KILL "$c" 2>/dev/null; done
	background_kill; tm kill-server 2>/dev/null; cleanup' EXIT

state_of() {
	awk '$1 == "State:" { print $2 }' "$1/status" 2>/dev/null
}

# container SCRIPT: run SCRIPT as pid 1 of a new pid namespace with its own
# /proc; sets CONTAINER (the host pid of that pid 1) once it wrote
# $WORK/ready.
container() {
	rm -f "$WORK/ready"
	unshare --pid --fork --mount-proc bash "$1" 2>>"$WORK/unshare.err" &
	BACKGROUND_PIDS+=("$!")
	wait_until "saw the container start" test -s "$WORK/ready"
	CONTAINER=$(pgrep -P "$!" | head -n 1)
	[ -n "$CONTAINER" ] || fail "no pid 1 under unshare $!"
	CONTAINERS+=("$CONTAINER")
}

# ---- 1. the same number on the host and in the container ----------------
background sleep 600
HOST=$BACKGROUND_PID
cat >"$WORK/same_number.sh" <<EOF
echo $((HOST - 1)) >/proc/sys/kernel/ns_last_pid
sleep 600 &
echo "\$!" >"$WORK/ready"
wait
EOF
container "$WORK/same_number.sh"
INNER=$(cat "$WORK/ready")
[ "$INNER" = "$HOST" ] || skip "the container's sleep got pid $INNER, not $HOST"
CROOT=/proc/$CONTAINER/root/proc
[ "$(cat "$CROOT/$HOST/comm")" = sleep ] || fail "no sleep $HOST in $CROOT"

tui_start -- --proc-root "$CROOT" -p "$HOST"
wait_for_side_pane_of "$HOST"
keys k
wait_for_screen "the prompt" "SIGTERM to process $HOST"
keys 5 y
wait_for_screen "the report" "sent SIGSTOP to process $HOST"
wait_until "saw the container's $HOST stopped" \
	eval '[ "$(state_of "$CROOT/$HOST")" = T ]'
assert_eq "the host's $HOST (not shown) after SIGSTOP" S "$(state_of "/proc/$HOST")"
tm_stop

# ---- 2, 3. an id reused before the prompt, and while it waits -----------
# tasktop runs inside the namespace, where its ids are its own; "go" files
# ask the container to replace the task with id $ID by a new one.
ID=500
cat >"$WORK/reuse.sh" <<EOF
replace() {
	kill -KILL \$1
	wait \$1 2>/dev/null
	echo $((ID - 1)) >/proc/sys/kernel/ns_last_pid
	sleep 600 &
}
echo $((ID - 1)) >/proc/sys/kernel/ns_last_pid
sleep 600 &
echo "\$!" >"$WORK/ready"
for round in 1 2; do
	while [ ! -e "$WORK/go\$round" ]; do sleep 0.05; done
	replace \$!
	echo "\$!" >"$WORK/replaced\$round"
done
wait
EOF
cat >"$WORK/tasktop.sh" <<EOF
$TASKTOP -d 1 -p $ID; echo $EXIT_MARK\$?; sleep 600
EOF
cat >"$WORK/outer.sh" <<EOF
bash "$WORK/reuse.sh" &
while [ ! -s "$WORK/ready" ]; do sleep 0.05; done
exec bash "$WORK/tasktop.sh"
EOF
rm -f "$WORK/ready"
tm -f /dev/null new-session -d -s tasktop -x 160 -y 45 \
	"env LANG=C.UTF-8 unshare --pid --fork --mount-proc bash $WORK/outer.sh" ||
	fail "tmux new-session failed"
wait_for_screen "tasktop in the container" 'PID/TID'
wait_for_side_pane_of "$ID"
[ "$(cat "$WORK/ready")" = "$ID" ] || skip "the container's sleep is not $ID"
NSINIT=$(pgrep -P "$(tm display-message -p -t "$PANE" '#{pane_pid}')" | head -n 1)
[ -n "$NSINIT" ] || fail "no pid 1 under the pane's unshare"
CONTAINERS+=("$NSINIT")	# a namespace's pid 1 outlives the pane's hangup
NSROOT=/proc/$NSINIT/root/proc
keys Z	# paused: the screen keeps showing the first sleep
touch "$WORK/go1"
wait_until "saw id $ID reused" test -s "$WORK/replaced1"
assert_eq "the reused id" "$ID" "$(cat "$WORK/replaced1")"
keys k
wait_for_screen "the refusal" "cannot signal process $ID: .*another task"
keys y
sleep 0.3
assert_eq "the new task with id $ID after k y" S "$(state_of "$NSROOT/$ID")"

keys Z	# a refresh shows the new task; its prompt pins it
sleep 1.2
keys k
wait_for_screen "the prompt on the new task" "SIGTERM to process $ID"
keys 5
touch "$WORK/go2"
wait_until "saw id $ID reused again" test -s "$WORK/replaced2"
keys y
wait_for_screen "the report of an exited target" "SIGSTOP to process $ID: it has exited"
sleep 0.3
assert_eq "the third task with id $ID after y" S "$(state_of "$NSROOT/$ID")"
tm_stop

# ---- 4. one thread of a process in another pid namespace ---------------
SIGCOUNT=$top_builddir/tests/reliability/sigcount
[ -x "$SIGCOUNT" ] || fail "no sigcount binary at $SIGCOUNT"
cat >"$WORK/threads.sh" <<EOF
"$SIGCOUNT" --thread --lifetime 60 >"$WORK/signals" &
while [ "\$(grep -c = "$WORK/signals")" != 2 ]; do sleep 0.05; done
echo "\$!" >"$WORK/ready"
wait
EOF
container "$WORK/threads.sh"
CROOT=/proc/$CONTAINER/root/proc
TPID=$(cat "$WORK/ready")
TTID=$(sed -n 's/^thread=//p' "$WORK/signals")
tui_start -- --proc-root "$CROOT" -p "$TTID"
wait_for_side_pane_of "$TTID"
keys k
wait_for_screen "the thread prompt" "SIGTERM to thread $TTID"
keys 7 y
wait_for_screen "the report" "sent SIGUSR1 to thread $TTID"
wait_until "saw thread $TTID take SIGUSR1" \
	grep -q "^signal $(kill -l USR1) tid $TTID\$" "$WORK/signals"
sleep 0.3
assert_eq "signals received" "signal $(kill -l USR1) tid $TTID" \
	"$(grep '^signal' "$WORK/signals")"
keys k
wait_for_screen "the thread prompt again" "SIGTERM to thread $TTID"
keys t 5 y
wait_for_screen "the report" "sent SIGSTOP to process $TPID"
wait_until "saw process $TPID stopped" \
	eval '[ "$(state_of "$CROOT/$TPID")" = T ]'
echo "PASS: $test_name"
