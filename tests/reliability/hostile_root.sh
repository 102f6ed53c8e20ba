#!/usr/bin/env bash
# A --proc-root whose files are not what procfs would give: a FIFO (an open
# that would wait for a writer for ever), endless /dev/zero and /dev/urandom,
# a task directory that is a symlink loop, names that are not pids or
# overflow an int.  tasktop -b and --json --stack finish, exit 0, print
# valid output without a raw control byte, and nothing on stderr.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/reliability/lib.sh" || exit 99
require_tools timeout mkfifo

BASIC=$top_srcdir/tests/fixtures/proc/basic
TASK_FILES="stat status stack comm wchan syscall cmdline"

# root_like_basic NAME: a copy of the basic fixture (without its ns links,
# which a copy cannot hold) to spoil; prints its path.
root_like_basic() {
	local dir=$WORK/$1
	cp -r "$BASIC" "$dir" || fail "cannot copy $BASIC"
	find "$dir" -name ns.links -delete
	echo "$dir"
}

# spoil DIR FILE CMD…: FILE of pid 1 and of its thread replaced by CMD FILE.
spoil() {
	local dir=$1 file=$2 f
	shift 2
	for f in "$dir/1/$file" "$dir/1/task/1/$file"; do
		rm -f "$f"
		"$@" "$f" || fail "cannot make $f"
	done
}

# check_root WHAT DIR: both modes over DIR, bounded in time.
check_root() {
	local what=$1 dir=$2 mode status
	for mode in json batch; do
		local out=$WORK/$what.$mode args=(-b -H)
		[ $mode = json ] && args=(--json --stack)
		status=0
		timeout 10 "$TASKTOP" "${args[@]}" -n 2 -d 0 --proc-root "$dir" \
			>"$out" 2>"$out.err" || status=$?
		[ $status -ne 124 ] || fail "$what: tasktop --$mode hung (killed after 10 s)"
		assert_eq "$what: --$mode exit status (stderr: $(head -c 300 "$out.err"))" 0 $status
		assert_quiet "$what --$mode" "$out.err"
		assert_no_control_bytes "$what --$mode" "$out"
	done
	assert_json_lines "$what" "$WORK/$what.json" 2
	echo "$what: exit 0, $(jq -s '.[1].processes | length' "$WORK/$what.json") processes shown"
}

for file in $TASK_FILES; do
	dir=$(root_like_basic "fifo-$file")
	spoil "$dir" "$file" mkfifo
	check_root "fifo-$file" "$dir"
done

dir=$(root_like_basic endless)
spoil "$dir" cmdline ln -s /dev/zero
for file in stat status stack comm wchan syscall; do
	spoil "$dir" "$file" ln -s /dev/urandom
done
check_root endless "$dir"

dir=$(root_like_basic loop)
rm -rf "$dir/1/task/1"
ln -s . "$dir/1/task/1"
ln -s loop-b "$dir/2/task/loop-a"
ln -s loop-a "$dir/2/task/loop-b"
check_root loop "$dir"

dir=$(root_like_basic names)
mkdir "$dir/0" "$dir/-1" "$dir/+7" "$dir/2147483648" "$dir/99999999999999999999" \
	"$dir/1/task/4294967297" "$dir/ 3"
check_root names "$dir"
tail -n 1 "$WORK/names.json" >"$WORK/names.last"
timeout 10 "$TASKTOP" --json -n 1 --proc-root "$BASIC" >"$WORK/basic.json" ||
	fail "tasktop on the basic fixture failed"
assert_jq "names: the pids shown (those of the basic fixture)" "$WORK/names.last" \
	'[.processes[].pid] | sort' "$(jq -c '[.processes[].pid] | sort' "$WORK/basic.json")"
echo "PASS: $test_name"
