#!/usr/bin/env bash
# A network namespace that vanishes while tasktop reads it: the named one is
# deleted and then every thread in it exits, while --json --netns refreshes
# every 50 ms.  Every line stays valid JSON, tasktop exits 0, and no
# contents are made up for a namespace that is gone.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
netns_add
nsdemo_start --netns "$NETNS"

"$TASKTOP" --json --netns -d 0.05 -n 60 -p "$DEMO_PID" >"$WORK/lines" \
	2>"$WORK/err" &
reader=$!
sleep 0.7
ip netns del "$NETNS" || fail "ip netns del $NETNS failed"
sleep 0.5
kill -TERM "$NSDEMO_PID"
wait "$NSDEMO_PID" 2>/dev/null
NSDEMO_PID=
status=0
wait "$reader" || status=$?
[ $status -eq 0 ] || fail "tasktop exited $status: $(head -c 500 "$WORK/err")"
lines=$(wc -l <"$WORK/lines")
[ "$lines" -ge 10 ] || fail "only $lines lines before the end"
jq -e -s 'length > 0' "$WORK/lines" >/dev/null ||
	fail "the output is not JSON lines: $(head -c 300 "$WORK/lines")"
# A net entry's contents either read or say why not; never a half object.
jq -e -s '[.[] | .namespaces[] | select(.type == "net") | .contents |
	(.interfaces != null or .interfaces_error != null) and
	(.listening != null or .listening_error != null)] | all' \
	"$WORK/lines" >/dev/null || fail "a net entry's contents are neither read nor explained"
# After the process is gone, its namespaces are no longer listed.
assert_jq "the last refresh" <(tail -n 1 "$WORK/lines") '.namespaces | length' 0
echo "PASS: $test_name: $lines refreshes"
