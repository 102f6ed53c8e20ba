/*
 * proc.h - what /proc's files say, parsed: pure functions (bytes in, struct
 * out) so they can be fuzzed, and the types every layer shares (a field's
 * state, the namespace types).  Nothing here does I/O: the procfs source
 * (tasktop/procfs.h) reads the files.
 */
#ifndef TASKTOP_PROC_H
#define TASKTOP_PROC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

/* The state of one field read from /proc.  A value is only shown when OK. */
enum field_state {
	FIELD_UNREAD = 0,	/* not read (yet, or not asked for) */
	FIELD_OK,
	FIELD_GONE,		/* ENOENT, ESRCH: the task exited */
	FIELD_DENIED,		/* EACCES, EPERM */
	FIELD_UNAVAILABLE,	/* anything else: malformed, EIO, not built in */
};

/* "ok", "gone", "permission denied", "unavailable", "not read". */
const char *field_state_str(enum field_state st);
enum field_state field_state_from_errno(int err);

/* ---- namespaces ---------------------------------------------------- */

enum ns_type {
	NS_CGROUP,
	NS_IPC,
	NS_MNT,
	NS_NET,
	NS_PID,
	NS_PID_FOR_CHILDREN,
	NS_TIME,
	NS_TIME_FOR_CHILDREN,
	NS_USER,
	NS_UTS,
	NS_COUNT
};

/* "cgroup", "ipc", … as in /proc/<tid>/ns/ */
const char *ns_type_name(enum ns_type t);
/* -1 when the name is not a namespace type. */
int ns_type_from_name(const char *name, size_t len);

/*
 * Parse the text of an ns link, e.g. "net:[4026531840]".  The type must be
 * the one expected (the link's own name); 0 on success, -1 when malformed.
 */
int proc_parse_ns_link(const char *buf, size_t len, enum ns_type expect,
    uint64_t *ino);

/* ---- stat ---------------------------------------------------------- */

#define PROC_COMM_MAX 64	/* TASK_COMM_LEN is 16; leave room for kernel threads' longer names */

struct proc_stat {
	char		 comm[PROC_COMM_MAX];	/* raw bytes, not NUL-safe: use comm_len */
	size_t		 comm_len;
	char		 state;			/* R S D Z T t X I … */
	int		 ppid;
	unsigned long long utime;		/* clock ticks */
	unsigned long long stime;
	long		 priority;
	long		 nice;
	long		 num_threads;
	unsigned long long starttime;		/* ticks after boot */
	unsigned long long vsize;		/* bytes */
	long		 rss_pages;
	int		 processor;		/* -1 when absent (old kernels) */
};

/*
 * Parse /proc/<pid>/task/<tid>/stat.  comm may hold spaces, ')' and
 * newlines: it runs from the first '(' to the LAST ')'.  0 or -1.
 */
int proc_parse_stat(const char *buf, size_t len, struct proc_stat *out);

/* ---- status -------------------------------------------------------- */

#define PROC_NSID_MAX 8		/* pid namespace nesting we keep */

enum proc_status_has {		/* which fields status carried */
	STATUS_HAS_NAME		= 1u << 0,
	STATUS_HAS_STATE	= 1u << 1,
	STATUS_HAS_TGID		= 1u << 2,
	STATUS_HAS_PID		= 1u << 3,
	STATUS_HAS_PPID		= 1u << 4,
	STATUS_HAS_TRACERPID	= 1u << 5,
	STATUS_HAS_UID		= 1u << 6,
	STATUS_HAS_GID		= 1u << 7,
	STATUS_HAS_NSTGID	= 1u << 8,
	STATUS_HAS_NSPID	= 1u << 9,
	STATUS_HAS_CTXT		= 1u << 10,
	STATUS_HAS_CPUS		= 1u << 11,
	STATUS_HAS_CAPEFF	= 1u << 12,
	STATUS_HAS_SECCOMP	= 1u << 13,
	STATUS_HAS_VMRSS	= 1u << 14,	/* absent for kernel threads */
	STATUS_HAS_KTHREAD	= 1u << 15,	/* Linux 6.x: "Kthread: 0|1" */
};

struct proc_status {
	unsigned	 has;			/* enum proc_status_has bits */
	char		 name[PROC_COMM_MAX];	/* unescaped ("\n" -> newline, "\\" -> \) */
	size_t		 name_len;
	char		 state;
	int		 tgid;
	int		 pid;
	int		 ppid;
	int		 tracer_pid;
	uid_t		 uid[4];		/* real, effective, saved, fs */
	gid_t		 gid[4];
	int		 nstgid[PROC_NSID_MAX];
	int		 nstgid_n;
	int		 nspid[PROC_NSID_MAX];
	int		 nspid_n;
	unsigned long long voluntary_ctxt_switches;
	unsigned long long nonvoluntary_ctxt_switches;
	char		 cpus_allowed_list[128];	/* printable text, truncated */
	unsigned long long cap_eff;
	int		 seccomp;		/* 0 off, 1 strict, 2 filter */
	unsigned long long vm_rss_kb;
	int		 kthread;		/* 1: a kernel thread */
};

