# src/unwind: user-space stacks (libdw over ptrace) in a helper process
src_unwind_libunwinder_a_SOURCES += \
	src/unwind/internal.h src/unwind/client.c src/unwind/helper.c \
	src/unwind/refuse.c src/unwind/stop.c src/unwind/session.c \
	src/unwind/symbolize.c src/unwind/wire.c src/unwind/reason.c \
	src/unwind/format.c src/unwind/symcache.c src/unwind/unwind_groups.c \
	src/unwind/debuginfo.c src/unwind/results.c \
	src/unwind/debugimage.c src/unwind/imagecache.c
src_unwind_libunwinder_a_CFLAGS = $(AM_CFLAGS) $(LIBDW_CFLAGS) $(LIBDEFLATE_CFLAGS)
