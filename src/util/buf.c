#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/text.h"
#include "tasktop/util.h"

/*
 * An empty buffer points here instead of at NULL, so that data is a valid
 * C string right after buf_init(); cap == 0 marks it as not ours to free.
 */
static char buf_empty[1];

/* Make room for `more` bytes plus the terminating NUL. */
static void buf_reserve(struct buf *b, size_t more)
{
	size_t need, cap;
	char *data;

	if (more > (size_t)-1 - b->len - 1)
		oom_abort("buffer");
	need = b->len + more + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	data = realloc(b->cap ? b->data : NULL, cap);
	if (data == NULL)
		oom_abort("buffer");
	if (b->cap == 0)
		data[0] = '\0';
	b->data = data;
	b->cap = cap;
}

void buf_init(struct buf *b)
{
	b->data = buf_empty;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	if (b->cap)
		free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
	else
		b->data = buf_empty;
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	buf_reserve(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	buf_reserve(b, 0);
	va_copy(again, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	if (n < 0) {
		/* a bad format or wide conversion: keep the buffer as it was */
		b->data[b->len] = '\0';
		va_end(again);
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, again);
	}
	va_end(again);
	b->len += (size_t)n;
}
