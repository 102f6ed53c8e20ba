# tests/fuzz: a libFuzzer target for every parser of untrusted bytes.
#
#   make fuzz                          build them with clang into tests/fuzz/bin/
#   make fuzz-run FUZZ_SECONDS=30      run each over a copy of its corpus
#
# Neither is part of plain make or make check, which instead build each target
# with the configured compiler into a plain replay program (replay_main.c) and
# feed it every file of tests/fuzz/corpus/<target>/ (tests/fuzz/replay.sh).
# A finding is kept by copying its reproducer into that corpus directory.

FUZZ_TARGETS = stat status stack syscall ns_link cmdline loadavg theme \
	json_escape sanitize fit mountinfo cgroup net_table rtnl \
	settings system net_sockets
# the unwind helper's results (src/unwind/wire.c)
FUZZ_TARGETS += ustack_wire
# the uncompressed image of a debug file (src/unwind/debugimage.c)
FUZZ_TARGETS += debugimage
# the stack grouping (src/model/stack_group*.c) on untrusted frames
FUZZ_TARGETS += stack_groups
# the terminal's bytes and curses' key codes into keys (src/ui/keyseq.c)
FUZZ_TARGETS += keyseq
FUZZ_SHARED_FILES = tests/fuzz/fuzz.c tests/fuzz/fuzz.h \
	tests/fuzz/json_string_check.h

TESTS += tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/replay.sh tests/fuzz/fuzz-run.sh tests/fuzz/corpus

check_PROGRAMS += tests/fuzz/replay_stat \
	tests/fuzz/replay_status \
	tests/fuzz/replay_stack \
	tests/fuzz/replay_syscall \
	tests/fuzz/replay_ns_link \
	tests/fuzz/replay_cmdline \
	tests/fuzz/replay_loadavg \
	tests/fuzz/replay_theme \
	tests/fuzz/replay_json_escape \
	tests/fuzz/replay_sanitize \
	tests/fuzz/replay_fit \
	tests/fuzz/replay_mountinfo \
	tests/fuzz/replay_cgroup \
	tests/fuzz/replay_net_table \
	tests/fuzz/replay_rtnl \
	tests/fuzz/replay_settings \
	tests/fuzz/replay_system \
	tests/fuzz/replay_net_sockets
check_PROGRAMS += tests/fuzz/replay_ustack_wire
check_PROGRAMS += tests/fuzz/replay_debugimage
check_PROGRAMS += tests/fuzz/replay_stack_groups
check_PROGRAMS += tests/fuzz/replay_keyseq

tests_fuzz_replay_stat_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_stat.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_stat_LDADD = $(PROC_LIBS)

tests_fuzz_replay_status_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_status.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_status_LDADD = $(PROC_LIBS)

tests_fuzz_replay_stack_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_stack.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_stack_LDADD = $(PROC_LIBS)

tests_fuzz_replay_syscall_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_syscall.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_syscall_LDADD = $(PROC_LIBS)

tests_fuzz_replay_ns_link_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_ns_link.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_ns_link_LDADD = $(PROC_LIBS)

tests_fuzz_replay_cmdline_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_cmdline.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_cmdline_LDADD = $(PROC_LIBS)

tests_fuzz_replay_loadavg_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_loadavg.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_loadavg_LDADD = $(PROC_LIBS)

tests_fuzz_replay_theme_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_theme.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_theme_LDADD = $(UI_LIBS)

tests_fuzz_replay_json_escape_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_json_escape.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_json_escape_LDADD = $(UTIL_LIBS)

tests_fuzz_replay_sanitize_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_sanitize.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_sanitize_LDADD = $(UTIL_LIBS)

tests_fuzz_replay_fit_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_fit.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_fit_LDADD = $(UTIL_LIBS)

tests_fuzz_replay_mountinfo_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_mountinfo.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_mountinfo_LDADD = $(PROC_LIBS)

tests_fuzz_replay_cgroup_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_cgroup.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_cgroup_LDADD = $(PROC_LIBS)

tests_fuzz_replay_net_table_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_net_table.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_net_table_LDADD = $(PROC_LIBS)

tests_fuzz_replay_rtnl_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_rtnl.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_rtnl_LDADD = $(PROC_LIBS)

tests_fuzz_replay_settings_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_settings.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_settings_LDADD = $(UI_LIBS)

tests_fuzz_replay_system_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_system.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_system_LDADD = $(PROC_LIBS)

tests_fuzz_replay_net_sockets_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_net_sockets.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_net_sockets_LDADD = $(PROC_LIBS)

tests_fuzz_replay_ustack_wire_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_ustack_wire.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_ustack_wire_LDADD = $(UNWIND_LIBS)

tests_fuzz_replay_debugimage_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_debugimage.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_debugimage_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src
tests_fuzz_replay_debugimage_LDADD = $(UNWIND_LIBS)

tests_fuzz_replay_stack_groups_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_stack_groups.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_stack_groups_LDADD = $(MODEL_LIBS)

