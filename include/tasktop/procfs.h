/*
 * procfs.h - I/O below a proc root (/proc or a fixture tree): the only code
 * that opens task files.  Only src/source/, src/act/ (pinning a task to act
 * on it), src/unwind/ (its helper reads the thread it is about to stop) and
 * the tests call it; ui/, out/ and the model never do
 * (tests/unit/layering.sh checks).
 */
#ifndef TASKTOP_PROCFS_H
#define TASKTOP_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/proc.h"

struct proc_root {
	int		 dirfd;		/* O_DIRECTORY|O_PATH of the root */
	char		 path[256];
	bool		 procfs;	/* a real procfs of our pid namespace */
};

/* 0, or -errno.  path is "/proc" or a fixture tree. */
int proc_root_open(struct proc_root *root, const char *path);
void proc_root_close(struct proc_root *root);
/* Whether the root is a proc tree at all: procfs, or a tree with a
 * "loadavg" or a "<pid>" directory, or an empty one (fixtures).  0, or
 * -ENOMEDIUM (--proc-root /etc). */
int proc_root_check(const struct proc_root *root);

/*
 * Numeric entries of the root (thread groups) or of <tgid>/task (threads),
 * ascending.  *ids is realloc'd as needed (*cap tracks its size).  Returns
 * the count, or -errno (the task dir gone: -ENOENT).
 */
int proc_list_tgids(const struct proc_root *root, int **ids, size_t *cap);
int proc_list_tids(const struct proc_root *root, int tgid, int **ids,
    size_t *cap);
/*
 * The number of threads of tgid for the price of a stat: procfs keeps the
 * link count of "<tgid>/task" at the threads + 2.  -1 when the root is not
 * procfs or the stat fails.
 */
int proc_count_tids(const struct proc_root *root, int tgid);
/*
 * The CPU time of thread group tgid in nanoseconds, all its threads (and
 * those that exited) together, from its CPU-time clock: a system call
 * without a path, an fd or text to parse.  Standing still, it says no
 * thread of the group ran.  0, or -errno (-ENOTSUP when the root is not
 * procfs of our pid namespace).
 */
int proc_group_runtime(const struct proc_root *root, int tgid,
    uint64_t *ns);

/*
 * Open "<tgid>/task/<tid>/<name>" (tid 0: "<tgid>/<name>") read-only,
 * O_CLOEXEC.  Returns an fd or -errno.
 */
int proc_open_task_file(const struct proc_root *root, int tgid, int tid,
    const char *name);

/*
 * "<id>" below the root as a directory fd (O_RDONLY, not O_PATH: on procfs
 * such an fd pins the task and pidfd_send_signal accepts it; see
 * include/tasktop/act.h).  The id may be any tid.  Returns an fd or -errno.
 */
int proc_open_id_dir(const struct proc_root *root, int id);
/* Read the file name below a directory fd (from proc_open_id_dir). */
enum field_state proc_read_file_at(int dirfd, const char *name, char *buf,
    size_t cap, size_t *len);

/* Read a whole file from offset 0 with pread into buf (NUL-terminated, at
 * most cap-1 bytes). */
enum field_state proc_pread_file(int fd, char *buf, size_t cap, size_t *len);

/* Open, read, close. */
enum field_state proc_read_task_file(const struct proc_root *root, int tgid,
    int tid, const char *name, char *buf, size_t cap, size_t *len);

/* Read a file at the root ("loadavg", "uptime", "stat"). */
enum field_state proc_read_root_file(const struct proc_root *root,
    const char *name, char *buf, size_t cap, size_t *len);

/* readlinkat "<tgid>/task/<tid>/ns/<type>" and parse it. */
enum field_state proc_read_ns(const struct proc_root *root, int tgid, int tid,
    enum ns_type type, uint64_t *ino);
/* "<tgid>/task/<tid>/ns" as an O_PATH directory fd, or -errno: links read
 * through it cost one lookup instead of a path walk. */
int proc_open_ns_dir(const struct proc_root *root, int tgid, int tid);
/* readlinkat the link of type below such an fd and parse it. */
enum field_state proc_read_ns_at(int ns_dir, enum ns_type type,
    uint64_t *ino);
/* Every link of "<tgid>/task/<tid>/ns/" at once, indexed by enum ns_type,
 * through ns_dir when it is >= 0, else through one opened for the call. */
void proc_read_ns_all(const struct proc_root *root, int tgid, int tid,
    int ns_dir, enum field_state state[NS_COUNT], uint64_t ino[NS_COUNT]);

/*
 * The thread group of any id, listed or not (a tid has no entry in readdir
 * but /proc/<tid> resolves: docs/ARCHITECTURE.md, "Hidden tids").  Reads
 * <id>/status Tgid.  0 with *tgid set, or -errno (-ENOENT: no such task).
 */
int proc_resolve_tgid(const struct proc_root *root, int id, int *tgid);

#endif
