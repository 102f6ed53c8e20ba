/*
 * internal.h - what the client and the helper of the unwind layer share:
 * the request on the socket, and the helper's parts (docs/ARCHITECTURE.md
 * "User stacks").
 */
#ifndef TASKTOP_UNWIND_INTERNAL_H
#define TASKTOP_UNWIND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "tasktop/proc.h"
#include "tasktop/procfs.h"
#include "tasktop/unwind.h"

/* client -> helper: fixed size, native byte order (same program). */
struct unwind_request {
	uint32_t	 id;
	int32_t		 tgid;
	int32_t		 tid;		/* 0: every thread of tgid */
};
/* tid of a hint (unwinder_prepare): tgid, a pid or a tid, is asked for
 * next; no result. */
#define UNWIND_REQUEST_PREPARE	(-1)
/* Threads whose syscall pc a hint reads. */
#define UNWIND_PREPARE_THREADS	64

/* How long a thread may take to stop once interrupted: it is not stopped
 * meanwhile, only not yet on a CPU when the machine is busy (a runnable
 * thread enters the stop when it next runs).  And how long a thread seen
 * in D state is watched for leaving it before only its kernel stack is
 * shown. */
#define UNWIND_STOP_DEADLINE_MS	500
#define UNWIND_D_GRACE_MS	10

/* The helper's main loop: requests from fd, results to fd, until EOF. */
void helper_main(int fd, pid_t client) __attribute__((noreturn));

/* ---- helper parts ---------------------------------------------------- */

/* A result being built: frames and strings the helper owns until sent. */
struct helper_result {
	struct unwind_result r;
	struct unwind_frame frames[UNWIND_MAX_FRAMES];
	const char	*kstack[UNWIND_MAX_KFRAMES];
	struct proc_stack stack;	/* kstack points into it */
	char		 wchan[64];
	char		 error[256];
	char		*owned[UNWIND_MAX_FRAMES * 2];	/* demangled names */
	size_t		 nowned;
};

void helper_result_init(struct helper_result *h, uint32_t request, int tgid,
    int tid);
