# src/proc: pure parsers of what /proc's files say (bytes in, struct out;
# each fuzzed in tests/fuzz).  The I/O is src/source/procfs/.
src_proc_libproc_a_SOURCES += \
	src/proc/scan.c src/proc/scan.h src/proc/field.c \
	src/proc/ns.c src/proc/stat.c src/proc/status.c src/proc/stack.c \
	src/proc/syscall.c src/proc/syscall_table.h \
	src/proc/syscall_x86_64.c src/proc/syscall_aarch64.c \
	src/proc/cmdline.c src/proc/loadavg.c \
	src/proc/mountinfo.c src/proc/cgroup.c src/proc/net_table.c \
	src/proc/rtnl.c src/proc/netns_text.c \
	src/proc/system.c src/proc/counters.c
EXTRA_DIST += src/proc/gen-syscalls.sh
