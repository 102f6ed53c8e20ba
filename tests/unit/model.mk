# unit tests of src/model alone: fed synthetic records, linked without any
# source (so nothing they run can read /proc: tests/unit/layering.sh).
check_PROGRAMS += tests/unit/test_model_records
TESTS += tests/unit/test_model_records
tests_unit_test_model_records_SOURCES = tests/unit/test_model_records.c
tests_unit_test_model_records_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_records_LDADD = $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_display
TESTS += tests/unit/test_model_display
tests_unit_test_model_display_SOURCES = tests/unit/test_model_display.c
tests_unit_test_model_display_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_display_LDADD = $(MODEL_LIBS) $(CMOCKA_LIBS)

# The layers hold: the model and the parsers call no I/O, ui/ and out/ no
# procfs reader but the detail interface.
check_SCRIPTS += tests/unit/layering.sh
TESTS += tests/unit/layering.sh
EXTRA_DIST += tests/unit/layering.sh

check_PROGRAMS += tests/unit/test_model_nsinfo
TESTS += tests/unit/test_model_nsinfo
tests_unit_test_model_nsinfo_SOURCES = tests/unit/test_model_nsinfo.c
tests_unit_test_model_nsinfo_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_nsinfo_LDADD = $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_model_stack_group
TESTS += tests/unit/test_model_stack_group
tests_unit_test_model_stack_group_SOURCES = tests/unit/test_model_stack_group.c
tests_unit_test_model_stack_group_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_model_stack_group_LDADD = $(MODEL_LIBS) $(CMOCKA_LIBS)
