#!/usr/bin/env bash
# Settings persist like htoprc: what the keys and F2 changed is saved on
# quit to $XDG_CONFIG_HOME/tasktop/tasktoprc (atomically) and is there
# again at the next start; -d on the command line wins and is not saved.
# A damaged, unreadable or hostile file: one warning line, the defaults,
# never a refusal to start, nothing of it raw on the terminal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
TUI_METERS=1	# no file before the first quit
nsdemo_start
RC=$WORK/config/tasktop/tasktoprc

quit_and_wait() {
	keys q
	wait_for_screen "tasktop's exit" "$EXIT_MARK"
	assert_eq "exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
	tm kill-server
	sleep 0.2
}

titles() {
	screen | grep -m 1 '^PID/TID'
}

# ---- a round trip ------------------------------------------------------
tui_start -- -p "$DEMO_PID"
[ -e "$RC" ] && fail "a settings file before the first quit"
keys P I H K
wait_for_screen "the changed state" 'sort CPU%\+  flat threads.*no kthreads'
# v: the side pane away (saved as side_pane=hidden)
wait_for_screen "the side pane" 'kernel stack'
keys v
wait_for_no_screen "the side pane after v" 'kernel stack'
# F2: go down to NI (a column not shown), show it, move it before WCHAN.
keys F2
wait_for_screen "the setup screen" 'tasktop setup: columns'
wait_for_screen "NI not shown" '^ \[ \] NI '
line=$(screen | grep -n -E '^ \[ \] NI ' | cut -d: -f1)
for _ in $(seq $((line - 2))); do keys Down; done
keys Space
wait_for_screen "NI shown" '^ \[x\] NI '
keys F7 Escape
wait_for_screen "the tree again" '^PID/TID'
titles | grep -q -E 'TIME\+ +NI +WCHAN' || fail "NI is not before WCHAN: $(titles)"
quit_and_wait
[ -f "$RC" ] || fail "no settings file at $RC after q"
ls "$(dirname "$RC")" | grep -v -x tasktoprc | grep -q . &&
	fail "a temporary file was left: $(ls "$(dirname "$RC")")"
# (P then I: ascending, as at the start, so no sort_direction line)
for line in 'sort_key=CPU%' 'tree_view=0' \
	'flat_threads=1' 'kernel_threads=0' 'side_pane=hidden' \
	'columns=PID/TID USER S CPU% RES THR TIME+ NI WCHAN'; do
	grep -q -x -F "$line" "$RC" || fail "the file lacks '$line':
$(cat "$RC")"
done

tui_start -- -p "$DEMO_PID"
wait_for_screen "the same state after a restart" 'sort CPU%\+  flat threads.*no kthreads'
sleep 0.3
screen | grep -q 'kernel stack' && fail "the side pane is back after a restart:
$(screen)"
titles | grep -q -E 'TIME\+ +NI +WCHAN' || fail "NI lost at restart: $(titles)"
quit_and_wait

# ---- the command line wins, and is not saved ----------------------------
echo 'delay=2.5' >>"$RC"
tui_start -- -d 0.5 -p "$DEMO_PID"
wait_for_screen "-d over the file" 'every 0.5s'
quit_and_wait
grep -q -x 'delay=2.5' "$RC" || fail "-d was saved over the file's delay:
$(cat "$RC")"
tui_start -- -p "$DEMO_PID"
wait_for_screen "the file's delay" 'every 2.5s'
quit_and_wait

# ---- a link into the dotfiles; comments; nothing changed ----------------
# (stow, home-manager): saved through the link to its target, which keeps
# its comment and the lines not changed; a run that changes nothing
# writes nothing.
DOT=$WORK/dotfiles/rc
mkdir -p "$WORK/dotfiles"
printf '# my comment\nsort_key = CPU%%\nfuture_key=from a newer tasktop\n' >"$DOT"
rm -f "$RC" && ln -s ../../dotfiles/rc "$RC"
before="$(stat -c %i "$DOT") $(md5sum <"$DOT")"
tui_start -- -p "$DEMO_PID"
wait_for_screen "the linked file's sort" 'sort CPU%'
quit_and_wait
[ -L "$RC" ] || fail "quitting replaced the link with a file: $(ls -l "$RC")"
assert_eq "the dotfile after a run that changed nothing" "$before" \
	"$(stat -c %i "$DOT") $(md5sum <"$DOT")"
