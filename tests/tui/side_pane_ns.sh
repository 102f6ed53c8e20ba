#!/usr/bin/env bash
# The side pane shows the kernel's namespace inodes: the netns thread's net
# inode differs from its process's, the sleeper's is the same.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
nsdemo_start
tui_start -- -p "$DEMO_PID"

# The side pane's "net INODE RELATION" line.
side_net_line() {
	screen | grep -o -E '(^|│| )  net +[0-9]+ +[a-z]+' | head -n 1 |
		sed 's/^.*net */net /'
}

check_net() {
	local tid=$1 relation=$2
	keys p
	type_text "$tid"
	keys Enter
	wait_for_side_pane_of "$tid"
	assert_eq "side pane net of $tid" \
		"net $(kernel_ns "$tid" net) $relation" "$(side_net_line)"
}

check_net "$DEMO_NETNS" differs
check_net "$DEMO_SLEEPER" same
check_net "$DEMO_UTSNS" same
screen | grep -q -E '  uts +[0-9]+ +differs' ||
	fail "the utsns thread's uts is not 'differs':
$(screen)"
echo "PASS: $test_name"
