# src/model: the snapshot (processes and threads kept across refreshes, fed
# records by a source), namespace references, the tree and the view.  No
# I/O: tests/unit/layering.sh checks the library calls none.
src_model_libmodel_a_SOURCES += src/model/priv.h src/model/users.h \
	src/model/task.h src/model/task_slots.h src/model/tid_map.h \
	src/model/process.h src/model/tree.h \
	src/model/view_sort.h src/model/grow.c src/model/system.c \
	src/model/counters.c \
	src/model/task.c src/model/task_slots.c src/model/tid_map.c \
	src/model/process.c src/model/cpu.c \
	src/model/users.c src/model/nsref.c src/model/tree.c \
	src/model/snapshot.c src/model/refresh.c src/model/identity.c \
	src/model/extras.c src/model/detail_ns.c src/model/state.c \
	src/model/display.c src/model/view_sort.c src/model/view.c \
	src/model/view_prefix.c src/model/stack_frame.c \
	src/model/stack_group.c src/model/stack_group_text.c \
	src/model/ns_history.c src/model/ns_overview.c \
	src/model/ns_set.h src/model/ns_set.c
