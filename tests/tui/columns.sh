#!/usr/bin/env bash
# The columns F2 offers, checked against /proc: NI, PRI, CPU (last
# processor), START, VIRT, RES, THR and TIME+ (utime + stime) of a process
# row, and a thread's own NI and TIME+ on its row.  The columns come from
# the settings file, so this also shows that a hand-written choice and
# order is taken.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
# A process that burned some CPU and then sleeps: its TIME+ stays put.
bash -c 'for ((i = 0; i < 50000; i++)); do :; done; exec sleep 600' &
BUSY=$!
trap 'kill $BUSY 2>/dev/null; tm kill-server 2>/dev/null; cleanup' EXIT
# (a loaded machine may take its time: 30 s at most)
for _ in $(seq 300); do
	grep -q '^Name:.*sleep' "/proc/$BUSY/status" && break
	sleep 0.1
done
grep -q '^Name:.*sleep' "/proc/$BUSY/status" || fail "the busy loop never ended"
sleep 0.2
renice -n 7 -p "$BUSY" >/dev/null
renice -n 3 -p "$DEMO_SLEEPER" >/dev/null	# one thread
mkdir -p "$WORK/config/tasktop"
echo 'columns=PID/TID NI PRI CPU VIRT RES THR TIME+ START S MEM%' \
	>"$WORK/config/tasktop/tasktoprc"

HZ=$(getconf CLK_TCK)
PAGE_KB=$(( $(getconf PAGESIZE) / 1024 ))

# stat FIELD (1-based, as proc(5) numbers them) of a task.
stat_field() {
	local rest
	rest=$(sed 's/.*) //' "/proc/$1/task/$2/stat")
	echo "$rest" | awk -v f=$(($3 - 2)) '{ print $f }'
}

time_of_ticks() {
	awk -v t="$1" -v hz="$HZ" 'BEGIN { hs = int(t / hz) * 100 + int((t % hz) * 100 / hz);
		printf "%d:%02d.%02d\n", int(hs / 6000), int(hs / 100) % 60, hs % 100 }'
}

# START: HH:MM of today (either side of a minute turning over).
start_of() {
	local ticks boot
	ticks=$(stat_field "$1" "$2" 22)
	boot=$(( $(date +%s) - $(cut -d. -f1 /proc/uptime) ))
	date -d "@$((boot + ticks / HZ))" +%H:%M
	date -d "@$((boot + ticks / HZ + 60))" +%H:%M
	date -d "@$((boot + ticks / HZ - 60))" +%H:%M
}

tui_start -- -p "$BUSY,$DEMO_PID"
screen | grep -m 1 '^PID/TID' | grep -q -E '^PID/TID +NI +PRI +CPU +VIRT +RES +THR +TIME\+ +START +S +MEM% ' ||
	fail "the file's columns are not shown in its order:
$(screen | grep -m 1 '^PID/TID')"

check_process() {
	local pid=$1 row f
	row=$(row_of "$pid")
	read -r -a f <<<"$row"
	assert_eq "$pid: PID" "$pid" "${f[0]}"
	assert_eq "$pid: NI" "$(stat_field "$pid" "$pid" 19)" "${f[1]}"
	assert_eq "$pid: PRI" "$(stat_field "$pid" "$pid" 18)" "${f[2]}"
	assert_eq "$pid: CPU" "$(stat_field "$pid" "$pid" 39)" "${f[3]}"
	assert_eq "$pid: VIRT" "$(size_of_kb $(( $(stat_field "$pid" "$pid" 23) / 1024 )))" "${f[4]}"
	assert_eq "$pid: RES" "$(size_of_kb $(( $(stat_field "$pid" "$pid" 24) * PAGE_KB )))" "${f[5]}"
	assert_eq "$pid: THR" "$(stat_field "$pid" "$pid" 20)" "${f[6]}"
	start_of "$pid" "$pid" | grep -q -x -F "${f[8]}" ||
		fail "$pid: START '${f[8]}', expected $(start_of "$pid" "$pid" | head -n 1)"
	assert_eq "$pid: S" "$(stat_field "$pid" "$pid" 3)" "${f[9]}"
	assert_eq "$pid: MEM%" "$(awk -v r="$(stat_field "$pid" "$pid" 24)" \
		-v p="$PAGE_KB" '/^MemTotal:/ { printf "%.1f\n", r * p * 100 / $2 }' \
		/proc/meminfo)" "${f[10]}"
}

check_process "$BUSY"
row=$(row_of "$BUSY")
read -r -a f <<<"$row"
ticks=$(( $(stat_field "$BUSY" "$BUSY" 14) + $(stat_field "$BUSY" "$BUSY" 15) ))
[ "$ticks" -gt 0 ] || skip "the busy loop used no measurable CPU"
# A process row's TIME+ is its group's CPU clock, exited threads included;
# /proc/PID/stat truncates the same time to ticks as two fields, utime and
# stime, so the two agree to the tick or the clock is one tick ahead.
[ "${f[7]}" = "$(time_of_ticks "$ticks")" ] ||
	[ "${f[7]}" = "$(time_of_ticks $((ticks + 1)))" ] ||
	fail "$BUSY: TIME+ '${f[7]}', expected $(time_of_ticks "$ticks") (utime + stime) or one tick more"
assert_eq "$BUSY: NI after renice" 7 "${f[1]}"
check_process "$DEMO_PID"

# A thread row: its own NI, PRI and TIME+ (no VIRT, RES, THR: the
# process's, on its row).
keys Home
expand_demo
sleep 1.2	# a refresh after the renice rereads it
row=$(screen | grep -E "^ *$DEMO_SLEEPER " | head -n 1)
read -r -a f <<<"$row"
assert_eq "thread NI" 3 "${f[1]}"
assert_eq "thread PRI" "$(stat_field "$DEMO_PID" "$DEMO_SLEEPER" 18)" "${f[2]}"
assert_eq "thread TIME+" "$(time_of_ticks $(( $(stat_field "$DEMO_PID" "$DEMO_SLEEPER" 14) + $(stat_field "$DEMO_PID" "$DEMO_SLEEPER" 15) )))" "${f[4]}"
echo "PASS: $test_name"
