/*
 * Fuzzes debugimage_plan and debugimage_build (src/unwind/debugimage.c),
 * which make an uncompressed image of a debug file, the helper's hostile
 * input: a plan refused says why; a plan's pieces lie inside the image and
 * never overlap; an image built by both workers has nothing left to
 * inflate (planned again: "nothing compressed").
 */
#include "config.h"

#include <libdeflate.h>

#include "fuzz.h"
#include "unwind/internal.h"

#define FUZZ_MAX_IMAGE	(64u << 20)

static int by_dst(const void *a, const void *b)
{
	const struct debugimage_piece *x = a, *y = b;

	return x->dst < y->dst ? -1 : x->dst > y->dst;
}

static void check_pieces(const struct debugimage_plan *p)
{
	struct debugimage_piece *v = malloc(p->npieces * sizeof *v);

	FUZZ_CHECK(v != NULL);
	memcpy(v, p->pieces, p->npieces * sizeof *v);
	qsort(v, p->npieces, sizeof *v, by_dst);
	for (size_t i = 0; i < p->npieces; i++) {
		FUZZ_CHECK(v[i].worker <= 1);
		FUZZ_CHECK(v[i].dst <= p->size && v[i].dstlen <= p->size - v[i].dst);
		if (i > 0)
			FUZZ_CHECK(v[i - 1].dst + v[i - 1].dstlen <= v[i].dst);
	}
	free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = fuzz_copy(data, size);
	const unsigned char *in = (const unsigned char *)copy;
	struct debugimage_plan p, again;
	struct libdeflate_decompressor *d;
	const char *why = NULL;
	unsigned char *out;
	int rc = debugimage_plan(in, size, &p, &why);

	FUZZ_CHECK(rc == DEBUGIMAGE_OK || rc == DEBUGIMAGE_NONE ||
	    rc == DEBUGIMAGE_REFUSED);
	FUZZ_CHECK(rc == DEBUGIMAGE_OK || (why != NULL && p.pieces == NULL));
	if (rc != DEBUGIMAGE_OK || p.size > FUZZ_MAX_IMAGE) {
		debugimage_plan_free(&p);
		free(copy);
		return 0;
	}
	check_pieces(&p);
	out = calloc(1, p.size);
	d = libdeflate_alloc_decompressor();
	FUZZ_CHECK(out != NULL && d != NULL);
	if (debugimage_build(&p, 0, in, out, d) &&
	    debugimage_build(&p, 1, in, out, d))
		FUZZ_CHECK(debugimage_plan(out, p.size, &again, &why) ==
		    DEBUGIMAGE_NONE);
	libdeflate_free_decompressor(d);
	free(out);
	debugimage_plan_free(&p);
	free(copy);
	return 0;
}
