# unit tests of src/source: the procfs readers over fixture trees and the
# live /proc, and the procfs source feeding the model (skip-work, fds,
# namespace rechecks, the detail reader).
SOURCE_TEST_SOURCES = tests/unit/test_source_util.c tests/unit/test_source_util.h
SOURCE_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -I$(top_srcdir)/tests/unit
SOURCE_TEST_LDADD = $(FIXTURE_LIBS) $(SOURCE_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_procfs_read tests/unit/test_procfs_real
TESTS += tests/unit/test_procfs_read tests/unit/test_procfs_real
tests_unit_test_procfs_read_SOURCES = tests/unit/test_procfs_read.c
tests_unit_test_procfs_read_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_procfs_read_LDADD = $(SOURCE_TEST_LDADD)
tests_unit_test_procfs_real_SOURCES = tests/unit/test_procfs_real.c
tests_unit_test_procfs_real_CFLAGS = $(TEST_CFLAGS) -pthread
tests_unit_test_procfs_real_LDADD = $(SOURCE_TEST_LDADD) -lpthread

source_fixture_tests = tests/unit/test_source_snapshot \
	tests/unit/test_source_cpu tests/unit/test_source_ns \
	tests/unit/test_source_tree tests/unit/test_source_view \
	tests/unit/test_source_detail tests/unit/test_source_fds \
	tests/unit/test_source_cost
check_PROGRAMS += $(source_fixture_tests)
TESTS += $(source_fixture_tests)

tests_unit_test_source_snapshot_SOURCES = tests/unit/test_source_snapshot.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_snapshot_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_snapshot_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_snapshot_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_cpu_SOURCES = tests/unit/test_source_cpu.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_cpu_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_cpu_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_cpu_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_ns_SOURCES = tests/unit/test_source_ns.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_ns_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_ns_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_ns_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_tree_SOURCES = tests/unit/test_source_tree.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_tree_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_tree_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_tree_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_view_SOURCES = tests/unit/test_source_view.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_view_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_view_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_view_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_detail_SOURCES = tests/unit/test_source_detail.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_detail_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_detail_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_detail_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_fds_SOURCES = tests/unit/test_source_fds.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_fds_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_fds_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_fds_LDADD = $(SOURCE_TEST_LDADD)

tests_unit_test_source_cost_SOURCES = tests/unit/test_source_cost.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_cost_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_cost_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_cost_LDADD = $(SOURCE_TEST_LDADD)

check_PROGRAMS += tests/unit/test_source_live
TESTS += tests/unit/test_source_live
tests_unit_test_source_live_SOURCES = tests/unit/test_source_live.c
tests_unit_test_source_live_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_live_CFLAGS = $(TEST_CFLAGS) -pthread
tests_unit_test_source_live_LDADD = $(SOURCE_LIBS) $(CMOCKA_LIBS) -lpthread

check_PROGRAMS += tests/unit/test_procfs_nsnames
TESTS += tests/unit/test_procfs_nsnames
tests_unit_test_procfs_nsnames_SOURCES = tests/unit/test_procfs_nsnames.c
tests_unit_test_procfs_nsnames_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_procfs_nsnames_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_procfs_nsnames_LDADD = $(SOURCE_TEST_LDADD)

check_PROGRAMS += tests/unit/test_source_stacks
TESTS += tests/unit/test_source_stacks
tests_unit_test_source_stacks_SOURCES = tests/unit/test_source_stacks.c $(SOURCE_TEST_SOURCES)
tests_unit_test_source_stacks_CPPFLAGS = $(SOURCE_TEST_CPPFLAGS)
tests_unit_test_source_stacks_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_source_stacks_LDADD = $(SOURCE_TEST_LDADD)
