# tests/reliability: the real binary against a moving /proc (churn), a
# hidepid /proc, an unprivileged user, a hostile --proc-root, strace,
# valgrind and fatal signals.  All but hostile_root.sh need root: they skip
# with exit 77 otherwise (and without strace, valgrind or tmux).
check_PROGRAMS += tests/reliability/churn
tests_reliability_churn_SOURCES = tests/reliability/churn.c
tests_reliability_churn_LDADD = -lpthread
# A fixture, not the code under test: without the sanitizers, whose locks a
# child forked from a threaded process can find held for ever.
tests_reliability_churn_CFLAGS = -std=c11 -Wall -Wextra $(WERROR_CFLAGS)
tests_reliability_churn_LDFLAGS =
check_PROGRAMS += tests/reliability/sigcount
tests_reliability_sigcount_SOURCES = tests/reliability/sigcount.c
tests_reliability_sigcount_LDADD = -lpthread

RELIABILITY_TESTS = \
	tests/reliability/churn.sh \
	tests/reliability/churn_tui.sh \
	tests/reliability/hidepid.sh \
	tests/reliability/signal_confirm.sh \
	tests/reliability/signal_pidns.sh \
	tests/reliability/no_write.sh \
	tests/reliability/fatal.sh \
	tests/reliability/valgrind.sh \
	tests/reliability/hostile_root.sh \
	tests/reliability/ustack_sigkill.sh
check_SCRIPTS += $(RELIABILITY_TESTS)
TESTS += $(RELIABILITY_TESTS)
EXTRA_DIST += $(RELIABILITY_TESTS) tests/reliability/lib.sh
