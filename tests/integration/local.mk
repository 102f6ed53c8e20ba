# tests/integration: the real binary against real threads in real namespaces
# (root only: each script skips with exit 77 otherwise).  See the top
# Makefile.am for TESTS_ENVIRONMENT ($TASKTOP, $top_srcdir, $top_builddir).
check_PROGRAMS += tests/integration/nsdemo
tests_integration_nsdemo_SOURCES = tests/integration/nsdemo.c
tests_integration_nsdemo_LDADD = -lpthread

# Targets for user-stack unwinding: -O2 -g and no frame pointers, so only
# CFI unwinds them; never sanitized (the frames are what is tested).
check_PROGRAMS += tests/integration/ustack_fixture \
	tests/integration/ustack_fixture_cxx
USTACK_FIXTURE_FLAGS = -O2 -g -fomit-frame-pointer -pthread
tests_integration_ustack_fixture_SOURCES = tests/integration/ustack_fixture.c
tests_integration_ustack_fixture_CFLAGS = $(USTACK_FIXTURE_FLAGS) -std=gnu11 \
	-Wall -Wextra $(WERROR_CFLAGS)
tests_integration_ustack_fixture_LDFLAGS = -pthread
tests_integration_ustack_fixture_cxx_SOURCES = \
	tests/integration/ustack_fixture_cxx.cc
tests_integration_ustack_fixture_cxx_CXXFLAGS = $(USTACK_FIXTURE_FLAGS) \
	-Wall -Wextra $(WERROR_CFLAGS)
tests_integration_ustack_fixture_cxx_LDFLAGS = -pthread

# ustack_modules waits inside libraries it dlopens: one loaded only later,
# on SIGUSR2, and one with no unwind information at all.  That one has its
# own rule: no CFLAGS of the build's (a -g there would bring .debug_frame
# back), no unwind tables, no start files (theirs have CFI), no
# .eh_frame_hdr: its .eh_frame is empty and there is no .debug_frame.
check_PROGRAMS += tests/integration/ustack_modules \
	tests/integration/libustack_late.so
tests_integration_ustack_modules_SOURCES = tests/integration/ustack_modules.c
tests_integration_ustack_modules_CFLAGS = $(USTACK_FIXTURE_FLAGS) -std=gnu11 \
	-Wall -Wextra $(WERROR_CFLAGS)
tests_integration_ustack_modules_LDFLAGS = -pthread
tests_integration_ustack_modules_LDADD = -ldl
USTACK_NOCFI = tests/integration/libustack_nocfi.so
$(USTACK_NOCFI): tests/integration/ustack_nocfi.c
	$(AM_V_CCLD)$(CC) -O2 -g0 -fPIC -fomit-frame-pointer \
	    -fno-asynchronous-unwind-tables -fno-unwind-tables -shared \
	    -nostartfiles -Wl,--no-eh-frame-hdr -o $@ $(srcdir)/tests/integration/ustack_nocfi.c
check_SCRIPTS += $(USTACK_NOCFI)
CLEANFILES += $(USTACK_NOCFI)
EXTRA_DIST += tests/integration/ustack_nocfi.c
tests_integration_libustack_late_so_SOURCES = tests/integration/ustack_late.c
tests_integration_libustack_late_so_CFLAGS = $(USTACK_FIXTURE_FLAGS) -fPIC
tests_integration_libustack_late_so_LDFLAGS = -shared

INTEGRATION_TESTS = \
	tests/integration/json_ns.sh \
	tests/integration/json_hidden_tid.sh \
	tests/integration/json_stack.sh \
	tests/integration/json_leader_exit.sh \
	tests/integration/json_hostile.sh \
	tests/integration/json_nobody.sh \
	tests/integration/json_netns.sh \
	tests/integration/json_ns_history.sh \
	tests/integration/json_netns_vanish.sh \
	tests/integration/batch.sh \
	tests/integration/cli_errors.sh \
	tests/integration/docs_agree.sh \
	tests/integration/stack_groups.sh \
	tests/integration/source_differ.sh \
	tests/integration/ustack_json.sh \
	tests/integration/ustack_libc_debug.sh \
	tests/integration/ustack_modules.sh \
	tests/integration/ustack_debug_fifo.sh \
	tests/integration/ustack_refused.sh
check_SCRIPTS += $(INTEGRATION_TESTS)
TESTS += $(INTEGRATION_TESTS)
EXTRA_DIST += $(INTEGRATION_TESTS) tests/integration/lib.sh \
	tests/integration/stackdemo_lib.sh tests/integration/ustack_lib.sh

# stackdemo: threads parked in known places for the stack-group tests.
check_PROGRAMS += tests/integration/stackdemo
tests_integration_stackdemo_SOURCES = tests/integration/stackdemo.c
tests_integration_stackdemo_LDADD = -lpthread
