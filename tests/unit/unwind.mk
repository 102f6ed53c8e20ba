# unit tests of src/unwind: the pure parts (the wire format, the debug image)
check_PROGRAMS += tests/unit/test_unwind_wire
TESTS += tests/unit/test_unwind_wire
tests_unit_test_unwind_wire_SOURCES = tests/unit/test_unwind_wire.c
tests_unit_test_unwind_wire_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_unwind_wire_LDADD = $(UNWIND_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/unit/test_unwind_debugimage
TESTS += tests/unit/test_unwind_debugimage
tests_unit_test_unwind_debugimage_SOURCES = tests/unit/test_unwind_debugimage.c
tests_unit_test_unwind_debugimage_CFLAGS = $(TEST_CFLAGS) $(LIBDW_CFLAGS)
tests_unit_test_unwind_debugimage_LDADD = $(UNWIND_LIBS) -lelf $(CMOCKA_LIBS)
