#!/usr/bin/env bash
# tasktop as a person over ssh uses it: through `ssh -tt` to a private sshd
# (its own keys in the test's directory, a port of its own, ended after),
# the keys a remote terminal sends as raw bytes move the cursor, the signal
# prompt opens and Ctrl-C cancels it, q quits and the remote shell gets its
# terminal back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh" || exit 99
require_tui
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || skip "needs sshd (Debian: openssh-server)"
command -v ssh >/dev/null || skip "needs ssh (Debian: openssh-client)"
# sshd's privilege separation directory: made as Debian's service would
# (systemd's RuntimeDirectory, the init script's mkdir) when no service made
# it, and left (another run's sshd may be in it): without it the test
# skipped on a machine without systemd
if [ ! -d /run/sshd ]; then
	mkdir -m 0755 /run/sshd 2>/dev/null || [ -d /run/sshd ] ||
		skip "cannot make sshd's privilege separation directory /run/sshd"
fi
nsdemo_start
SSHD_PID=
trap '[ -n "$SSHD_PID" ] && kill "$SSHD_PID"; tm kill-server 2>/dev/null; cleanup' EXIT

ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_key" || fail "ssh-keygen failed"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/user_key" || fail "ssh-keygen failed"
cp "$WORK/user_key.pub" "$WORK/authorized_keys"
PORT=$((30000 + RANDOM % 20000))
cat >"$WORK/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORK/host_key
AuthorizedKeysFile $WORK/authorized_keys
PidFile $WORK/sshd.pid
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
CONF
"$SSHD" -D -f "$WORK/sshd_config" -E "$WORK/sshd.log" &
SSHD_PID=$!
SSH="ssh -tt -p $PORT -i $WORK/user_key -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes 127.0.0.1"
ssh_ready() {
	$SSH true 2>/dev/null
}
wait_until "saw sshd answer on port $PORT" ssh_ready

tm -f /dev/null new-session -d -s tasktop -x 120 -y 40 \
	"$SSH env TERM=xterm-256color LANG=C.UTF-8 $TASKTOP -p $DEMO_PID; echo $EXIT_MARK\$?; sleep 600" ||
	fail "tmux new-session failed"
wait_for_screen "tasktop over ssh" 'PID/TID'
wait_for_side_pane_of "$DEMO_PID"
tm send-keys -t "$PANE" -H 1b 5b 43		# ESC [ C: expand
wait_for_screen "the threads" "^ *$DEMO_NETNS "
tm send-keys -t "$PANE" -H 1b 4f 42 1b 4f 42	# ESC O B twice
wait_for_side_pane_of "$DEMO_SLEEPER"
keys k
wait_for_screen "the signal prompt" "send SIGTERM to thread $DEMO_SLEEPER"
keys C-c
wait_for_screen "Ctrl-C cancels" 'no signal sent'
kill -0 "$DEMO_PID" || fail "a cancelled prompt over ssh sent a signal"
keys q
wait_for_screen "the exit over ssh" "$EXIT_MARK"
assert_eq "exit status over ssh" "${EXIT_MARK}0" "$(screen | grep -o "${EXIT_MARK}[0-9]*")"
screen | grep -q 'PID/TID' && fail "the tree is left on the remote terminal:
$(screen)"
echo "PASS: $test_name"