tests_fuzz_replay_keyseq_SOURCES = tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_keyseq.c $(FUZZ_SHARED_FILES)
tests_fuzz_replay_keyseq_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src
tests_fuzz_replay_keyseq_LDADD = $(UI_LIBS)

# The fuzz build: clang with libFuzzer, ASan and UBSan whatever CC is, over
# the layers' own source lists (so a new source file is picked up).
FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -std=c11 -Wall -Wextra -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined -I$(top_builddir) -I$(top_srcdir)/include \
	-I$(top_srcdir)/src \
	$(NCURSESW_CFLAGS)
FUZZ_LIB_FILES = $(src_util_libutil_a_SOURCES) $(src_proc_libproc_a_SOURCES)
FUZZ_LIB_C_FILES = $(filter %.c,$(FUZZ_LIB_FILES))
FUZZ_EXTRA_theme = $(top_srcdir)/src/ui/theme.c
FUZZ_EXTRA_settings = $(top_srcdir)/src/ui/settings.c
FUZZ_EXTRA_ustack_wire = $(top_srcdir)/src/unwind/wire.c \
	$(top_srcdir)/src/unwind/reason.c
FUZZ_EXTRA_keyseq = $(top_srcdir)/src/ui/keyseq.c
FUZZ_EXTRA_debugimage = $(top_srcdir)/src/unwind/debugimage.c
FUZZ_LIBS_debugimage = $(LIBDEFLATE_LIBS)
FUZZ_EXTRA_stack_groups = $(top_srcdir)/src/model/stack_group.c \
	$(top_srcdir)/src/model/stack_group_text.c \
	$(top_srcdir)/src/model/stack_frame.c
FUZZ_BINS = $(FUZZ_TARGETS:%=tests/fuzz/bin/fuzz_%)
FUZZ_SECONDS = 30

tests/fuzz/bin/libfuzz.a: $(FUZZ_LIB_FILES:%=$(top_srcdir)/%) config.h \
		$(wildcard $(top_srcdir)/include/tasktop/*.h)
	$(AM_V_GEN)rm -rf tests/fuzz/bin/obj && $(MKDIR_P) tests/fuzz/bin/obj && \
	for src in $(FUZZ_LIB_C_FILES); do \
		obj=tests/fuzz/bin/obj/`echo $$src | tr / _ | sed 's/c$$/o/'`; \
		$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined \
			-c $(top_srcdir)/$$src -o $$obj || exit 1; \
	done && rm -f $@ && $(AR) rc $@ tests/fuzz/bin/obj/*.o && $(RANLIB) $@

tests/fuzz/bin/fuzz_%: $(top_srcdir)/tests/fuzz/fuzz_%.c tests/fuzz/bin/libfuzz.a \
		$(FUZZ_SHARED_FILES:%=$(top_srcdir)/%)
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined \
		$< $(top_srcdir)/tests/fuzz/fuzz.c $(FUZZ_EXTRA_$*) \
		tests/fuzz/bin/libfuzz.a $(FUZZ_LIBS_$*) $(LIBS) $(NCURSESW_LIBS) -o $@

tests/fuzz/bin/fuzz_theme: $(FUZZ_EXTRA_theme)
tests/fuzz/bin/fuzz_settings: $(FUZZ_EXTRA_settings)
tests/fuzz/bin/fuzz_ustack_wire: $(FUZZ_EXTRA_ustack_wire)
tests/fuzz/bin/fuzz_debugimage: $(FUZZ_EXTRA_debugimage) \
	$(top_srcdir)/src/unwind/internal.h
tests/fuzz/bin/fuzz_stack_groups: $(FUZZ_EXTRA_stack_groups)
tests/fuzz/bin/fuzz_keyseq: $(FUZZ_EXTRA_keyseq) \
	$(top_srcdir)/src/ui/keyseq.h

fuzz: $(FUZZ_BINS)

# Every target in turn, each run to its end, failing after the last when
# any had a finding; fuzz-run-<target> runs one (make -j2 -k for several).
FUZZ_RUN = $(SHELL) $(top_srcdir)/tests/fuzz/fuzz-run.sh
FUZZ_RUN_DIRS = tests/fuzz/bin $(top_srcdir)/tests/fuzz/corpus tests/fuzz/run

fuzz-run: $(FUZZ_BINS)
	@failed=; for t in $(FUZZ_TARGETS); do \
		$(FUZZ_RUN) $$t $(FUZZ_SECONDS) $(FUZZ_RUN_DIRS) || failed="$$failed $$t"; \
	done; \
	if test -n "$$failed"; then echo "fuzz: findings in$$failed"; exit 1; fi

fuzz-run-%: tests/fuzz/bin/fuzz_%
	@$(FUZZ_RUN) $* $(FUZZ_SECONDS) $(FUZZ_RUN_DIRS)

fuzz-clean:
	rm -rf tests/fuzz/bin tests/fuzz/run

clean-local: fuzz-clean

.PHONY: fuzz fuzz-run fuzz-clean
