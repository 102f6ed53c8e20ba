#!/usr/bin/env bash
# The interactive mode under churn, refreshing as often as it allows, over
# all of /proc: ten seconds of keys (moving onto threads that vanish,
# expanding, the side pane, search, filter, sort, tree/list) leave it alive
# and answering, the screen never cleared nor the pane retitled by a task's
# name, and q then exits 0 with the terminal restored.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tui
require_churn

KEY_SECONDS=10
DELAY=0.05	# the least -d the interactive mode takes

churn_start 30
tui_start -- -d "$DELAY"
tm select-pane -t "$PANE" -T churn-test-title
pid=$(tasktop_pid) || fail "no tasktop under the pane"

# Onto churn's process, then keys round and round.
keys p
type_text "$CHURN_PID"
keys Enter
wait_for_side_pane_of "$CHURN_PID"
ROUND=(Right Down Down Down Tab PgDn Tab '*' Down '*' Right
	/ c h u r n Enter n N n Escape
	'\' c h u r n Down Escape
	t Down t '<' '>' '>' '<' PgDn PgUp End Home Down Left)
presses=0
end=$((SECONDS + KEY_SECONDS))
while [ $SECONDS -lt $end ]; do
	for key in "${ROUND[@]}"; do
		keys "$key"
		presses=$((presses + 1))
		sleep 0.02
	done
	running "$pid" || fail "tasktop died under the keys:
$(screen)"
done
echo "$presses keys in $KEY_SECONDS s"

assert_eq "the pane's title" churn-test-title "$(tm display-message -p -t "$PANE" '#{pane_title}')"
keys Escape Escape
keys '?'
wait_for_screen "the help screen (is it answering?)" 'tasktop keys'
keys Escape
wait_for_screen "the tree again" 'PID/TID'
screen | head -n 1 | grep -q '^tasktop ' ||
	fail "the header is gone (screen cleared?):
$(screen)"
keys q
wait_for_screen "tasktop's exit" "$EXIT_MARK"
assert_eq "exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
assert_shell_modes "after q"
churn_stop
echo "PASS: $test_name"
