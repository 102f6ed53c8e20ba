# unit tests of src/util
check_PROGRAMS += tests/unit/test_buf tests/unit/test_intmap \
	tests/unit/test_text tests/unit/test_json
TESTS += tests/unit/test_buf tests/unit/test_intmap \
	tests/unit/test_text tests/unit/test_json

tests_unit_test_buf_SOURCES = tests/unit/test_buf.c
tests_unit_test_buf_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_buf_LDADD = $(UTIL_LIBS) $(CMOCKA_LIBS)

tests_unit_test_intmap_SOURCES = tests/unit/test_intmap.c
tests_unit_test_intmap_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_intmap_LDADD = $(UTIL_LIBS) $(CMOCKA_LIBS)

tests_unit_test_text_SOURCES = tests/unit/test_text.c
tests_unit_test_text_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_text_LDADD = $(UTIL_LIBS) $(CMOCKA_LIBS)

tests_unit_test_json_SOURCES = tests/unit/test_json.c
tests_unit_test_json_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_json_LDADD = $(UTIL_LIBS) $(CMOCKA_LIBS)
