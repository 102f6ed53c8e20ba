# src/source: where the tasks come from.  procfs/ reads files under a proc
# root (with the skip-work machinery that makes that cheap); every source
# hands the model records and offers the on-demand detail reader.
src_source_libsource_a_SOURCES += src/source/source_priv.h \
	src/source/source.c \
	src/source/procfs/procfs_priv.h src/source/procfs/root.c \
	src/source/procfs/read.c src/source/procfs/resolve.c \
	src/source/procfs/detail.c src/source/procfs/denied.h \
	src/source/procfs/denied.c src/source/procfs/task.c \
	src/source/procfs/task_stat.c src/source/procfs/fd_budget.c \
	src/source/procfs/ns_scan.c src/source/procfs/refresh.c \
	src/source/procfs/source.c src/source/procfs/ns_read.h \
	src/source/procfs/netns_read.c src/source/procfs/ns_names.c \
	src/source/procfs/ns_relatives.c src/source/procfs/ns_cache.c \
	src/source/procfs/detail_nsinfo.c \
	src/source/procfs/stack_look.c src/source/stack_collect.c \
	src/source/stack_sample.c
src_source_libsource_a_CPPFLAGS = $(AM_CPPFLAGS) $(LIBBPF_CFLAGS) \
	-I$(top_builddir)/src/source/bpf

# src/source/bpf: the task iterator.  The BPF object is built here, for the
# running kernel's BTF (vmlinux.h from /sys/kernel/btf/vmlinux; CO-RE then
# relocates it at load time), and embedded through bpftool's skeleton.
if BPF
src_source_libsource_a_SOURCES += src/source/bpf/bpf.c src/source/bpf/task_iter.h
nodist_src_source_libsource_a_SOURCES = src/source/bpf/task_iter.skel.h
BUILT_SOURCES += src/source/bpf/task_iter.skel.h
CLEANFILES += src/source/bpf/vmlinux.h src/source/bpf/task_iter.bpf.o \
	src/source/bpf/task_iter.skel.h

src/source/bpf/vmlinux.h:
	$(AM_V_GEN)$(MKDIR_P) src/source/bpf && \
	$(BPFTOOL) btf dump file $(VMLINUX_BTF) format c > $@.tmp && mv $@.tmp $@

src/source/bpf/task_iter.bpf.o: $(srcdir)/src/source/bpf/task_iter.bpf.c \
    $(srcdir)/src/source/bpf/task_iter.h src/source/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) -g -O2 -target bpf -D__TARGET_ARCH_$(BPF_ARCH) \
	    -I$(top_builddir)/src/source/bpf -I$(srcdir)/src/source/bpf \
	    $(LIBBPF_CFLAGS) -c $(srcdir)/src/source/bpf/task_iter.bpf.c -o $@ && \
	$(LLVM_STRIP) -g $@

src/source/bpf/task_iter.skel.h: src/source/bpf/task_iter.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton $< name task_iter > $@.tmp && mv $@.tmp $@
endif
EXTRA_DIST += src/source/bpf/task_iter.bpf.c src/source/bpf/bpf.c \
	src/source/bpf/task_iter.h
