#!/usr/bin/env bash
# p jumps to a tid (opening its process), to a process the -p list did not
# include (adding it), and says so for an id that does not exist; Enter on
# nothing is a cancel.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
sleep 600 &
OTHER=$!
trap 'kill "$OTHER" 2>/dev/null; tm kill-server 2>/dev/null; cleanup' EXIT
tui_start -- -p "$DEMO_PID"

keys p
wait_for_screen "the attach prompt" '^attach to pid or tid:'
type_text "$DEMO_NETNS"
keys Enter
wait_for_side_pane_of "$DEMO_NETNS"
assert_row "the netns thread, opened" "$DEMO_NETNS"

assert_no_row "a process outside -p" "$OTHER"
keys p
type_text "$OTHER"
keys Enter
wait_for_screen "the attached process" "^ *$OTHER "
wait_for_side_pane_of "$OTHER"

# pid 1, which a VM may start outside the pid namespace the BPF iterator
# walks (this one's is read through procfs, a group found by listing /proc
# every 10 s): there at once, not after the next listing
keys p
type_text 1
keys Enter
wait_for_side_pane_of 1

keys p
type_text 2147483646
keys Enter
wait_for_screen "the error" 'no process or thread 2147483646'
# Enter on an empty prompt attaches nothing and says nothing is wrong
# (it said "not a pid or tid:" with nothing after it)
keys p
wait_for_screen "the attach prompt" '^attach to pid or tid:'
keys Enter
wait_for_no_screen "the attach prompt after Enter" '^attach to pid or tid:'
sleep 0.2
screen | grep -q 'not a pid or tid' && fail "an empty attach is an error:
$(screen | tail -n 1)"

# kthreadd with kernel threads hidden (K): said so, with the key to show
# them, not "hidden by the filter" (there is none); with a filter, that.
keys K
wait_for_screen "kernel threads hidden" 'no kthreads'
keys p
type_text 2
keys Enter
wait_for_screen "why 2 is hidden" '2 is hidden: kernel threads are off \(K shows them\)'
keys K '\'
type_text "$DEMO_NETNS"
keys Enter
keys p
type_text "$OTHER"
keys Enter
wait_for_screen "why $OTHER is hidden" "$OTHER is hidden by the filter \\(\\\\ changes it\\)"
echo "PASS: $test_name"
