# src/act: acting on one task (signals; docs/ARCHITECTURE.md "Acting on a task")
src_act_libact_a_SOURCES += src/act/internal.h src/act/pin.c src/act/signal.c \
	src/act/renice.c
