/*
 * wire.c - the helper's results on the socket (docs/ARCHITECTURE.md "User
 * stacks").  A message is a header (magic, body length) and a body of
 * little-endian fixed-size fields and length-prefixed strings.  The decoder
 * is a pure function over bytes that treats them as hostile (the helper
 * runs libdw over a target's memory): every length is checked against the
 * body, every count and string against the limits of unwind.h, and the
 * encoding is canonical, so that decode then encode gives the same bytes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tasktop/unwind.h"

#define WIRE_MAGIC	0x31555454u	/* "TTU1" */
#define WIRE_HEADER	8
#define WIRE_MAX_BODY	(4u << 20)
#define WIRE_NULL_STR	0xffffu
#define WIRE_LAST	0x1u
#define WIRE_HAS_FRAMES	0x2u
#define WIRE_STATE_MAX	4		/* FIELD_UNAVAILABLE */
#define WIRE_KIND_MAX	2		/* SYSCALL_RUNNING */

/* ---- encoding ------------------------------------------------------- */

struct wbuf {
	unsigned char	**buf;
	size_t		*len;
	size_t		*cap;
	bool		 failed;
};

static void w_bytes(struct wbuf *w, const void *p, size_t n)
{
	if (w->failed)
		return;
	if (*w->len + n > *w->cap) {
		size_t cap = *w->cap ? *w->cap : 4096;
		unsigned char *nb;

		while (cap < *w->len + n)
			cap *= 2;
		nb = realloc(*w->buf, cap);
		if (nb == NULL) {
			w->failed = true;
			return;
		}
		*w->buf = nb;
		*w->cap = cap;
	}
	memcpy(*w->buf + *w->len, p, n);
	*w->len += n;
}

