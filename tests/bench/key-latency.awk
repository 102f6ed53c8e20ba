# key-latency.awk - from a syscall trace of a curses program receiving key
# presses, print one line a press: "START END" in ms of the trace's clock,
# from the read(0) of the key's first byte to the end of the last write(1)
# of the repaint that follows.
#
#   awk -v format=perf|strace -v gap_ms=MS -f key-latency.awk TRACE
#
# format: `perf script` of run.sh's tracepoints, or `strace -f -ttt -T`.  Reads of fd 0 closer
# than gap_ms to the previous one belong to the same press (ncurses reads
# an escape sequence a byte at a time).  The repaint ends at the next press,
# or at the first wait (poll, select ...) after a write that blocked for
# 1 ms or more or was cut by another thread's event: what follows it is a
# periodic refresh, not the key's repaint.  (Zero-timeout polls that come
# back empty are ncurses checking for typeahead mid-repaint.)

function is_wait(name) {
	return name ~ /^(poll|ppoll|pselect6|select|epoll_wait|epoll_pwait)$/
}

# Close the current press: print its latency if it repainted at all.
function finish_press() {
	if (press_start != "" && last_write_end != "")
		printf "%.3f %.3f\n", press_start, last_write_end
	press_start = ""
	last_write_end = ""
	press_closed = 0
}

function on_event(time_ms, tid, name, fd, ret, dur_ms, cut) {
	if (name == "read" && fd == 0 && (cut || ret > 0)) {
		if (press_start == "" || time_ms - last_key > gap_ms) {
			finish_press()
			press_start = time_ms
			press_tid = tid
		}
		last_key = time_ms
	} else if (name == "write" && fd == 1) {
		if (press_start != "" && !press_closed)
			last_write_end = time_ms + dur_ms
	} else if (is_wait(name) && tid == press_tid && last_write_end != "") {
		if (cut || dur_ms >= 1)
			press_closed = 1
	}
}

# `perf script` of filtered syscall tracepoints (run.sh start_tracer):
# "htop 18342 [000] 1347.076590: syscalls:sys_enter_write: fd: 0x00000001, …"
# Reads are recorded only for fd 0 and write entries only for fd 1, so
# nothing of the viewers' /proc reading is traced at all.
function parse_perf(line,    at, head, n, f, tid, time_ms, event, name, args) {
	at = index(line, " syscalls:sys_")
	if (at == 0)
		return
	head = substr(line, 1, at - 1)
	n = split(head, f, " ")
	if (n < 3)
		return
	tid = f[n - 2]
	time_ms = f[n]
	sub(/:$/, "", time_ms)
	time_ms *= 1000
	event = substr(line, at + 14)
	args = event
	sub(/^[a-z0-9_]*: */, "", args)
	sub(/:.*/, "", event)
	name = event
	sub(/^(enter|exit)_/, "", name)
	if (event ~ /^enter_/)
		perf_enter(time_ms, tid, name, args)
	else
		perf_exit(time_ms, tid, name, args)
}

function perf_enter(time_ms, tid, name, args) {
	if (name == "read")
		on_event(time_ms, tid, "read", 0, 1, 0, 0)
	else if (name == "write")
		write_pending[tid] = 1
	else if (is_wait(name))
		wait_start[tid] = time_ms
}

function perf_exit(time_ms, tid, name, args,    ret) {
	ret = args
	sub(/ .*/, "", ret)
	ret = hex_value(ret)
	if (name == "write" && write_pending[tid]) {
		write_pending[tid] = 0
		on_event(time_ms, tid, "write", 1, ret, 0, 0)
	} else if (is_wait(name) && (tid in wait_start)) {
		on_event(wait_start[tid], tid, name, 0, ret,
		    time_ms - wait_start[tid], 0)
		delete wait_start[tid]
	}
}

# "0x1f" -> 31; negative errors show as large values: only 0 matters here.
function hex_value(text,    v, i, digit) {
	v = 0
	sub(/^0x/, "", text)
	for (i = 1; i <= length(text); i++) {
		digit = index("0123456789abcdef", tolower(substr(text, i, 1)))
		if (digit == 0)
			break
		v = v * 16 + digit - 1
	}
	return v
}

# "14150 1795546419.222992 read(0, "B", 1) = 1 <0.000168>", possibly split
# into "… read(0, <unfinished ...>" and "… <... read resumed>…".
function parse_strace(line,    n, f, tid, time_ms, name, rest, fd, ret, dur_ms, cut) {
	n = split(line, f, " ")
	if (n < 3 || f[2] !~ /^[0-9]+\.[0-9]+$/)
		return
	tid = f[1]
	time_ms = f[2] * 1000
	rest = line
	sub(/^[0-9]+ +[0-9.]+ +/, "", rest)
	if (rest ~ /^<\.\.\. /)
		return
	name = rest
	sub(/\(.*/, "", name)
	fd = rest
	sub(/^[a-z0-9_]+\(/, "", fd)
	sub(/[^0-9].*/, "", fd)
	cut = (rest ~ /<unfinished \.\.\.>/)
	ret = -1
	dur_ms = 0
	if (!cut && match(rest, /\) += -?[0-9]+/)) {
		ret = substr(rest, RSTART, RLENGTH)
		sub(/^.*= */, "", ret)
	}
	if (match(rest, /<[0-9.]+>$/))
		dur_ms = substr(rest, RSTART + 1, RLENGTH - 2) * 1000
	on_event(time_ms, tid, name, fd + 0, ret + 0, dur_ms, cut)
}

BEGIN {
	press_start = ""
	last_write_end = ""
	press_tid = ""
}

format == "perf" { parse_perf($0) }
format == "strace" { parse_strace($0) }

END { finish_press() }
