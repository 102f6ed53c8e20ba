# tests/integration: the real binary against real threads in real namespaces
# (root only: each script skips with exit 77 otherwise).  See the top
# Makefile.am for TESTS_ENVIRONMENT ($TASKTOP, $top_srcdir, $top_builddir).
check_PROGRAMS += tests/integration/nsdemo
tests_integration_nsdemo_SOURCES = tests/integration/nsdemo.c
tests_integration_nsdemo_LDADD = -lpthread

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
	tests/integration/source_differ.sh
check_SCRIPTS += $(INTEGRATION_TESTS)
TESTS += $(INTEGRATION_TESTS)
EXTRA_DIST += $(INTEGRATION_TESTS) tests/integration/lib.sh \
	tests/integration/stackdemo_lib.sh

# stackdemo: threads parked in known places for the stack-group tests.
check_PROGRAMS += tests/integration/stackdemo
tests_integration_stackdemo_SOURCES = tests/integration/stackdemo.c
tests_integration_stackdemo_LDADD = -lpthread
