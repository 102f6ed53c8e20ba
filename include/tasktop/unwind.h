/*
 * unwind.h - user-space stacks (docs/ARCHITECTURE.md "User stacks"): a
 * thread's call chain as libdw unwinds it over ptrace, in a helper process
 * so that a crash, a hang or corrupt target memory stays there.
 *
 * A request names a thread (tgid, tid) or every thread of a process (tid
 * 0).  The helper stops one thread at a time (PTRACE_SEIZE, INTERRUPT,
 * waitpid against a deadline), reads its registers and stack, and resumes
 * it at once; symbols, file:line and inlined frames are looked up after it
 * runs again.  Results come back asynchronously on unwinder_fd(), which the
 * caller polls with its other fds:
 *
 *	struct unwinder *u = unwinder_new();
 *	unwinder_request(u, tgid, tid);          -- or tid 0: every thread
 *	poll unwinder_fd(u) for POLLIN, at most unwinder_timeout_ms(u, now);
 *	unwinder_service(u, now);                -- reads, applies deadlines
 *	while ((r = unwinder_next(u))) { use r; unwind_result_free(r); }
 *
 * Every string in a result comes from the target or its debug info:
 * untrusted bytes (no NUL), to be sanitized before display.
 */
#ifndef TASKTOP_UNWIND_H
#define TASKTOP_UNWIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tasktop/intmap.h"

/* Why a thread has no (or only part of a) user stack. */
enum unwind_reason {
	UNWIND_REASON_NONE = 0,		/* unwound to the end */
	UNWIND_REASON_SELF,		/* tasktop itself or its helper */
	UNWIND_REASON_KERNEL_THREAD,	/* no user stack at all */
	UNWIND_REASON_ZOMBIE,		/* exited, not yet reaped */
	UNWIND_REASON_D_STATE,		/* uninterruptible: won't stop in time */
	UNWIND_REASON_TRACED,		/* another tracer holds it */
	UNWIND_REASON_PERMISSION,	/* ptrace denied */
	UNWIND_REASON_GONE,		/* exited meanwhile */
	UNWIND_REASON_TIMEOUT,		/* didn't stop, or the helper hung */
	UNWIND_REASON_NO_INFO,		/* the chain ends at a module without unwind info */
	UNWIND_REASON_HELPER,		/* the helper could not run or died */
	UNWIND_REASON_FAILED,		/* libdw could not start or continue */
	UNWIND_REASON_COUNT
};

#define UNWIND_MAX_FRAMES	128	/* user frames kept, inlined ones included */
#define UNWIND_MAX_KFRAMES	64	/* kernel frames kept */
#define UNWIND_MAX_STRING	1024	/* bytes of one symbol, path or reason */

struct unwind_frame {
	uint64_t	 pc;		/* the frame's pc (a return address above frame 0) */
	const char	*symbol;	/* demangled function; NULL: unknown */
	uint64_t	 offset;	/* pc - the symbol's start, when symbol */
	const char	*module;	/* the module's path; NULL: none maps pc */
	const char	*file;		/* source file; NULL: no line info */
	int		 line;		/* 0 when file is NULL */
	bool		 inlined;	/* an inlined call inside the next frame's function */
};

/* Field states as in proc.h's enum field_state, numerically. */
struct unwind_result {
	uint32_t	 request;	/* what unwinder_request returned */
	int		 tgid;
	int		 tid;		/* 0: the rest of a process request failed */
	bool		 last;		/* the last result of its request */

	enum unwind_reason reason;
	const char	*error;		/* words for reason; NULL with NONE */
	bool		 has_frames;	/* false: no user stack at all (JSON null) */
	struct unwind_frame *frames;	/* innermost first */
	size_t		 nframes;

	/* What the thread was doing, read before it was stopped: once stopped
	 * these would say ptrace_stop. */
	int		 kstack_state;	/* enum field_state */
	const char	**kstack;	/* "func+0x1f/0x80", innermost first */
	size_t		 nkstack;
	int		 wchan_state;
	const char	*wchan;
	int		 syscall_state;
	int		 syscall_kind;	/* enum proc_syscall_kind */
	long		 syscall_nr;

