#!/usr/bin/env bash
# Under valgrind, -b over all of /proc and --json --stack over a process
# with hostile thread names read nothing invalid, use nothing uninitialised,
# lose no memory (definite or indirect) and leave no fd of their own open at
# exit; the same for the interactive mode driven through its prompts and
# panes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_root_for "nsdemo's namespaces and /proc/<tid>/stack"
require_tools valgrind
built_with_sanitizers &&
	skip "built with sanitizers: valgrind cannot run an ASan binary"
nsdemo_start --hostile

VALGRIND=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect
	--show-leak-kinds=definite,indirect --error-exitcode=99 --track-fds=yes)

# What valgrind said in LOG beyond the fds tasktop was given (a leaked fd
# shows with the stack that opened it).  Valgrind 3.19 does not know
# pidfd_open (434) or pidfd_send_signal (424): it answers ENOSYS, the kill
# prompt falls back to kill/tgkill, and valgrind's five-line notice about
# it is not a finding of ours.  Nor is its three-line warning that it has
# no wrapper for the nsfs ioctls NS_GET_USERNS (0xb701) and NS_GET_PARENT
# (0xb702): they take no argument and return an fd.
vg_report() {
	grep -v -E '^==[0-9]+== *(FILE DESCRIPTORS: .*|Open .*descriptor [0-9]+.*|<inherited from parent>|)$' "$1" |
		grep -v -E '^==[0-9]+== +(Warning: noted but unhandled ioctl 0xb70[12] with no size/direction hints\.|This could cause spurious value errors to appear\.|See README_MISSING_SYSCALL_OR_IOCTL for guidance on writing a proper wrapper\.)$' |
		grep -v -E '^--[0-9]+-- (WARNING: unhandled amd64-linux syscall: (424|434)|You may be able to write your own handler\.|Read the file README_MISSING_SYSCALL_OR_IOCTL\.|Nevertheless we consider this a bug\.  Please report|it at http://valgrind\.org/support/bug_reports\.html\.)$'
}

# Valgrind does not model the bpf(2) system call (it warns "unhandled eBPF
# command" and takes the buffers libbpf hands the kernel as uninitialised),
# so tasktop runs here with --source procfs; the BPF source is checked under
# ASan (.ci/run) and by tests/integration/source_differ.sh.
SOURCE=(--source procfs)

# grind WHAT ARGS…: tasktop ARGS… under valgrind, its report in WHAT.vg.
grind() {
	local what=$1 status=0
	shift
	"${VALGRIND[@]}" --log-file="$WORK/$what.vg" "$TASKTOP" "${SOURCE[@]}" "$@" \
		>"$WORK/$what.out" 2>"$WORK/$what.err" || status=$?
	[ $status -ne 99 ] || fail "$what: valgrind found errors:
$(head -n 60 "$WORK/$what.vg")"
	assert_eq "$what: exit status (stderr: $(head -c 300 "$WORK/$what.err"))" 0 $status
	assert_quiet "$what" "$WORK/$what.err"
	[ -f "$WORK/$what.vg" ] || fail "$what: valgrind wrote no log (did it run?)"
	[ -z "$(vg_report "$WORK/$what.vg")" ] || fail "$what: valgrind reported:
$(head -n 60 "$WORK/$what.vg")"
	echo "$what: valgrind clean"
}

if few_tasks; then
	grind batch -b -H -n 3 -d 0.05
else
	echo "$TASKS tasks: -b only over nsdemo and init"
	grind batch -b -H -n 3 -d 0.05 -p "1,$DEMO_PID"
fi
grep -q -E "^ *${DEMO_HOSTILE[0]}[ !*] " "$WORK/batch.out" ||
	fail "batch: no row for the hostile thread ${DEMO_HOSTILE[0]}"

grind json --json --stack -n 3 -d 0.05 -p "$DEMO_PID"
assert_json_lines json "$WORK/json.out" 3
tail -n 1 "$WORK/json.out" >"$WORK/json.last"
assert_jq "the acceptor's stack, read" "$WORK/json.last" \
	"$(thread_q "$DEMO_ACCEPT").stack | length > 0" true

# The interactive mode: expand, side pane, search, filter, signal prompt
# (cancelled), help, sort, tree/list, then q.  Valgrind starts slowly: the
# first screen may take seconds.
tm -f /dev/null new-session -d -s tasktop -x 160 -y 45 \
	"env LANG=C.UTF-8 XDG_CONFIG_HOME=$WORK/config ${VALGRIND[*]} --log-file=$WORK/tui.vg $TASKTOP ${SOURCE[*]} -d 0.2 -p $DEMO_PID; echo $EXIT_MARK\$?; sleep 600" ||
	fail "tmux new-session failed"
for _ in 1 2 3 4 5; do
	screen | grep -q 'PID/TID' && break
	sleep 3
done
wait_for_screen "tasktop's tree pane under valgrind" 'PID/TID'
for key in Right Down Down Tab PgDn Tab / w o r k Enter n Escape \
	'\' s l e e p Enter Escape k Escape '?' q \
	'<' '>' t t '*' '*' Home End; do
	keys "$key"
	sleep 0.05
done
wait_for_screen "the tree after the keys" 'PID/TID'
keys q
wait_for_screen "the exit under valgrind" "$EXIT_MARK"
assert_eq "interactive: exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
[ -f "$WORK/tui.vg" ] || fail "interactive: valgrind wrote no log (did it run?)"
[ -z "$(vg_report "$WORK/tui.vg")" ] || fail "interactive: valgrind reported:
$(head -n 60 "$WORK/tui.vg")"
echo "interactive: valgrind clean"
echo "PASS: $test_name"
