# unit tests of src/proc: one program a concept, all linked the same way
proc_unit_tests = tests/unit/test_proc_stat tests/unit/test_proc_status \
	tests/unit/test_proc_stack tests/unit/test_proc_syscall \
	tests/unit/test_proc_ns tests/unit/test_proc_text \
	tests/unit/test_proc_bytes tests/unit/test_proc_nsinfo \
	tests/unit/test_proc_system
check_PROGRAMS += $(proc_unit_tests)
TESTS += $(proc_unit_tests)
PROC_TEST_LDADD = $(FIXTURE_LIBS) $(PROC_LIBS) $(CMOCKA_LIBS)

tests_unit_test_proc_stat_SOURCES = tests/unit/test_proc_stat.c
tests_unit_test_proc_stat_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_stat_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_status_SOURCES = tests/unit/test_proc_status.c
tests_unit_test_proc_status_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_status_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_stack_SOURCES = tests/unit/test_proc_stack.c
tests_unit_test_proc_stack_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_stack_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_syscall_SOURCES = tests/unit/test_proc_syscall.c
tests_unit_test_proc_syscall_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_syscall_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_ns_SOURCES = tests/unit/test_proc_ns.c
tests_unit_test_proc_ns_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_ns_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_text_SOURCES = tests/unit/test_proc_text.c
tests_unit_test_proc_text_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_text_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_bytes_SOURCES = tests/unit/test_proc_bytes.c
tests_unit_test_proc_bytes_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_bytes_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_nsinfo_SOURCES = tests/unit/test_proc_nsinfo.c
tests_unit_test_proc_nsinfo_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_nsinfo_LDADD = $(PROC_TEST_LDADD)

tests_unit_test_proc_system_SOURCES = tests/unit/test_proc_system.c
tests_unit_test_proc_system_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_proc_system_LDADD = $(PROC_TEST_LDADD)
