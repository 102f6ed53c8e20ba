# src/model: the snapshot (processes and threads kept across refreshes),
# namespace references, the tree and the view.
src_model_libmodel_a_SOURCES += src/model/internal.h src/model/grow.c \
	src/model/task.c src/model/task_stat.c src/model/task_files.c \
	src/model/fd_budget.c src/model/process.c \
	src/model/cpu.c src/model/users.c src/model/nsref.c \
	src/model/ns_scan.c src/model/tree.c src/model/snapshot.c \
	src/model/refresh.c src/model/display.c src/model/detail.c \
	src/model/view_sort.c src/model/view.c