/* status grows with the number of groups and cpus: 8 KiB holds a large
 * one, and every reader of a status file uses this size. */
#define PROC_STATUS_BUF	8192

/* Parse /proc/<pid>/status.  Unknown lines are skipped.  0, or -1 when it
 * does not look like a status file at all (no Name/Pid line). */
int proc_parse_status(const char *buf, size_t len, struct proc_status *out);

/* ---- stack --------------------------------------------------------- */

#define PROC_STACK_MAX_FRAMES	64	/* the kernel's MAX_STACK_TRACE_DEPTH */
#define PROC_STACK_TEXT		8192

struct proc_stack {
	char		 text[PROC_STACK_TEXT];	/* frames, each NUL-terminated */
	uint16_t	 off[PROC_STACK_MAX_FRAMES];
	int		 n;
	bool		 truncated;		/* more frames than kept */
};

/*
 * Parse /proc/<tid>/stack: "[<0>] inet_csk_accept+0x1f2/0x3b0" lines.  The
 * "[<addr>] " prefix is dropped, so is the old 0xffffffffffffffff end marker.
 * Frame text is raw bytes from the kernel (sanitize before display).
 */
int proc_parse_stack(const char *buf, size_t len, struct proc_stack *out);
static inline const char *proc_stack_frame(const struct proc_stack *s, int i)
{
	return s->text + s->off[i];
}

/* ---- syscall ------------------------------------------------------- */

enum proc_syscall_kind {
	SYSCALL_RUNNING,	/* "running": on a CPU, no syscall to show */
	SYSCALL_NONE,		/* "-1 …": blocked outside a syscall */
	SYSCALL_IN,		/* "NR args… sp pc": blocked in syscall NR */
};

struct proc_syscall {
	enum proc_syscall_kind kind;
	long		 nr;
	unsigned long long pc;		/* user pc when blocked; 0 else */
};

int proc_parse_syscall(const char *buf, size_t len, struct proc_syscall *out);

/* Name of syscall nr on this build's architecture (x86_64 or aarch64);
 * NULL when unknown. */
const char *syscall_name(long nr);
/* Same on a named architecture: "x86_64" or "aarch64". */
const char *syscall_name_arch(const char *arch, long nr);

/* ---- cmdline ------------------------------------------------------- */

/*
 * Count the NUL-separated arguments of a cmdline buffer and store up to
 * max offsets of their starts (a trailing NUL does not start an argument;
 * a buffer without any NUL is one argument, as setproctitle leaves it).
 * Returns the number of arguments.
 */
size_t proc_parse_cmdline(const char *buf, size_t len, size_t *starts,
    size_t max);

/* Parse /proc/loadavg's first three numbers.  0 or -1. */
int proc_parse_loadavg(const char *buf, size_t len, double load[3]);

/* ---- the machine: /proc/stat, /proc/meminfo, /proc/uptime ----------- */

#define PROC_CPU_MAX 256	/* bars kept; more CPUs set .more */

struct proc_cpu_times {		/* clock ticks since boot */
	unsigned long long busy;	/* user nice system irq softirq steal */
	unsigned long long idle;	/* idle iowait */
};

struct proc_cpustat {
	struct proc_cpu_times total;	/* the "cpu" line */
	size_t		 ncpu;
	struct proc_cpu_times cpu[PROC_CPU_MAX];	/* "cpu0", "cpu1" … in order */
	bool		 more;		/* CPUs beyond PROC_CPU_MAX (or offline gaps) */
};

/* The cpu lines of /proc/stat (the other lines are skipped).  0 or -1. */
int proc_parse_cpustat(const char *buf, size_t len, struct proc_cpustat *out);

enum proc_meminfo_has {
	PROC_MEM_TOTAL		= 1u << 0,
	PROC_MEM_AVAILABLE	= 1u << 1,
	PROC_MEM_SWAP_TOTAL	= 1u << 2,
	PROC_MEM_SWAP_FREE	= 1u << 3,
};

struct proc_meminfo {
	unsigned	 has;
	unsigned long long total_kb;
	unsigned long long available_kb;
	unsigned long long swap_total_kb;
	unsigned long long swap_free_kb;
};

/* /proc/meminfo: 0, or -1 without a MemTotal. */
int proc_parse_meminfo(const char *buf, size_t len, struct proc_meminfo *out);
/* ---- counters: /proc/<pid>/io, /proc/<pid>/statm ------------------ */

struct proc_io {
	unsigned long long read_bytes;	/* what reached the storage layer */
	unsigned long long write_bytes;
};

/* /proc/<pid>/io (needs ptrace access): 0, or -1 without both fields. */
int proc_parse_io(const char *buf, size_t len, struct proc_io *out);
/* /proc/<pid>/statm's third number, shared pages.  0 or -1. */
int proc_parse_statm(const char *buf, size_t len,
    unsigned long long *shared_pages);

/* /proc/uptime's first number, seconds.  0 or -1. */
int proc_parse_uptime(const char *buf, size_t len, double *out);

#endif
