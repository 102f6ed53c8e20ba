#!/usr/bin/env bash
# space tags, k then asks once, listing every tagged task, and y signals
# exactly those; an untagged neighbour lives.  Without permission the
# refusal is said in words and nothing is signalled.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v setpriv >/dev/null || skip "needs setpriv"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
sleep 600 &
A=$!
sleep 600 &
B=$!
sleep 600 &
C=$!
trap 'kill $A $B $C 2>/dev/null; tm kill-server 2>/dev/null; cleanup' EXIT

# Alive and not a zombie (our own children stay zombies until waited).
alive() {
	grep -q -E '^State:[[:space:]]+[^Z]' "/proc/$1/status" 2>/dev/null
}
gone() {
	! alive "$1"
}

tui_start -- -p "$A,$B,$C"
wait_for_side_pane_of "$A"
keys Space		# tags A, moves to B
wait_for_screen "A tagged" 'tagged 1'
keys Down Space		# C
wait_for_screen "C tagged" 'tagged 2'
keys k
wait_for_screen "the prompt for the tagged" 'send SIGTERM to 2 tagged:'
screen | grep -q 'ends all of' && fail "a warning about threads for processes:
$(screen | tail -n 3)"
screen | grep -q -E "process $A[,?]" && screen | grep -q -E "process $C[,?]" ||
	fail "the prompt does not list A and C:
$(screen | tail -n 1)"
screen | tail -n 3 | grep -q -E "process $B[,?]" &&
	fail "the prompt lists untagged B"

keys n
wait_for_screen "the cancel" 'no signal sent'
alive "$A" && alive "$C" || fail "a cancelled prompt signalled"
keys k y
wait_for_screen "the report" 'sent SIGTERM to 2 tagged tasks'
wait_until "A terminated" gone "$A"
wait_until "C terminated" gone "$C"
alive "$B" || fail "untagged B was signalled"

# A thread alone: tag nsdemo's sleeper thread, STOP it, CONT it.
nsdemo_start
keys U p
type_text "$DEMO_SLEEPER"
keys Enter
wait_for_side_pane_of "$DEMO_SLEEPER"
keys Space k
# A tagged thread is where a user believes they pick threads: the prompt
# says what the signal does to its process, as for one thread untagged.
wait_for_screen "TERM to the tagged thread" "send SIGTERM to 1 tagged: +thread $DEMO_SLEEPER\\?"
wait_for_screen "the warning for the tagged thread" \
	"Unless it is handled, SIGTERM ends all of process $DEMO_PID\\."
keys 5
wait_for_screen "STOP to the tagged thread" "send SIGSTOP to 1 tagged: +thread $DEMO_SLEEPER\\?"
wait_for_screen "the STOP warning for the tagged thread" \
	"SIGSTOP stops all of process $DEMO_PID, not only the tagged threads\\."
keys y
wait_for_screen "the STOP report" 'sent SIGSTOP to 1 tagged task'
wait_until "nsdemo stopped" grep -q '^State:.*T' "/proc/$DEMO_PID/status"
keys k 6 y
wait_for_screen "the CONT report" 'sent SIGCONT to 1 tagged task'
wait_until "nsdemo running" grep -q '^State:.*S' "/proc/$DEMO_PID/status"

# The prompt lists the tagged in the order of the tree (ascending ids),
# not a hash table's: the sleeper is still tagged and the cursor on the
# thread after it; tag that one and the two after it.
keys Space Space Space
wait_for_screen "four threads tagged" 'tagged 4'
want=$(demo_tids | grep -v -x "$DEMO_PID" | sort -n | head -n 4 |
	sed 's/^/thread /' | paste -s -d, | sed 's/,/, */g')
keys k
wait_for_screen "the tagged in ascending order" "send SIGTERM to 4 tagged: *$want\\?"
keys Escape
wait_for_screen "the cancel" 'no signal sent'

# As nobody: B is root's, so the signal is refused in words.
tm kill-server
sleep 0.2
$NOBODY test -x "$TASKTOP" ||
	skip "nobody cannot run $TASKTOP (build outside a private directory)"
TUI_PREFIX=$NOBODY tui_start -- -p "$B"
wait_for_side_pane_of "$B"
keys Space k y
wait_for_screen "the refusal" "SIGTERM sent to 0 of 1 tagged; process $B: not permitted"
sleep 0.2
alive "$B" || fail "nobody's tasktop signalled root's B"
echo "PASS: $test_name"
