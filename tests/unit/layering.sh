#!/bin/sh
# The layers hold (docs/ARCHITECTURE.md, "Layers"), checked on the built
# libraries: the model and the parsers call no I/O at all, so the model's
# tests, fed records, can't read /proc; ui/ and out/ call no procfs reader,
# only the detail interface.  A check that can fail: each list below is a
# symbol some layer used before the sources were split out.
set -eu
b=${top_builddir:-.}

undefined() {
	nm -u "$1" | awk '{ print $NF }' | sort -u
}

fail=0
io='^(open|open64|openat|openat64|fopen|fopen64|read|pread|pread64|readlink|readlinkat|opendir|fdopendir|readdir|readdir64|stat|fstatat|fstatat64|statx|__xstat|__fxstatat|clock_gettime)$'
for lib in src/model/libmodel.a src/proc/libproc.a; do
	bad=$(undefined "$b/$lib" | grep -E "$io" || true)
	if [ -n "$bad" ]; then
		echo "FAIL: $lib calls I/O:" $bad
		fail=1
	fi
done

reader='^(proc_(root_open|list_tgids|list_tids|count_tids|group_runtime|open_task_file|pread_file|read_task_file|read_root_file|read_ns|read_ns_at|read_ns_all|open_ns_dir|resolve_tgid)|snapshot_(begin|put|put_ns|end))$'
for lib in src/ui/libui.a src/out/libout.a; do
	bad=$(undefined "$b/$lib" | grep -E "$reader" || true)
	if [ -n "$bad" ]; then
		echo "FAIL: $lib reads task files or feeds the model itself:" $bad
		fail=1
	fi
done

# The model's own tests link no source: were one to sneak in, linking
# test_model_records against libmodel.a alone would have failed.
[ -x "$b/tests/unit/test_model_records" ] || {
	echo "FAIL: tests/unit/test_model_records not built"
	fail=1
}
[ $fail -eq 0 ] && echo "layers hold"
exit $fail