void helper_result_clear(struct helper_result *h);
/* Set the reason and its words (printf-style). */
void helper_fail(struct helper_result *h, enum unwind_reason reason,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* refuse.c: the checks before a thread is touched.  False with the
 * reason set when it must not (or cannot) be stopped; *status filled. */
struct helper_ctx {
	struct proc_root root;
	pid_t		 client;
	pid_t		 self;
};
bool refuse_check(const struct helper_ctx *c, struct helper_result *h,
    struct proc_status *status);
/* Kernel stack, wchan, syscall: read before the thread is stopped. */
void refuse_read_kernel_side(const struct helper_ctx *c, struct helper_result *h);
/* Words for a ptrace (or maps) denial of tgid; err is the errno. */
void refuse_permission(const struct helper_ctx *c, struct helper_result *h,
    const struct proc_status *status, int err);
/* Still (or again) in D state, after the grace period? */
bool refuse_still_in_d(const struct helper_ctx *c, int tgid, int tid,
    int wait_ms);

/* stop.c: one thread stopped, and resumed. */
enum stop_outcome {
	STOP_OK,		/* stopped; resume with stop_resume */
	STOP_DENIED,		/* *err says why */
	STOP_GONE,
	STOP_TIMEOUT,		/* seized but not stopped: still traced by us */
};
struct stopped {
	int		 tid;
	int		 signal;	/* to re-inject on resume; 0 none */
	double		 since;		/* monotonic seconds */
};
enum stop_outcome stop_thread(int tid, int deadline_ms, struct stopped *s,
    int *err);
/* Detach at once; the time it stayed stopped, in microseconds. */
uint32_t stop_resume(const struct stopped *s);
double helper_clock(void);

/* debuginfo.c: the find_debuginfo callback of every session; debuginfod
 * (the network) only when turned on. */
struct Dwfl_Module;
void debuginfo_use_debuginfod(bool on);
int debuginfo_find(struct Dwfl_Module *mod, void **userdata,
    const char *modname, uint64_t base, const char *file_name,
    const char *debuglink_file, uint32_t debuglink_crc,
    char **debuginfo_file_name);

/* debuginfo.c: start making the image of mod's debug file (imagecache.c)
 * while other threads are unwound; nothing when it has none, or it is
 * known already. */
void debuginfo_prefetch(struct Dwfl_Module *mod);

/* debugimage.c: a debug file with compressed .debug_* sections as the plan
 * of an uncompressed ELF image of it, and the image built from the plan.
 * Pure: bytes in, bytes out; the file is hostile. */
#define DEBUGIMAGE_MAX_SECTIONS	4096
#define DEBUGIMAGE_MAX_SECTION	(256ull << 20)	/* one section inflated */
#define DEBUGIMAGE_MAX_TOTAL	(512ull << 20)	/* all of the image */
enum debugimage_verdict {
	DEBUGIMAGE_OK,
	DEBUGIMAGE_NONE,		/* nothing compressed: the file will do */
	DEBUGIMAGE_REFUSED,		/* odd or lying: *why says how */
};
enum debugimage_kind {
	DEBUGIMAGE_PREFIX,		/* the file's first bytes; e_shoff set */
	DEBUGIMAGE_COPY,		/* a section as it is */
	DEBUGIMAGE_INFLATE,		/* a section inflated (zlib) */
	DEBUGIMAGE_TABLE,		/* the new section headers */
};
struct debugimage_piece {
	uint64_t	 src, srclen;	/* in the file */
	uint64_t	 dst, dstlen;	/* in the image */
	uint8_t		 kind;
	uint8_t		 worker;	/* 0 or 1: who builds it */
};
struct debugimage_plan {
	uint64_t	 size;		/* of the image */
	uint64_t	 shoff;		/* its section header table */
	unsigned char	*table;
	uint64_t	 table_len;
	struct debugimage_piece *pieces;
	size_t		 npieces;
};
struct libdeflate_decompressor;
int debugimage_plan(const unsigned char *in, size_t len,
    struct debugimage_plan *p, const char **why);
void debugimage_plan_free(struct debugimage_plan *p);
/* Worker w's pieces of the image (out holds p->size bytes); false when one
 * does not inflate to exactly its size with its checksum right. */
bool debugimage_build(const struct debugimage_plan *p, int worker,
    const unsigned char *in, unsigned char *out,
    struct libdeflate_decompressor *d);

/* imagecache.c: the images of debug files by build ID, each made by a
 * thread (it only inflates and copies: libdw and ptrace stay on the main
 * thread) and the main thread into a memfd that goes with the helper. */
bool imagecache_known(const unsigned char *id, int len);
/* Start the image of the debug file open on fd (taken) at path; a file
 * with nothing to inflate, or refused, is remembered as plain. */
void imagecache_start(const unsigned char *id, int len, int fd,
    const char *path);
/* The image's fd (a new one, for libdw) and its file's path (malloc'd),
 * once made; -1 when there is none: hand libdw the plain file. */
int imagecache_take(const unsigned char *id, int len, char **path);

/* session.c: one libdw session per process, cached. */
struct session;
/* The session of tgid, made or brought up to date with its maps (tid's,
 * when the leader has exited and the process's read empty).  NULL with
 * the reason set in h when libdw can't report the process. */
struct session *session_get(const struct helper_ctx *c, int tgid, int tid,
    struct helper_result *h);
/* Read the maps again; true when they changed and the modules were
 * reported anew (false also when they could not be read). */
bool session_maps_changed(const struct helper_ctx *c, struct session *s);
/* Have the maps changed since they were last read (nothing reported)? */
bool session_maps_moved(const struct helper_ctx *c, struct session *s);
/* Start making the debug files of the modules the pcs name (their
 * images, imagecache.c), while other threads are unwound. */
void session_prefetch(struct session *s, const uint64_t *pcs,
    const bool *activation, size_t n);
/* Unwind tid (stopped): its pcs and whether each is an activation (frame
 * 0, or a signal frame) rather than a return address.  The count; reason
 * set in h when the chain ended early. */
size_t session_unwind(struct session *s, int tid, uint64_t *pcs,
    bool *activation, size_t max, struct helper_result *h);
/* The libdw handle of a session (symbolize.c looks things up in it), and
 * its cache of pcs looked up. */
struct Dwfl *session_dwfl(struct session *s);
struct symcache *session_symcache(struct session *s);

/* symcache.c: pc (and whether it is an activation) -> the frames it gave. */
struct symcache *symcache_new(void);
void symcache_free(struct symcache *c);
void symcache_clear(struct symcache *c);
const struct unwind_frame *symcache_get(struct symcache *c, uint64_t pc,
    bool act, size_t *n);
void symcache_put(struct symcache *c, uint64_t pc, bool act,
    const struct unwind_frame *f, size_t n);
/* pcs -> frames: symbol, module, file:line, inlined calls. */
void session_symbolize(struct session *s, const uint64_t *pcs,
    const bool *activation, size_t n, struct helper_result *h);

#endif
