# unit tests of src/ui: the pure parts (themes, layout, columns, tree lines,
# formatting, prompt, help) and the ui state over a fixture snapshot.
UI_TESTS = tests/unit/test_ui_theme tests/unit/test_ui_layout \
	tests/unit/test_ui_format tests/unit/test_ui_prompt \
	tests/unit/test_ui_selection tests/unit/test_ui_keyseq \
	tests/unit/test_ui_settings
check_PROGRAMS += $(UI_TESTS)
TESTS += $(UI_TESTS)
UI_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src -I$(top_srcdir)/tests/unit

tests_unit_test_ui_theme_SOURCES = tests/unit/test_ui_theme.c
tests_unit_test_ui_theme_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_theme_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_theme_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

tests_unit_test_ui_layout_SOURCES = tests/unit/test_ui_layout.c
tests_unit_test_ui_layout_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_layout_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_layout_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

tests_unit_test_ui_format_SOURCES = tests/unit/test_ui_format.c
tests_unit_test_ui_format_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_format_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_format_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

tests_unit_test_ui_prompt_SOURCES = tests/unit/test_ui_prompt.c
tests_unit_test_ui_prompt_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_prompt_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_prompt_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

tests_unit_test_ui_selection_SOURCES = tests/unit/test_ui_selection.c
tests_unit_test_ui_selection_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_selection_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_selection_LDADD = $(FIXTURE_LIBS) $(UI_LIBS) $(CMOCKA_LIBS)

# Not a test itself: tests/integration/docs_agree.sh runs it.
check_PROGRAMS += tests/unit/help_keys
tests_unit_help_keys_SOURCES = tests/unit/help_keys.c
tests_unit_help_keys_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_help_keys_LDADD = $(UI_LIBS)

tests_unit_test_ui_keyseq_SOURCES = tests/unit/test_ui_keyseq.c
tests_unit_test_ui_keyseq_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_keyseq_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_keyseq_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

tests_unit_test_ui_settings_SOURCES = tests/unit/test_ui_settings.c
tests_unit_test_ui_settings_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_unit_test_ui_settings_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_ui_settings_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)
