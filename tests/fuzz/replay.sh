#!/bin/sh
# Replays every fuzz corpus (seeds and saved reproducers) through its
# target built without libFuzzer; a broken invariant aborts the replay.
# On a failure each file is replayed alone to name the ones that fail.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
failed=0

for corpus in "$srcdir"/tests/fuzz/corpus/*/; do
	target=$(basename "$corpus")
	replay=$builddir/tests/fuzz/replay_$target
	"$replay" "$corpus" && continue
	failed=$((failed + 1))
	for input in "$corpus"*; do
		"$replay" "$input" >/dev/null 2>&1 ||
			echo "FAIL: replay_$target $input"
	done
done
exit $((failed > 0))
