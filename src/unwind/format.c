/*
 * format.c - a frame in words, the same in the side pane and in batch
 * text.  Raw bytes from debug info: the caller sanitizes them.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "tasktop/text.h"
#include "tasktop/unwind.h"

void unwind_frame_function(struct buf *out, const struct unwind_frame *f)
{
	if (f->symbol == NULL) {
		buf_printf(out, "0x%" PRIx64, f->pc);
		return;
	}
	buf_adds(out, f->symbol);
	if (f->inlined)
		buf_adds(out, " (inlined)");
	else
		buf_printf(out, "+0x%" PRIx64, f->offset);
}

const char *unwind_basename(const char *path)
{
	const char *slash;

	if (path == NULL)
		return NULL;
	slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}
