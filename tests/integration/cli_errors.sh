#!/usr/bin/env bash
# Bad command lines exit 2 with exactly one line naming the problem on stderr
# and nothing on stdout; -h and -V exit 0.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_tools

# A pid that nothing uses right now, below pid_max so it is a valid number.
unused_pid() {
	local pid
	pid=$(($(cat /proc/sys/kernel/pid_max) - 1))
	while [ -e "/proc/$pid" ]; do
		pid=$((pid - 1))
	done
	echo "$pid"
}

# expect_usage_error WORD ARGS…: exit 2, empty stdout, one diagnostic line
# on stderr that contains WORD.
expect_usage_error() {
	local word=$1 status=0
	shift
	"$TASKTOP" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || status=$?
	assert_eq "exit status of tasktop $*" 2 "$status"
	assert_eq "stdout of tasktop $*" "" "$(cat "$WORK/out")"
	local diagnostic
	diagnostic=$(cat "$WORK/err")
	assert_eq "lines on stderr of tasktop $* (stderr: $diagnostic)" \
		1 "$(wc -l <"$WORK/err")"
	[[ $diagnostic == *"$word"* ]] ||
		fail "tasktop $*: stderr '$diagnostic' does not name '$word'"
	[[ $diagnostic == tasktop:* ]] ||
		fail "tasktop $*: stderr '$diagnostic' does not start with 'tasktop:'"
}

expect_usage_error abc -d abc
expect_usage_error -n -n 0
expect_usage_error 12x -p 12x
nobody_home=$(unused_pid)
expect_usage_error "no process or thread $nobody_home" -b -n 1 -p "$nobody_home"
expect_usage_error bogus --bogus

# Interactive without a terminal: suggest -b and --json, write no escape.
expect_usage_error "use -b for text or --json for JSON Lines"
expect_usage_error "stdin and stdout are not a terminal"
# Themes: a missing one and a file that is no theme (never its contents).
expect_usage_error "theme 'nonexistent' not found" -t nonexistent
expect_usage_error "theme /etc/passwd:1: " -t /etc/passwd
grep -q -e root -e /bin/ "$WORK/err" && fail "-t /etc/passwd echoed the file: $(cat "$WORK/err")"
printf 'title = red blue\nnot-an-element\n' >"$WORK/bad.theme"
expect_usage_error "theme $WORK/bad.theme:2: " -t "$WORK/bad.theme"
grep -q not-an-element "$WORK/err" && fail "the theme error echoed the line: $(cat "$WORK/err")"
# A directory that is no proc tree.
expect_usage_error "/etc: not a proc tree" --proc-root /etc -b -n 1
expect_usage_error "/etc: not a proc tree" --proc-root /etc
expect_usage_error "No such file" --proc-root "$WORK/none" --json -n 1

# expect_success WHAT STDOUT-PATTERN ARGS…
expect_success() {
	local what=$1 pattern=$2 status=0
	shift 2
	"$TASKTOP" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || status=$?
	assert_eq "exit status of tasktop $*" 0 "$status"
	assert_eq "stderr of tasktop $*" "" "$(cat "$WORK/err")"
	grep -qE -e "$pattern" "$WORK/out" ||
		fail "$what: stdout does not match /$pattern/: $(head -c 300 "$WORK/out")"
}

expect_success "help" '^(Usage|usage): *tasktop' -h
expect_success "help" '--json' --help
expect_success "version" '^tasktop [0-9]' -V
expect_success "version" '^tasktop [0-9]' --version
echo "PASS: $test_name"
