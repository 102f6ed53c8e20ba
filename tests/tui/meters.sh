#!/usr/bin/env bash
# The header's meters, htop's: a bar per CPU, Mem and Swp bars, tasks and
# running, load, uptime; from 80 columns up (79: the header line alone);
# block characters in UTF-8, '|' and ASCII only outside it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
TUI_METERS=1	# the defaults: meters shown
nsdemo_start
NCPU=$(grep -c '^cpu[0-9]' /proc/stat)
[ "$NCPU" -le 4 ] || skip "the test reads one bar a line (this machine has $NCPU CPUs)"
total_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
total=$(size_of_kb "$total_kb")

check_meters() {
	local how=$1 bar=$2 cpu
	tm resize-window -t tasktop -x 80 -y 24
	wait_for_screen "the Mem bar ($how)" "^Mem\\[.*/$total\\]"
	wait_for_screen "the CPU bars' values ($how)" '^0\[.*[0-9]\.[0-9]%\]'
	for cpu in $(seq 0 $((NCPU - 1))); do
		screen | grep -q -E "^$cpu\\[" || fail "$how: no bar for CPU $cpu:
$(screen)"
	done
	screen | grep -q -E '^Swp\[' || fail "$how: no Swp bar"
	screen | grep -q -E "Tasks: [0-9]+, [0-9]+ thr; [0-9]+ running" ||
		fail "$how: no tasks meter:
$(screen)"
	screen | grep -q -E 'Load average: [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2}' ||
		fail "$how: no load meter"
	screen | grep -q -E 'Uptime: ([0-9]+ days?, )?[0-9]{2}:[0-9]{2}:[0-9]{2}' ||
		fail "$how: no uptime meter"
	screen | grep -E '^[0-9]\[' | grep -q -F "$bar" ||
		wait_for_screen "a CPU bar drawn with '$bar' ($how)" "^[0-9]\\[.*$bar"
	tm resize-window -t tasktop -x 79 -y 24
	wait_for_no_screen "the meters below 80 columns ($how)" '^Mem\['
}

tui_start -- -d 0.2 -p "$DEMO_PID"
# a CPU kept busy, so a bar has something to draw
(timeout 8 sh -c 'while :; do :; done') &
check_meters UTF-8 '█'

tm kill-server
sleep 0.2
tui_start LANG=C -- -d 0.2 -p "$DEMO_PID"
check_meters ASCII '|'
tm resize-window -t tasktop -x 80 -y 24
wait_for_screen "the meters again" '^Mem\['
# '#' hides them (and shows them again)
keys '#'
wait_for_no_screen "the meters after #" '^Mem\['
keys '#'
wait_for_screen "the meters after # again" '^Mem\['
LC_ALL=C grep -q -P '[\x80-\xff]' <(screen) &&
	fail "ASCII: non-ASCII bytes on the screen:
$(screen | LC_ALL=C grep -a -P '[\x80-\xff]')"
echo "PASS: $test_name"
