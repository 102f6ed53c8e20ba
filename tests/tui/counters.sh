#!/usr/bin/env bash
# The counter columns (F2): SHR against /proc/<pid>/statm, CSW/s of a
# process that wakes ten times a second, RD/s and WR/s as numbers with
# ptrace access and '-' without (nobody looking at root's process).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v setpriv >/dev/null || skip "needs setpriv"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
# bash waits for a sleep ten times a second: about 10 switches a second
bash -c 'while :; do sleep 0.1; done' &
WAKER=$!
sleep 600 &
QUIET=$!
trap 'kill $WAKER $QUIET 2>/dev/null; tm kill-server 2>/dev/null; cleanup' EXIT
PAGE_KB=$(( $(getconf PAGESIZE) / 1024 ))
mkdir -p "$WORK/config/tasktop"
echo 'columns=PID/TID SHR CSW/s RD/s WR/s S' >"$WORK/config/tasktop/tasktoprc"
chmod -R a+rwX "$WORK/config"

fields_of() {
	local f
	read -r -a f <<<"$(row_of "$1")"
	echo "${f[*]}"
}

tui_start -- -d 0.5 -p "$WAKER,$QUIET"
screen | grep -m 1 '^PID/TID' | grep -q -E '^PID/TID +SHR +CSW/s +RD/s +WR/s +S ' ||
	fail "the counter columns are not shown: $(screen | grep -m 1 '^PID/TID')"
# a rate needs two reads: wait for numbers
wait_for_screen "the rates" "^ *$QUIET +[0-9.]+[KMG] +[0-9]+ +[0-9.]+[KMG] +[0-9.]+[KMG] +S"
read -r -a f <<<"$(fields_of "$QUIET")"
shr=$(awk '{ print $3 }' "/proc/$QUIET/statm")
assert_eq "SHR (statm)" "$(size_of_kb $((shr * PAGE_KB)))" "${f[1]}"
assert_eq "a sleeper's RD/s" 0K "${f[3]}"
sleep 1.5
read -r -a f <<<"$(fields_of "$WAKER")"
[ "${f[2]}" -ge 4 ] && [ "${f[2]}" -le 40 ] ||
	fail "CSW/s of a process waking 10 times a second: '${f[2]}'
$(row_of "$WAKER")"

tm kill-server
sleep 0.2
$NOBODY test -x "$TASKTOP" ||
	skip "nobody cannot run $TASKTOP (build outside a private directory)"
TUI_PREFIX=$NOBODY tui_start -- -d 0.5 -p "$QUIET"
sleep 1.5
read -r -a f <<<"$(fields_of "$QUIET")"
assert_eq "RD/s without ptrace access" - "${f[3]}"
assert_eq "WR/s without ptrace access" - "${f[4]}"
echo "PASS: $test_name"
