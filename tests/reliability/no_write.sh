#!/usr/bin/env bash
# tasktop only looks: under strace, -b and --json --stack open every file
# read-only, create, remove, rename or change nothing, and write only to
# their stdout.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_root_for "nsdemo's namespaces, every task's stack, traced"
require_tools strace
nsdemo_start
# LeakSanitizer cannot run under a tracer; the other sanitizers can.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

OPENS=open,openat,openat2
CHANGES=creat,truncate,ftruncate,unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat,rmdir,link,linkat,symlink,symlinkat,chmod,fchmod,fchmodat,chown,fchown,fchownat,lchown,mknod,mknodat,utimensat
WRITES=write,writev,pwrite64,pwritev,pwritev2,sendfile,sendto,sendmsg

# traced WHAT ARGS…: run tasktop ARGS… under strace -f into $WORK/WHAT.trace.
traced() {
	local what=$1 status=0
	shift
	strace -f -qq -y -e trace=$OPENS,$CHANGES,$WRITES -o "$WORK/$what.trace" \
		"$TASKTOP" "$@" >"$WORK/$what.out" 2>"$WORK/$what.err" || status=$?
	assert_eq "$what: exit status (stderr: $(head -c 300 "$WORK/$what.err"))" 0 $status
	assert_quiet "$what" "$WORK/$what.err"
}

# check_trace WHAT: the calls of the trace, each line "PID call(args) = R".
check_trace() {
	local trace=$WORK/$1.trace opens bad
	opens=$(grep -c -E '^[0-9]+ +open(at2?)?\(.*/proc/' "$trace")
	[ "$opens" -gt 0 ] || fail "$1: strace saw no open under /proc:
$(head -n 20 "$trace")"
	bad=$(grep -E '^[0-9]+ +open(at2?)?\(' "$trace" | grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND|O_TMPFILE')
	[ -z "$bad" ] || fail "$1: opened for writing:
$(head -n 10 <<<"$bad")"
	bad=$(grep -E "^[0-9]+ +(${CHANGES//,/|})\(" "$trace")
	[ -z "$bad" ] || fail "$1: changed the filesystem:
$(head -n 10 <<<"$bad")"
	bad=$(grep -E "^[0-9]+ +(${WRITES//,/|})\(" "$trace" | grep -v -E '^[0-9]+ +(write|writev)\(1[<,]')
	[ -z "$bad" ] || fail "$1: wrote elsewhere than to stdout:
$(head -n 10 <<<"$bad")"
	echo "$1: $opens opens under /proc, all read-only; writes only to stdout"
}

scope=()
if ! few_tasks; then
	echo "$TASKS tasks: only nsdemo and init traced"
	scope=(-p "1,$DEMO_PID")
fi

traced batch -b -H -n 2 -d 0.1 "${scope[@]}"
grep -q -E "^ *$DEMO_NETNS[ !*] " "$WORK/batch.out" ||
	fail "batch: no row for nsdemo's thread $DEMO_NETNS (was anything read?)"
check_trace batch

traced json --json --stack -n 2 -d 0.1 "${scope[@]}"
assert_json_lines json "$WORK/json.out" 2
grep -q "/proc/$DEMO_PID/task/$DEMO_ACCEPT/stack" "$WORK/json.trace" ||
	fail "json: strace saw no open of the acceptor's stack"
check_trace json
echo "PASS: $test_name"
