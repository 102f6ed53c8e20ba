# lib.sh - sourced by every tui test: the real binary in a tmux pane on a
# private socket, driven with send-keys and read back with capture-pane.
# Builds on tests/integration/lib.sh (nsdemo_start, fail, skip, $WORK).
# By hand: top_builddir=/tmp/build TASKTOP=/tmp/build/src/tasktop tests/tui/x.sh

. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh" || return 99

TMUX_SOCKET=tasktop-test-$$
PANE=tasktop:0.0
EXIT_MARK=TASKTOP-EXIT=

tm() {
	tmux -L "$TMUX_SOCKET" "$@"
}

trap 'tm kill-server 2>/dev/null; cleanup' EXIT

require_tui() {
	[ "$(id -u)" = 0 ] || skip "needs root (nsdemo's namespaces, /proc/<tid>/stack)"
	command -v tmux >/dev/null || skip "needs tmux"
	[ -x "$TASKTOP" ] || fail "no tasktop binary at $TASKTOP"
	[ -x "$NSDEMO" ] || fail "no nsdemo binary at $NSDEMO"
}

# tui_start [ENV=VALUE…] -- [TASKTOP ARGS…]: tasktop (run through
# $TUI_PREFIX, e.g. setpriv, when set) in a 160x45 pane; when
# it exits the pane's shell prints its status and whether the terminal is
# back in canonical mode with echo, then stays so the screen can be read.
tui_start() {
	local envs=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	local cmd
	# The settings file of this test only (XDG_CONFIG_HOME=… in the
	# arguments overrides it); reachable by nobody's runs too.
	CONFIG_HOME=$WORK/config
	mkdir -p "$CONFIG_HOME" && chmod 711 "$WORK" && chmod 777 "$CONFIG_HOME"
	# The meters take the lines under the header: tests of other things
	# keep the layout they were written for (TUI_METERS=1: the defaults).
	if [ -z "${TUI_METERS:-}" ] && [ ! -e "$CONFIG_HOME/tasktop/tasktoprc" ]; then
		mkdir -p "$CONFIG_HOME/tasktop" && chmod 777 "$CONFIG_HOME/tasktop"
		echo 'header_meters=0' >"$CONFIG_HOME/tasktop/tasktoprc"
		chmod 666 "$CONFIG_HOME/tasktop/tasktoprc"
	fi
	cmd="env LANG=C.UTF-8 LC_ALL= LC_CTYPE= XDG_CONFIG_HOME=$CONFIG_HOME ${envs[*]} ${TUI_PREFIX:-} $TASKTOP $*; echo $EXIT_MARK\$?;"
	cmd+=" stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo;"
	cmd+=" sleep 600"
	tm -f /dev/null new-session -d -s tasktop -x 160 -y 45 "$cmd" ||
		fail "tmux new-session failed"
	wait_for_screen "tasktop's tree pane" 'PID/TID'
}

screen() {
	tm capture-pane -p -t "$PANE"
}

# With the colours and attributes, as SGR escape sequences.
screen_sgr() {
	tm capture-pane -p -e -t "$PANE"
}

# wait_for_screen WHAT PATTERN: until the pane shows an extended regex
# (3 s at most, or $TUI_WAIT_TRIES times 50 ms: a run over all of a busy
# system's tasks starts slower); fail with the screen otherwise.
wait_for_screen() {
	local tries=0
	until screen | grep -q -E -- "$2"; do
		tries=$((tries + 1))
		[ $tries -le "${TUI_WAIT_TRIES:-60}" ] || fail "never saw $1 (/$2/) on the screen:
$(screen)"
		sleep 0.05
	done
}

# wait_for_no_screen WHAT PATTERN: until the pattern is gone.
wait_for_no_screen() {
	local tries=0
	while screen | grep -q -E -- "$2"; do
		tries=$((tries + 1))
		[ $tries -le 60 ] || fail "$1 (/$2/) stayed on the screen:
$(screen)"
		sleep 0.05
	done
}

keys() {
	tm send-keys -t "$PANE" "$@"
}

# Type text literally (no key-name lookup: "Enter" stays five letters).
type_text() {
	tm send-keys -t "$PANE" -l -- "$1"
}

# The tree pane's row of an id: its line, matched on the PID/TID column.
row_of() {
	screen | grep -E "^ *$1 " | head -n 1
}

assert_row() {
	[ -n "$(row_of "$2")" ] || fail "$1: no row for $2 on the screen:
$(screen)"
}

assert_no_row() {
	[ -z "$(row_of "$2")" ] || fail "$1: a row for $2 is on the screen:
$(screen)"
}

# Right on the (selected) nsdemo process row, until its threads show.
expand_demo() {
	keys Right
	wait_for_screen "nsdemo's threads after Right" "^ *$DEMO_NETNS "
}

# The side pane's title names the thread whose detail it shows.
wait_for_side_pane_of() {
	wait_for_screen "the side pane on thread $1" "(thread|leader) $1 "
}

# The pid of tasktop: the pane's shell's child.
tasktop_pid() {
	pgrep -P "$(tm display-message -p -t "$PANE" '#{pane_pid}')" -x tasktop
}

# separator_columns BAR: the distinct display columns at which the body
# lines (between the header and the hint line) have their last BAR, the
# border between the tree and the side pane; "none" for a line without.
separator_columns() {
	local bar=$1 line prefix
	screen | sed '1d;$d' | while IFS= read -r line; do
		prefix=${line%"$bar"*}
		if [ "$prefix" = "$line" ]; then
			echo none
		else
			printf '%s\n' "$prefix" | LC_ALL=C.UTF-8 wc -L
		fi
	done | sort -u | paste -sd' '
}

# assert_aligned WHAT BAR: every body line has its border in one column.
assert_aligned() {
	local cols
	cols=$(separator_columns "$2")
	case $cols in
	*' '*|none|'') fail "$1: the side pane's border is at columns '$cols':
$(screen)" ;;
	esac
}

# size_of_kb KB: tasktop's 4-column size of KB kilobytes (format_kb: K,
# then M G … by 1024, one decimal below 10), to compare cells with /proc.
size_of_kb() {
	awk -v kb="$1" 'BEGIN { u = "KMGTPE"; i = 1; v = kb;
		while (v >= 1000 && i < 6) { v /= 1024; i++ }
		if (i > 1 && v < 10) printf "%.1f%s\n", v, substr(u, i, 1);
		else printf "%.0f%s\n", v, substr(u, i, 1) }'
}
