# src/out: sources of the out layer
src_out_libout_a_SOURCES += src/out/internal.h src/out/batch.c src/out/json.c \
	src/out/run.c src/out/json_ns.c \
	src/out/batch_stacks.c src/out/json_stacks.c src/out/run_stacks.c \
	src/out/ustacks.c
