# src/source: where the tasks come from.  procfs/ reads files under a proc
# root (with the skip-work machinery that makes that cheap); every source
# hands the model records and offers the on-demand detail reader.
src_source_libsource_a_SOURCES += src/source/source_priv.h \
	src/source/source.c \
	src/source/procfs/procfs_priv.h src/source/procfs/root.c \
	src/source/procfs/read.c src/source/procfs/resolve.c \
	src/source/procfs/detail.c src/source/procfs/task.c \
	src/source/procfs/task_stat.c src/source/procfs/fd_budget.c \
	src/source/procfs/ns_scan.c src/source/procfs/refresh.c \
	src/source/procfs/source.c src/source/procfs/ns_read.h \
	src/source/procfs/netns_read.c src/source/procfs/ns_names.c \
	src/source/procfs/ns_relatives.c src/source/procfs/ns_cache.c \
	src/source/procfs/detail_nsinfo.c \
	src/source/procfs/stack_look.c src/source/stack_collect.c \
	src/source/stack_sample.c
