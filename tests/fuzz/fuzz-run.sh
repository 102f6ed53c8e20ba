#!/bin/sh
# fuzz-run.sh TARGET SECONDS BINDIR CORPUSDIR WORKDIR
# Runs BINDIR/fuzz_TARGET for SECONDS over a copy of CORPUSDIR/TARGET (the
# seeds stay as they are), then prints its final stats.  Exits non-zero on
# any finding (crash, leak, timeout, out of memory, broken invariant),
# naming the reproducer to copy into the corpus.
set -u
target=$1 seconds=$2 bindir=$3 corpus=$4/$1 work=$5/$1

rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts" || exit 1
cp "$corpus"/* "$work/corpus/" 2>/dev/null
"$bindir/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
	-timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/" \
	"$work/corpus" >"$work.log" 2>&1
status=$?

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work.log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work.log")
last=$(grep -E '^#[0-9]+' "$work.log" | tail -n 1)
cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
echo "fuzz_$target: ${execs:-?} execs, ${rate:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}"

findings=$(ls "$work/artifacts")
if [ $status -ne 0 ] || [ -n "$findings" ]; then
	echo "fuzz_$target: FINDING (exit $status); log $work.log"
	grep -A 10 -E '^==[0-9]+== ?ERROR|invariant broken|runtime error' \
		"$work.log" | head -n 24
	for f in $findings; do
		echo "reproducer: $work/artifacts/$f (copy into $corpus/)"
	done
	exit 1
fi
