# tests/bench: tasktop against htop and top (README.md there).  Not part of
# `make check`: `make bench` builds tasktop and the workload, then runs it.
EXTRA_PROGRAMS = tests/bench/workload
tests_bench_workload_SOURCES = tests/bench/workload.c
tests_bench_workload_CFLAGS = $(AM_CFLAGS) -pthread
tests_bench_workload_LDFLAGS = $(AM_LDFLAGS) -pthread
tests_bench_workload_LDADD =
CLEANFILES += tests/bench/workload$(EXEEXT)
EXTRA_DIST += tests/bench/run.sh tests/bench/key-latency.awk \
	tests/bench/README.md

.PHONY: bench
bench: src/tasktop$(EXEEXT) tests/bench/workload$(EXEEXT)
	$(TESTS_ENVIRONMENT) WORKLOAD='$(abs_top_builddir)/tests/bench/workload' \
	  bash '$(srcdir)/tests/bench/run.sh'

# Stack groups against the pt-pmp pipeline, and the grouped view's cost
# (tests/bench/stacks.sh; README.md here, "Stack groups").
EXTRA_DIST += tests/bench/stacks.sh
.PHONY: bench-stacks
bench-stacks: src/tasktop$(EXEEXT) tests/bench/workload$(EXEEXT)
	$(TESTS_ENVIRONMENT) WORKLOAD='$(abs_top_builddir)/tests/bench/workload' \
	  bash '$(srcdir)/tests/bench/stacks.sh'
