# unit tests of src/unwind: the pure parts (the wire format)
check_PROGRAMS += tests/unit/test_unwind_wire
TESTS += tests/unit/test_unwind_wire
tests_unit_test_unwind_wire_SOURCES = tests/unit/test_unwind_wire.c
tests_unit_test_unwind_wire_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_unwind_wire_LDADD = $(UNWIND_LIBS) $(CMOCKA_LIBS)