static void w_uint(struct wbuf *w, uint64_t v, int bytes)
{
	unsigned char b[8];

	for (int i = 0; i < bytes; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	w_bytes(w, b, (size_t)bytes);
}

/* A string cut at UNWIND_MAX_STRING and at an embedded NUL (there is
 * none in a C string, but the cut must stay canonical). */
static void w_str(struct wbuf *w, const char *s)
{
	size_t n;

	if (s == NULL) {
		w_uint(w, WIRE_NULL_STR, 2);
		return;
	}
	n = strnlen(s, UNWIND_MAX_STRING);
	w_uint(w, n, 2);
	w_bytes(w, s, n);
}

static void w_frame(struct wbuf *w, const struct unwind_frame *f)
{
	w_uint(w, f->pc, 8);
	w_uint(w, f->symbol ? f->offset : 0, 8);
	w_str(w, f->symbol);
	w_str(w, f->module);
	w_str(w, f->file);
	w_uint(w, f->file && f->line > 0 ? (uint32_t)f->line : 0, 4);
	w_uint(w, f->inlined ? 1 : 0, 1);
}

static unsigned state_or_unread(int st, unsigned max)
{
	return st >= 0 && (unsigned)st <= max ? (unsigned)st : 0;
}

static void w_body(struct wbuf *w, const struct unwind_result *r)
{
	size_t nk = r->nkstack < UNWIND_MAX_KFRAMES ? r->nkstack : UNWIND_MAX_KFRAMES;
	size_t nf = r->nframes < UNWIND_MAX_FRAMES ? r->nframes : UNWIND_MAX_FRAMES;
	unsigned reason = (unsigned)r->reason < UNWIND_REASON_COUNT ?
	    (unsigned)r->reason : UNWIND_REASON_FAILED;

	w_uint(w, r->request, 4);
	w_uint(w, (uint32_t)r->tgid, 4);
	w_uint(w, (uint32_t)r->tid, 4);
	w_uint(w, (r->last ? WIRE_LAST : 0) |
	    (r->has_frames ? WIRE_HAS_FRAMES : 0), 1);
	w_uint(w, reason, 1);
	w_str(w, reason == UNWIND_REASON_NONE ? NULL : r->error);
	w_uint(w, state_or_unread(r->kstack_state, WIRE_STATE_MAX), 1);
	w_uint(w, nk, 2);
	for (size_t i = 0; i < nk; i++)
		w_str(w, r->kstack[i] ? r->kstack[i] : "");
	w_uint(w, state_or_unread(r->wchan_state, WIRE_STATE_MAX), 1);
	w_str(w, r->wchan);
	w_uint(w, state_or_unread(r->syscall_state, WIRE_STATE_MAX), 1);
	w_uint(w, state_or_unread(r->syscall_kind, WIRE_KIND_MAX), 1);
	w_uint(w, (uint64_t)(int64_t)r->syscall_nr, 8);
	w_uint(w, r->stopped_us, 4);
	w_uint(w, r->took_us, 4);
	w_uint(w, r->has_frames ? nf : 0, 2);
	for (size_t i = 0; r->has_frames && i < nf; i++)
		w_frame(w, &r->frames[i]);
}

int unwind_wire_encode(const struct unwind_result *r, unsigned char **buf,
    size_t *len, size_t *cap)
{
	struct wbuf w = { buf, len, cap, false };
	size_t start = *len;
	uint32_t body;

	w_uint(&w, WIRE_MAGIC, 4);
	w_uint(&w, 0, 4);		/* the body's length, below */
	w_body(&w, r);
	if (w.failed) {
		*len = start;
		return -1;
	}
	body = (uint32_t)(*len - start - WIRE_HEADER);
	for (int i = 0; i < 4; i++)
		(*buf)[start + 4 + (size_t)i] = (unsigned char)(body >> (8 * i));
	return 0;
}

/* ---- decoding ------------------------------------------------------- */

/* A cursor over the body.  Pass one (arena NULL) checks and measures;
 * pass two copies the strings into the arena. */
struct rbuf {
	const unsigned char *p;
	size_t		 left;
	bool		 bad;
	size_t		 strings;	/* bytes the strings need, NULs included */
	char		*arena;
};

static uint64_t r_uint(struct rbuf *r, int bytes)
{
	uint64_t v = 0;

	if (r->bad || r->left < (size_t)bytes) {
		r->bad = true;
		return 0;
	}
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += bytes;
	r->left -= (size_t)bytes;
	return v;
}

static const char *r_str(struct rbuf *r)
{
	uint64_t n = r_uint(r, 2);
	const char *s = NULL;

	if (r->bad || n == WIRE_NULL_STR)
		return NULL;
	if (n > UNWIND_MAX_STRING || n > r->left ||
	    memchr(r->p, '\0', (size_t)n) != NULL) {
		r->bad = true;
		return NULL;
	}
	if (r->arena != NULL) {
		memcpy(r->arena, r->p, (size_t)n);
		r->arena[n] = '\0';
		s = r->arena;
		r->arena += n + 1;
	} else {
		s = "";		/* pass one: present, contents unused */
	}
	r->strings += (size_t)n + 1;
	r->p += n;
	r->left -= (size_t)n;
	return s;
}

static void r_frame(struct rbuf *r, struct unwind_frame *f)
{
	uint64_t line, inl;

	f->pc = r_uint(r, 8);
	f->offset = r_uint(r, 8);
	f->symbol = r_str(r);
	f->module = r_str(r);
	f->file = r_str(r);
	line = r_uint(r, 4);
	inl = r_uint(r, 1);
	/* canonical: no offset without a symbol, no line without a file */
	if ((f->symbol == NULL && f->offset != 0) || line > INT32_MAX ||
	    (f->file == NULL && line != 0) || inl > 1)
		r->bad = true;
	f->line = (int)line;
	f->inlined = inl == 1;
}

static int r_state(struct rbuf *r, unsigned max)
{
	uint64_t v = r_uint(r, 1);

	if (v > max)
		r->bad = true;
	return (int)v;
}

static void r_head(struct rbuf *r, struct unwind_result *out)
{
	uint64_t flags, reason;

	out->request = (uint32_t)r_uint(r, 4);
	out->tgid = (int)(int32_t)r_uint(r, 4);
	out->tid = (int)(int32_t)r_uint(r, 4);
	flags = r_uint(r, 1);
	reason = r_uint(r, 1);
	if (flags & ~(uint64_t)(WIRE_LAST | WIRE_HAS_FRAMES) ||
	    reason >= UNWIND_REASON_COUNT)
		r->bad = true;
	out->last = flags & WIRE_LAST;
	out->has_frames = flags & WIRE_HAS_FRAMES;
	out->reason = (enum unwind_reason)reason;
	out->error = r_str(r);
	if (out->reason == UNWIND_REASON_NONE && out->error != NULL)
		r->bad = true;
}

/* One pass over the body into out; frames and kstack arrays given. */
static void r_body(struct rbuf *r, struct unwind_result *out,
    struct unwind_frame *frames, const char **kstack)
{
	r_head(r, out);
	out->kstack_state = r_state(r, WIRE_STATE_MAX);
	out->nkstack = (size_t)r_uint(r, 2);
	if (out->nkstack > UNWIND_MAX_KFRAMES)
		r->bad = true;
	for (size_t i = 0; !r->bad && i < out->nkstack; i++) {
		const char *s = r_str(r);
		if (s == NULL)
			r->bad = true;
		if (kstack)
			kstack[i] = s;
	}
	out->wchan_state = r_state(r, WIRE_STATE_MAX);
	out->wchan = r_str(r);
	out->syscall_state = r_state(r, WIRE_STATE_MAX);
	out->syscall_kind = r_state(r, WIRE_KIND_MAX);
	out->syscall_nr = (long)(int64_t)r_uint(r, 8);
	out->stopped_us = (uint32_t)r_uint(r, 4);
	out->took_us = (uint32_t)r_uint(r, 4);
	out->nframes = (size_t)r_uint(r, 2);
	if (out->nframes > UNWIND_MAX_FRAMES ||
	    (!out->has_frames && out->nframes != 0))
		r->bad = true;
	for (size_t i = 0; !r->bad && i < out->nframes; i++) {
		struct unwind_frame scratch, *f = frames ? &frames[i] : &scratch;
		r_frame(r, f);
	}
	if (r->left != 0)
		r->bad = true;
}

int unwind_wire_decode(const unsigned char *buf, size_t len,
    struct unwind_result *out, size_t *used)
{
	struct rbuf r = { buf, len, false, 0, NULL };
	uint32_t magic, body;
	struct rbuf check, fill;
	size_t fbytes, kbytes;
	char *arena;

	memset(out, 0, sizeof *out);
	if (len < WIRE_HEADER)
		return 0;
	magic = (uint32_t)r_uint(&r, 4);
	body = (uint32_t)r_uint(&r, 4);
	if (magic != WIRE_MAGIC || body > WIRE_MAX_BODY)
		return -1;
	if (len - WIRE_HEADER < body)
		return 0;

	check = (struct rbuf){ buf + WIRE_HEADER, body, false, 0, NULL };
	r_body(&check, out, NULL, NULL);
	if (check.bad) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	fbytes = out->nframes * sizeof(struct unwind_frame);
	kbytes = out->nkstack * sizeof(const char *);
	arena = malloc(fbytes + kbytes + check.strings + 1);
	if (arena == NULL) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	fill = (struct rbuf){ buf + WIRE_HEADER, body, false, 0,
	    arena + fbytes + kbytes };
	r_body(&fill, out, (struct unwind_frame *)(void *)arena,
	    (const char **)(void *)(arena + fbytes));
	out->frames = out->nframes ? (struct unwind_frame *)(void *)arena : NULL;
	out->kstack = out->nkstack ? (const char **)(void *)(arena + fbytes) : NULL;
	out->arena = arena;
	*used = WIRE_HEADER + body;
	return 1;
}

void unwind_result_free(struct unwind_result *r)
{
	if (r == NULL)
		return;
	unwind_result_clear(r);
	free(r);
}
