# Unit tests (cmocka).  Each layer's tests are listed in tests/unit/<layer>.mk.
noinst_LIBRARIES += tests/unit/libfixture.a
tests_unit_libfixture_a_SOURCES = tests/unit/fixture.c tests/unit/fixture.h \
	tests/unit/live_proc.c tests/unit/live_proc.h
tests_unit_libfixture_a_CPPFLAGS = $(AM_CPPFLAGS) -DFIXTURE_SRCDIR='"$(abs_top_srcdir)"'
# A test links the fixture builder, its layer's *_LIBS and cmocka, e.g.
#   tests_unit_test_stat_LDADD = $(FIXTURE_LIBS) $(PROC_LIBS) $(CMOCKA_LIBS)
FIXTURE_LIBS = tests/unit/libfixture.a
EXTRA_DIST += tests/fixtures

include tests/unit/util.mk
include tests/unit/proc.mk
include tests/unit/unwind.mk
include tests/unit/model.mk
include tests/unit/source.mk
include tests/unit/act.mk
include tests/unit/out.mk
include tests/unit/ui.mk
