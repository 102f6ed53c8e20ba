# tests/bench: tasktop against htop and top (README.md there).  Not part of
# `make check`: `make bench` builds tasktop and the workload, then runs it.
EXTRA_PROGRAMS = tests/bench/workload
tests_bench_workload_SOURCES = tests/bench/workload.c
tests_bench_workload_CFLAGS = $(AM_CFLAGS) -pthread
tests_bench_workload_LDFLAGS = $(AM_LDFLAGS) -pthread
tests_bench_workload_LDADD =
CLEANFILES += tests/bench/workload$(EXEEXT)
EXTRA_DIST += tests/bench/run.sh tests/bench/memory.sh tests/bench/key-latency.awk \
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

# User stacks against eu-stack (tests/bench/ustack.sh; README.md here,
# "User stacks"): wall time, the longest stop seen from inside the target,
# and the re-unwind of a known process (tests/bench/ustack_probe).
EXTRA_PROGRAMS += tests/bench/ustack_probe
tests_bench_ustack_probe_SOURCES = tests/bench/ustack_probe.c
tests_bench_ustack_probe_LDADD = $(UNWIND_LIBS)
CLEANFILES += tests/bench/ustack_probe$(EXEEXT)
EXTRA_DIST += tests/bench/ustack.sh
.PHONY: bench-ustack
bench-ustack: src/tasktop$(EXEEXT) tests/integration/ustack_fixture$(EXEEXT) \
		tests/bench/ustack_probe$(EXEEXT)
	$(TESTS_ENVIRONMENT) \
	  FIXTURE='$(abs_top_builddir)/tests/integration/ustack_fixture' \
	  PROBE='$(abs_top_builddir)/tests/bench/ustack_probe' \
	  bash '$(srcdir)/tests/bench/ustack.sh'

# The renice prompt on one process of many threads (tests/bench/renice.sh;
# README.md here, "The renice prompt").
EXTRA_DIST += tests/bench/renice.sh
.PHONY: bench-renice
bench-renice: src/tasktop$(EXEEXT) tests/bench/workload$(EXEEXT)
	$(TESTS_ENVIRONMENT) WORKLOAD='$(abs_top_builddir)/tests/bench/workload' \
	  bash '$(srcdir)/tests/bench/renice.sh'
