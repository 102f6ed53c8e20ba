#!/usr/bin/env bash
# e shows the selected process's environment, sanitized and scrollable; l
# its open files read natively: a file, a pipe, and a socket of another
# network namespace with that namespace (inode and name) and its
# addresses; a process with no fd at all (0, and tasktop goes on).
# Without ptrace access both are refused in words.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
command -v setpriv >/dev/null || skip "needs setpriv"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
netns_add
ip -n "$NETNS" link set lo up || fail "lo up in $NETNS"
# The fixture: in $NETNS, fd 3 a file, fd 4 a pipe, fd 5 a UDP socket
# connected to 127.0.0.1:9, fd 6 a TCP socket listening (nc when there);
# an environment with an escape sequence and a long list to scroll.
echo hello >"$WORK/held"
ip netns exec "$NETNS" env -i HOSTILE=$'x\e]0;pwn\ay' $(for i in $(seq 80); do
	echo "VAR$i=$i"; done) bash -c '
	exec 3<"$1" 4< <(sleep 600) 5<>/dev/udp/127.0.0.1/9
	exec sleep 600' fixture "$WORK/held" &
FIX=$!
# A process with no fd at all, so no socket either.
bash -c 'for f in /proc/$$/fd/*; do eval "exec ${f##*/}>&-"; done
	exec sleep 600' 2>/dev/null &
BARE=$!
trap 'kill $FIX $BARE 2>/dev/null; tm kill-server 2>/dev/null; ip netns del "$NETNS" 2>/dev/null; cleanup' EXIT
wait_until "the fixture's sleep" grep -q '^Name:.*sleep' "/proc/$FIX/status"
NETNS_INO=$(stat -L -c %i "/proc/$FIX/ns/net")

tui_start -- -p "$FIX"
tm select-pane -t "$PANE" -T tasktop-test-title
wait_for_side_pane_of "$FIX"

# The kernel's order: the first variable on the first page, the last a
# scroll away; every page read, the hostile one is among them, escaped.
first=$(tr '\0' '\n' <"/proc/$FIX/environ" | head -n 1)
last=$(tr '\0' '\n' <"/proc/$FIX/environ" | tail -n 1)
keys e
wait_for_screen "the environment" "^environment of process $FIX"
wait_for_screen "the first variable" "^ $first *\$"
wait_for_no_screen "the last variable before scrolling" "^ $last *\$"
pages=$(screen)
for _ in 1 2 3; do
	keys PgDn
	sleep 0.2
	pages+=$'\n'$(screen)
done
echo "$pages" | grep -q -F 'HOSTILE=x\x1b]0;pwn\x07y' ||
	fail "the escape sequence is not shown escaped:
$pages"
assert_eq "pane title after e" tasktop-test-title \
	"$(tm display-message -p -t "$PANE" '#{pane_title}')"
keys Home
wait_for_screen "the first variable after Home" "^ $first *\$"
keys End
wait_for_screen "the last variable after End" "^ $last *\$"
keys q
wait_for_screen "the tree again" '^PID/TID'

keys l
wait_for_screen "the open files" "^open files of process $FIX"
wait_for_screen "the file" "^ +3 +file +$WORK/held *$"
wait_for_screen "the pipe" '^ +4 +pipe +pipe:\[[0-9]+\] *$'
wait_for_screen "the socket, its addresses and netns" \
	"^ +5 +socket +UDP 127\\.0\\.0\\.1:[0-9]+ -> 127\\.0\\.0\\.1:9 +netns $NETNS_INO \\($NETNS\\)"
keys Escape
wait_for_screen "the tree again" '^PID/TID'

# No fd, no socket: the view says 0 and tasktop goes on (sorting no
# entries once passed qsort a NULL: a sanitizer build stopped there).
wait_until "the bare sleep" grep -q '^Name:.*sleep' "/proc/$BARE/status"
keys p
type_text "$BARE"
keys Enter
wait_for_side_pane_of "$BARE"
keys l
wait_for_screen "no open files" "^open files of process $BARE: 0 "
keys Escape
wait_for_screen "the tree again" '^PID/TID'

# A kernel thread (kthreadd) has no environment: said so, not "gone".
keys p
type_text 2
keys Enter
wait_for_side_pane_of 2
keys e
wait_for_screen "kthreadd's environment" \
	'process 2 is a kernel thread: it has no environment'
screen | grep -q 'gone' && fail "a kernel thread's environment is 'gone':
$(screen | tail -n 1)"

# As nobody: root's environment and files are refused, saying why.
tm kill-server
sleep 0.2
$NOBODY test -x "$TASKTOP" ||
	skip "nobody cannot run $TASKTOP (build outside a private directory)"
TUI_PREFIX=$NOBODY tui_start -- -p "$FIX"
wait_for_side_pane_of "$FIX"
keys e
wait_for_screen "the refused environment" \
	"environment of process $FIX: permission denied \\(another user's environment needs ptrace access"
keys l
wait_for_screen "the refused files" \
	"open files of process $FIX: permission denied \\(another user's files need ptrace access"
echo "PASS: $test_name"
