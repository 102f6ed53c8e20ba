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
	tests/integration/ustack_refused.sh
check_SCRIPTS += $(INTEGRATION_TESTS)
TESTS += $(INTEGRATION_TESTS)
EXTRA_DIST += $(INTEGRATION_TESTS) tests/integration/lib.sh \
	tests/integration/stackdemo_lib.sh tests/integration/ustack_lib.sh

# stackdemo: threads parked in known places for the stack-group tests.
check_PROGRAMS += tests/integration/stackdemo
tests_integration_stackdemo_SOURCES = tests/integration/stackdemo.c
tests_integration_stackdemo_LDADD = -lpthread