	uint32_t	 stopped_us;	/* how long the thread stayed stopped */
	uint32_t	 took_us;	/* the whole unwind, lookups included */

	char		*arena;		/* owns every string above */
};

/* Free a result from unwinder_next (clear: only what it owns, for one
 * decoded into a caller's struct). */
void unwind_result_free(struct unwind_result *r);
void unwind_result_clear(struct unwind_result *r);

/* The latest result of each thread: a map tid -> struct unwind_result *
 * (src/unwind/results.c).  Put keeps r as its thread's, freeing the one
 * before (a result of no thread, tid <= 0, is freed): true when the thread
 * had none.  Clear frees them all and leaves the map empty, ready again. */
bool unwind_results_put(struct intmap *by_tid, struct unwind_result *r);
void unwind_results_clear(struct intmap *by_tid);
/* "kernel thread: no user stack" …: the text a reason stands for, when no
 * result says more. */
const char *unwind_reason_str(enum unwind_reason reason);

/* ---- showing a frame (raw bytes: sanitize before display) ---------- */

struct buf;
/* "name+0x1f", "name (inlined)", or "0x7f12…" without a symbol. */
void unwind_frame_function(struct buf *out, const struct unwind_frame *f);
/* The last part of a path ("libc.so.6"), or NULL for NULL. */
const char *unwind_basename(const char *path);

/* ---- the client: one helper process -------------------------------- */

struct unwinder;

/* The helper starts on the first request; NULL only when out of memory. */
struct unwinder *unwinder_new(void);
/* Kills the helper: every thread it had stopped resumes. */
void unwinder_free(struct unwinder *u);

/* Queue an unwind of tid of tgid, or of every thread of tgid (tid 0).
 * Returns the request's id (never 0); its results carry it. */
uint32_t unwinder_request(struct unwinder *u, int tgid, int tid);
/* Ready the helper for process id (or the process of thread id) before
 * its threads are asked for: its modules read, and the debug files the
 * pcs of its blocked threads name (from /proc/TID/syscall) made ready.
 * Nothing is stopped or traced; no result comes back. */
void unwinder_prepare(struct unwinder *u, int id);
/* Requests sent and not finished. */
size_t unwinder_pending(const struct unwinder *u);

/* The fd to poll for POLLIN; -1 when no helper runs. */
int unwinder_fd(const struct unwinder *u);
/* Milliseconds until a deadline (monotonic seconds now); -1: none. */
int unwinder_timeout_ms(const struct unwinder *u, double now);
/* Read what the helper sent and apply the deadlines: a helper silent past
 * one is killed (its results say "timed out") and restarted for the rest. */
void unwinder_service(struct unwinder *u, double now);
/* The next result, or NULL; the caller frees it. */
struct unwind_result *unwinder_next(struct unwinder *u);
/* Block (poll) until a result is ready, at most timeout seconds; for the
 * batch and JSON writers.  The next result or NULL. */
struct unwind_result *unwinder_wait(struct unwinder *u, double timeout);

/* ---- the wire format: helper -> client (pure, fuzzed) --------------- */

/*
 * Decode one result from the front of buf.  1: a result (its size in
 * *used); 0: buf holds only part of one; -1: malformed (the stream can't be
 * trusted any more).  The result owns its memory (unwind_result_free).
 */
int unwind_wire_decode(const unsigned char *buf, size_t len,
    struct unwind_result *out, size_t *used);
/* Append the encoding of r to the buffer (*buf, *len, *cap; realloc'd).
 * Strings longer than UNWIND_MAX_STRING and frames beyond the maxima are
 * cut.  0, or -1 when out of memory. */
int unwind_wire_encode(const struct unwind_result *r, unsigned char **buf,
    size_t *len, size_t *cap);

#endif
