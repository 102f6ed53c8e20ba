# unit tests of src/act (act.h), which sits on the procfs readers
check_PROGRAMS += tests/unit/test_act
TESTS += tests/unit/test_act
tests_unit_test_act_SOURCES = tests/unit/test_act.c
tests_unit_test_act_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_act_LDADD = $(FIXTURE_LIBS) $(ACT_LIBS) $(CMOCKA_LIBS) -lpthread
