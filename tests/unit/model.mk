# unit tests of src/model: add check_PROGRAMS/TESTS here
MODEL_TEST_SOURCES = tests/unit/test_model_util.c tests/unit/test_model_util.h

check_PROGRAMS += tests/unit/test_model_snapshot
TESTS += tests/unit/test_model_snapshot
tests_unit_test_model_snapshot_SOURCES = tests/unit/test_model_snapshot.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_snapshot_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_snapshot_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_cpu
TESTS += tests/unit/test_model_cpu
tests_unit_test_model_cpu_SOURCES = tests/unit/test_model_cpu.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_cpu_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_cpu_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_ns
TESTS += tests/unit/test_model_ns
tests_unit_test_model_ns_SOURCES = tests/unit/test_model_ns.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_ns_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_ns_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_tree
TESTS += tests/unit/test_model_tree
tests_unit_test_model_tree_SOURCES = tests/unit/test_model_tree.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_tree_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_tree_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_view
TESTS += tests/unit/test_model_view
tests_unit_test_model_view_SOURCES = tests/unit/test_model_view.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_view_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_view_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_display
TESTS += tests/unit/test_model_display
tests_unit_test_model_display_SOURCES = tests/unit/test_model_display.c
tests_unit_test_model_display_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_display_LDADD = $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_detail
TESTS += tests/unit/test_model_detail
tests_unit_test_model_detail_SOURCES = tests/unit/test_model_detail.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_detail_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_detail_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_live
TESTS += tests/unit/test_model_live
tests_unit_test_model_live_SOURCES = tests/unit/test_model_live.c
tests_unit_test_model_live_CFLAGS = $(TEST_CFLAGS) -pthread
tests_unit_test_model_live_LDADD = $(MODEL_LIBS) $(CMOCKA_LIBS) -lpthread

check_PROGRAMS += tests/unit/test_model_fds
TESTS += tests/unit/test_model_fds
tests_unit_test_model_fds_SOURCES = tests/unit/test_model_fds.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_fds_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_fds_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_cost
TESTS += tests/unit/test_model_cost
tests_unit_test_model_cost_SOURCES = tests/unit/test_model_cost.c $(MODEL_TEST_SOURCES)
tests_unit_test_model_cost_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -I$(top_srcdir)/tests/unit
tests_unit_test_model_cost_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_cost_LDADD = $(FIXTURE_LIBS) $(MODEL_LIBS) $(CMOCKA_LIBS)
