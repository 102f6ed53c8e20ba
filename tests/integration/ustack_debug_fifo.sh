#!/usr/bin/env bash
# A module's debug file is looked for next to it ("<file>.debug", its
# .gnu_debuglink name), in a directory its owner may write: there a FIFO (or
# a link to one, or to a device) is not opened by the helper, which runs as
# root; an open is no harmless look (it lets the FIFO's writer through,
# starts a watchdog, rewinds a tape).  The unwind goes on without it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
. "$top_srcdir/tests/integration/ustack_lib.sh"
require_root
require_tools objcopy mkfifo
require_fixtures
bin=$WORK/bin
mkdir "$bin"
objcopy --strip-debug "$USTACK_FIXTURE" "$bin/ustack_fixture" ||
	fail "could not strip a copy of $USTACK_FIXTURE"
mkfifo "$bin/ustack_fixture.debug"
# A writer waits in open until something opens the FIFO for reading.
( exec 3>"$bin/ustack_fixture.debug" && touch "$WORK/opened" ) &
FX_PIDS+=($!)

fixture_launch "$WORK/fx.out" SF "$bin/ustack_fixture" --lifetime 60
"$TASKTOP" --json --ustack -n 1 -p "$SF_PID" >"$WORK/out.json" 2>"$WORK/err" ||
	fail "tasktop --json --ustack exited $?: $(head -c 300 "$WORK/err")"
assert_jq "the main thread unwound" "$WORK/out.json" \
	"[.processes[].threads[] | select(.tid == $SF_PID) | .ustack | length > 0]" '[true]'
sleep 0.2	# a writer let through has touched its file by now
[ ! -e "$WORK/opened" ] || fail "the helper opened the FIFO $bin/ustack_fixture.debug"
assert_nothing_stopped "$SF_PID"
echo "PASS: $test_name"