tui_start -- -p "$DEMO_PID"
wait_for_screen "the linked file's sort" 'sort CPU%'
keys T
wait_for_screen "sorted by TIME+" 'sort TIME\+'
quit_and_wait
[ -L "$RC" ] || fail "quitting replaced the link with a file: $(ls -l "$RC")"
ls -a "$WORK/dotfiles" "$(dirname "$RC")" | grep -q -e '\.[A-Za-z0-9]\{6\}$' &&
	fail "a temporary file was left: $(ls -a "$WORK/dotfiles" "$(dirname "$RC")")"
for line in '# my comment' 'sort_key=TIME+' 'future_key=from a newer tasktop'; do
	grep -q -x -F "$line" "$DOT" || fail "the dotfile lacks '$line':
$(cat "$DOT")"
done
grep -q '^columns=' "$DOT" && fail "settings not changed were written:
$(cat "$DOT")"
rm -f "$RC"

# the memory sort's name before it took its column's (RES) still reads;
# without a sort_direction a key sorts its own way, as M does (largest
# first), and PID smallest first
printf 'sort_key=MEM\n' >"$RC"
tui_start -- -p "$DEMO_PID"
wait_for_screen "sort_key=MEM as RES, largest first" 'sort RES-'
quit_and_wait
assert_eq "the file after a run that changed nothing" 'sort_key=MEM' "$(cat "$RC")"
rm -f "$RC"

# ---- damaged, unreadable, hostile ---------------------------------------
# damaged WHAT PATTERN: tasktop starts with the defaults and shows one
# warning matching PATTERN; the pane's title and the screen stay intact.
# The file's type, and its bytes when it is a regular file.
rc_fingerprint() {
	stat -c %F "$RC"
	[ ! -f "$RC" ] || md5sum <"$RC"
}

damaged() {
	local title before
	before=$(rc_fingerprint)
	tui_start -- -p "$DEMO_PID"
	tm select-pane -t "$PANE" -T tasktop-test-title
	wait_for_screen "the warning ($1)" "tasktoprc: $2; using the defaults"
	wait_for_screen "the defaults ($1)" 'sort PID\+  tree'
	titles | grep -q ' NI ' && fail "$1: the damaged file's columns were used"
	title=$(tm display-message -p -t "$PANE" '#{pane_title}')
	assert_eq "$1: pane title" tasktop-test-title "$title"
	screen | head -n 1 | grep -q '^tasktop ' ||
		fail "$1: the header is gone (screen cleared?):
$(screen)"
	keys q
	wait_for_screen "tasktop's exit ($1)" "$EXIT_MARK"
	# after the exit one line on stderr: the same warning, or why the
	# file could not be replaced (${3:-none})
	assert_eq "$1: warnings on stderr" 1 \
		"$(screen | grep -c -E 'using the defaults|settings not saved')"
	[ -z "${3:-}" ] || screen | grep -q -E "$3" ||
		fail "$1: stderr does not say '$3':
$(screen)"
	assert_eq "$1: exit status" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
	# a rejected file is the user's to mend: never the defaults over it
	assert_eq "$1: the file after quitting" "$before" "$(rc_fingerprint)"
	tm capture-pane -p -J -t "$PANE" | grep -q 'the file is left as it was' ||
		fail "$1: stderr does not say the file was left alone:
$(screen)"
	tm kill-server
	sleep 0.2
}

# (random bytes, fewer than a line's limit, after an ELF magic)
{ echo 'sort_key=CPU%'; printf '\x7fELF\x02\x01'; head -c 900 /dev/urandom; } >"$RC"
damaged "binary junk" 'line 2: not text \(a control byte or a byte above 0x7e\)'

printf 'sort_key=CPU%%\ntheme=\e]0;pwn\a\e[2J\n' >"$RC"
damaged "escape sequences" 'line 2: not text \(a control byte or a byte above 0x7e\)'

{ printf 'theme='; head -c 5000 /dev/zero | tr '\0' a; echo; } >"$RC"
damaged "a huge line" 'line 1: longer than the longest setting'

head -c 2000000 /dev/zero | tr '\0' '#' >"$RC"
damaged "a huge file" 'larger than 64 KiB'

rm -f "$RC" && mkfifo "$RC"
damaged "a FIFO" 'not a regular file'

rm -f "$RC" && mkdir "$RC"
damaged "a directory" 'not a regular file'
rmdir "$RC"
# one bad line among good ones: the good ones are not lost on quit
printf 'sort_key=CPU%%\ncolumns=PID/TID S CPU%% COMMAND\ndelay=0\n' >"$RC"
damaged "a value out of range" 'line 3: [^;]*'
rm -f "$RC"
echo "PASS: $test_name"
