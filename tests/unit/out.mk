# unit tests of the command line (src/cli.c) and of src/out
check_PROGRAMS += tests/unit/test_cli tests/unit/test_json_check \
	tests/unit/test_out_batch tests/unit/test_out_json tests/unit/test_out_run
TESTS += tests/unit/test_cli tests/unit/test_json_check \
	tests/unit/test_out_batch tests/unit/test_out_json tests/unit/test_out_run

# cli.c is compiled into its test: the binary owns it, no library does.
tests_unit_test_cli_SOURCES = tests/unit/test_cli.c src/cli.c
tests_unit_test_cli_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_cli_LDADD = $(UTIL_LIBS) $(CMOCKA_LIBS)

tests_unit_test_json_check_SOURCES = tests/unit/test_json_check.c \
	tests/unit/json_check.c tests/unit/json_check.h
tests_unit_test_json_check_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_json_check_LDADD = $(CMOCKA_LIBS)

OUT_TEST_FIXTURE = tests/unit/test_out_fixture.c tests/unit/test_out_fixture.h

tests_unit_test_out_batch_SOURCES = tests/unit/test_out_batch.c \
	$(OUT_TEST_FIXTURE)
tests_unit_test_out_batch_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_out_batch_LDADD = $(FIXTURE_LIBS) $(OUT_LIBS) $(CMOCKA_LIBS)

tests_unit_test_out_json_SOURCES = tests/unit/test_out_json.c \
	$(OUT_TEST_FIXTURE) tests/unit/json_check.c tests/unit/json_check.h
tests_unit_test_out_json_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_out_json_LDADD = $(FIXTURE_LIBS) $(OUT_LIBS) $(CMOCKA_LIBS)

tests_unit_test_out_run_SOURCES = tests/unit/test_out_run.c \
	$(OUT_TEST_FIXTURE) tests/unit/json_check.c tests/unit/json_check.h
tests_unit_test_out_run_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_out_run_LDADD = $(FIXTURE_LIBS) $(OUT_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_out_ns
TESTS += tests/unit/test_out_ns
tests_unit_test_out_ns_SOURCES = tests/unit/test_out_ns.c \
	tests/unit/json_check.c tests/unit/json_check.h
tests_unit_test_out_ns_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_out_ns_LDADD = $(FIXTURE_LIBS) $(OUT_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_out_stacks
TESTS += tests/unit/test_out_stacks
tests_unit_test_out_stacks_SOURCES = tests/unit/test_out_stacks.c \
	tests/unit/json_check.c tests/unit/json_check.h
tests_unit_test_out_stacks_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src
tests_unit_test_out_stacks_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_out_stacks_LDADD = $(OUT_LIBS) $(CMOCKA_LIBS)
