/*
 * debugimage.c - a separate debug file whose .debug_* sections are
 * compressed, made into the plan of an uncompressed ELF image of it
 * (docs/ARCHITECTURE.md "User stacks").  libdw 0.188 inflates every
 * compressed DWARF section with zlib when it opens a file; handed the image
 * instead it maps it and inflates nothing.  Pure: bytes in, bytes out, no
 * I/O; the file is hostile (debuginfo.c hands libdw the plain file, as
 * before, whenever the plan is refused).
 *
 * The image is the file's bytes up to its first compressed section, kept
 * as they are (ELF header, program headers, notes: the build ID stays
 * where the phdrs say), then every section that came after, each at a new
 * aligned offset: the compressed ones that lines, inlined calls and
 * symbols need inflated, the other compressed ones left out (SHT_NOBITS),
 * the rest copied; then a new section header table.  The work is split
 * into pieces, each given to one of two workers; an inflated piece must
 * come out at exactly its stated size with its zlib checksum right.
 */
#include "config.h"

#include <elf.h>
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What debuginfo.c's image is built from: what libdw reads to look up a
 * line, the calls inlined at a pc and the CFI.  Other compressed sections
 * (.debug_loclists, .debug_loc, .debug_macro, .debug_pubnames…) are only
 * read for variables' locations, macros and name indexes: left out. */
static const char *const kept_compressed[] = {
	".debug_info", ".debug_abbrev", ".debug_line", ".debug_line_str",
	".debug_str", ".debug_str_offsets", ".debug_addr", ".debug_aranges",
	".debug_ranges", ".debug_rnglists", ".debug_frame", ".debug_types",
};

/* deflate outputs at most 1032 bytes per byte read (258 per 2 bits) */
#define DEFLATE_MAX_RATIO	1032u
#define IMAGE_MAX_ALIGN		4096u


static bool is_pow2(uint64_t a)
{
	return a != 0 && (a & (a - 1)) == 0;
}

/* off, rounded up to align (a power of two); false when it would wrap. */
static bool align_up(uint64_t off, uint64_t align, uint64_t *out)
{
	if (align <= 1) {
		*out = off;
		return true;
	}
	if (off > UINT64_MAX - (align - 1))
		return false;
	*out = (off + align - 1) & ~(align - 1);
	return true;
}

static bool in_file(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

static bool keeps(const char *name)
{
	for (size_t i = 0; i < sizeof kept_compressed / sizeof *kept_compressed; i++)
		if (strcmp(name, kept_compressed[i]) == 0)
			return true;
	return false;
}

/* Each section as the plan sees it. */
struct scn {
	Elf64_Shdr	 sh;
	uint64_t	 start;		/* sh_offset, sh_offset + size: its bytes */
	uint64_t	 end;
	bool		 has_bytes;	/* not NOBITS, not empty */
};

static int by_start(const void *a, const void *b)
{
	const struct scn *x = *(const struct scn *const *)a;
	const struct scn *y = *(const struct scn *const *)b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Two sections whose bytes overlap: a lie, or a trick. */
static bool overlapping(struct scn *s, size_t n)
{
	struct scn **v = calloc(n, sizeof *v);
	size_t m = 0;
	bool bad = false;

	if (v == NULL)
		return true;
	for (size_t i = 1; i < n; i++)
		if (s[i].has_bytes)
			v[m++] = &s[i];
	qsort(v, m, sizeof *v, by_start);
	for (size_t i = 1; i < m && !bad; i++)
		bad = v[i]->start < v[i - 1]->end;
	free(v);
	return bad;
}

static const char *refuse(const char **why, const char *what)
{
	*why = what;
	return what;
}

/* The ELF header and the program headers: all must lie before the first
 * compressed section (prefix), which is copied as it is. */
static const char *check_headers(const unsigned char *in, size_t len,
    const Elf64_Ehdr *eh, const char **why)
{
	static const unsigned char host_data =
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	    ELFDATA2LSB;
#else
	    ELFDATA2MSB;
#endif

	(void)in;
	if (len < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		return refuse(why, "not ELF");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != host_data ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_ehsize != sizeof *eh)
		return refuse(why, "not a native 64-bit ELF");
	if (eh->e_shentsize != sizeof(Elf64_Shdr) || eh->e_shnum < 2 ||
	    eh->e_shnum > DEBUGIMAGE_MAX_SECTIONS || eh->e_shstrndx == SHN_UNDEF ||
	    eh->e_shstrndx >= eh->e_shnum ||
	    !in_file(eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr), len))
		return refuse(why, "odd section headers");
	if (eh->e_phnum != 0 && (eh->e_phentsize != sizeof(Elf64_Phdr) ||
	    eh->e_phnum >= PN_XNUM ||
	    !in_file(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr), len)))
		return refuse(why, "odd program headers");
	return NULL;
}

static const char *read_sections(const unsigned char *in, size_t len,
    const Elf64_Ehdr *eh, struct scn *s, const char **why)
{
	for (size_t i = 0; i < eh->e_shnum; i++) {
		struct scn *c = &s[i];
		memcpy(&c->sh, in + eh->e_shoff + i * sizeof c->sh, sizeof c->sh);
		if (i == 0)
			continue;
		if (c->sh.sh_type == SHT_NULL && c->sh.sh_size != 0)
			return refuse(why, "odd section");
		c->has_bytes = c->sh.sh_type != SHT_NOBITS &&
		    c->sh.sh_type != SHT_NULL && c->sh.sh_size > 0;
		if (c->has_bytes && !in_file(c->sh.sh_offset, c->sh.sh_size, len))
			return refuse(why, "a section past the end of the file");
		if (c->sh.sh_addralign > 1 && !is_pow2(c->sh.sh_addralign))
			return refuse(why, "odd section alignment");
		c->start = c->sh.sh_offset;
		c->end = c->sh.sh_offset + (c->has_bytes ? c->sh.sh_size : 0);
		if ((c->sh.sh_flags & SHF_COMPRESSED) &&
		    (!c->has_bytes || (c->sh.sh_flags & SHF_ALLOC)))
			return refuse(why, "odd compressed section");
	}
	return NULL;
}

/* The name of section i, NULL when the string table does not hold it. */
static const char *scn_name(const unsigned char *in, const struct scn *s,
    const struct scn *strtab, size_t i)
{
	uint64_t at = s[i].sh.sh_name;

	if (at >= strtab->sh.sh_size)
		return NULL;
	if (memchr(in + strtab->start + at, '\0', strtab->sh.sh_size - at) == NULL)
		return NULL;
	return (const char *)in + strtab->start + at;
}

static bool add_piece(struct debugimage_plan *p, enum debugimage_kind kind,
    uint64_t src, uint64_t srclen, uint64_t dst, uint64_t dstlen)
{
	struct debugimage_piece *pc = &p->pieces[p->npieces++];

	pc->kind = kind;
	pc->src = src;
	pc->srclen = srclen;
	pc->dst = dst;
	pc->dstlen = dstlen;
	return true;
}

/* Longest piece first to the worker with less to do (inflating costs
 * about eight times copying). */
static int by_cost(const void *a, const void *b)
{
	const struct debugimage_piece *x = *(const struct debugimage_piece *const *)a;
	const struct debugimage_piece *y = *(const struct debugimage_piece *const *)b;
	uint64_t cx = x->kind == DEBUGIMAGE_INFLATE ? x->dstlen : x->dstlen / 8;
	uint64_t cy = y->kind == DEBUGIMAGE_INFLATE ? y->dstlen : y->dstlen / 8;

	return cx > cy ? -1 : cx < cy;
}

static void share_out(struct debugimage_plan *p)
{
	struct debugimage_piece **v = calloc(p->npieces, sizeof *v);
	uint64_t load[2] = { 0, 0 };

	if (v == NULL) {	/* all to one: slower, as right */
		for (size_t i = 0; i < p->npieces; i++)
			p->pieces[i].worker = 0;
		return;
	}
	for (size_t i = 0; i < p->npieces; i++)
		v[i] = &p->pieces[i];
	qsort(v, p->npieces, sizeof *v, by_cost);
	for (size_t i = 0; i < p->npieces; i++) {
		int w = load[1] < load[0];
		v[i]->worker = (uint8_t)w;
		load[w] += v[i]->kind == DEBUGIMAGE_INFLATE ? v[i]->dstlen :
		    v[i]->dstlen / 8;
	}
	free(v);
}

/* A compressed section's header: its inflated size and alignment. */
static const char *chdr_of(const unsigned char *in, const struct scn *c,
    uint64_t *size, uint64_t *align, const char **why)
{
	Elf64_Chdr ch;

	if (c->sh.sh_size < sizeof ch)
		return refuse(why, "a compressed section without its header");
	memcpy(&ch, in + c->start, sizeof ch);
	if (ch.ch_type != ELFCOMPRESS_ZLIB)
		return refuse(why, "not zlib-compressed");
	if (ch.ch_size == 0 || ch.ch_size > DEBUGIMAGE_MAX_SECTION ||
	    ch.ch_size / DEFLATE_MAX_RATIO > c->sh.sh_size - sizeof ch)
		return refuse(why, "a compressed section's size is a lie");
	if (ch.ch_addralign > IMAGE_MAX_ALIGN ||
	    (ch.ch_addralign > 1 && !is_pow2(ch.ch_addralign)))
		return refuse(why, "odd section alignment");
	*size = ch.ch_size;
	*align = ch.ch_addralign;
	return NULL;
}

/* Lay out the sections from the first compressed one on: new offsets in
 * s[].sh, a piece for each that has bytes in the image. */
static const char *lay_out(const unsigned char *in, size_t len,
    struct scn *s, size_t n, const struct scn *strtab, uint64_t prefix,
    struct debugimage_plan *p, uint64_t *end, const char **why)
{
	uint64_t at = prefix, total = 0;

	(void)len;
	for (size_t i = 1; i < n; i++) {
		struct scn *c = &s[i];
		const char *name = scn_name(in, s, strtab, i);
		uint64_t size = c->sh.sh_size, align = c->sh.sh_addralign;

		if (name == NULL)
			return refuse(why, "a section without a name");
		if (strncmp(name, ".zdebug", 7) == 0)
			return refuse(why, "GNU-style (.zdebug) compression");
		if (strcmp(name, ".gnu_debugaltlink") == 0)
			return refuse(why, "a dwz alternate file");
		if (c->has_bytes && c->end <= prefix)
			continue;		/* in the prefix, where it was */
		if (c->has_bytes && c->start < prefix)
			return refuse(why, "a section across the first compressed one");
		if (!c->has_bytes) {
			if (c->sh.sh_offset > prefix)
				c->sh.sh_offset = prefix;
			continue;
		}
		if (c->sh.sh_flags & SHF_COMPRESSED) {
			if (strncmp(name, ".debug_", 7) != 0)
				return refuse(why, "a compressed section not of DWARF");
			if (!keeps(name)) {	/* left out */
				c->sh.sh_type = SHT_NOBITS;
				c->sh.sh_flags &= ~(uint64_t)SHF_COMPRESSED;
				c->sh.sh_size = 0;
				c->sh.sh_offset = prefix;
				continue;
			}
			if (chdr_of(in, c, &size, &align, why) != NULL)
				return *why;
		}
		if (align > IMAGE_MAX_ALIGN)
			return refuse(why, "odd section alignment");
		if (!align_up(at, align, &at) || size > DEBUGIMAGE_MAX_TOTAL ||
		    (total += size) > DEBUGIMAGE_MAX_TOTAL)
			return refuse(why, "too large");
		if (c->sh.sh_flags & SHF_COMPRESSED) {
			add_piece(p, DEBUGIMAGE_INFLATE, c->start + sizeof(Elf64_Chdr),
			    c->sh.sh_size - sizeof(Elf64_Chdr), at, size);
			c->sh.sh_flags &= ~(uint64_t)SHF_COMPRESSED;
			c->sh.sh_addralign = align;
			c->sh.sh_size = size;
		} else
			add_piece(p, DEBUGIMAGE_COPY, c->start, size, at, size);
		c->sh.sh_offset = at;
		at += size;
	}
	*end = at;
	return NULL;
}

/* The first compressed section's offset: where the kept prefix ends. */
static const char *find_prefix(const Elf64_Ehdr *eh, const struct scn *s,
    size_t n, uint64_t *prefix, const char **why)
{
	uint64_t first = UINT64_MAX;

	for (size_t i = 1; i < n; i++)
		if ((s[i].sh.sh_flags & SHF_COMPRESSED) && s[i].start < first)
			first = s[i].start;
	if (first == UINT64_MAX)
		return refuse(why, "nothing compressed");
	if (first < sizeof *eh ||
	    (eh->e_phnum != 0 &&
	    eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > first))
		return refuse(why, "headers after the compressed sections");
	*prefix = first;
	return NULL;
}

/* Every segment with bytes must stay where it is: inside the prefix. */
static const char *check_segments(const unsigned char *in,
    const Elf64_Ehdr *eh, uint64_t prefix, const char **why)
{
	for (size_t i = 0; i < eh->e_phnum; i++) {
		Elf64_Phdr ph;
		memcpy(&ph, in + eh->e_phoff + i * sizeof ph, sizeof ph);
		if (ph.p_filesz != 0 && (ph.p_offset > prefix ||
		    ph.p_filesz > prefix - ph.p_offset))
			return refuse(why, "a segment after the compressed sections");
	}
	return NULL;
}

int debugimage_plan(const unsigned char *in, size_t len,
    struct debugimage_plan *p, const char **why)
{
	Elf64_Ehdr eh;
	struct scn *s = NULL;
	uint64_t prefix = 0, end = 0, table;
	const struct scn *strtab;
	int rc = DEBUGIMAGE_REFUSED;

	memset(p, 0, sizeof *p);
	*why = NULL;
	if (len < sizeof eh) {
		*why = "not ELF";
		return rc;
	}
	memcpy(&eh, in, sizeof eh);
	if (check_headers(in, len, &eh, why) != NULL)
		return rc;
	s = calloc(eh.e_shnum, sizeof *s);
	p->pieces = calloc((size_t)eh.e_shnum + 1, sizeof *p->pieces);
	p->table = calloc(eh.e_shnum, sizeof(Elf64_Shdr));
	if (s == NULL || p->pieces == NULL || p->table == NULL) {
		*why = "out of memory";
		goto out;
	}
	if (read_sections(in, len, &eh, s, why) != NULL)
		goto out;
	strtab = &s[eh.e_shstrndx];
	if (!strtab->has_bytes || strtab->sh.sh_type != SHT_STRTAB ||
	    (strtab->sh.sh_flags & SHF_COMPRESSED)) {
		*why = "odd section name table";
		goto out;
	}
	if (find_prefix(&eh, s, eh.e_shnum, &prefix, why) != NULL) {
		if (strcmp(*why, "nothing compressed") == 0)
			rc = DEBUGIMAGE_NONE;
		goto out;
	}
	if (overlapping(s, eh.e_shnum)) {
		*why = "overlapping sections";
		goto out;
	}
	if (check_segments(in, &eh, prefix, why) != NULL)
		goto out;
	/* the prefix first: its piece also sets e_shoff (dst 0 marks it) */
	add_piece(p, DEBUGIMAGE_PREFIX, 0, prefix, 0, prefix);
	if (lay_out(in, len, s, eh.e_shnum, strtab, prefix, p, &end, why) != NULL)
		goto out;
	if (!align_up(end, 8, &table) ||
	    table > UINT64_MAX - (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr)) {
		*why = "too large";
		goto out;
	}
	for (size_t i = 0; i < eh.e_shnum; i++)
		memcpy(p->table + i * sizeof(Elf64_Shdr), &s[i].sh, sizeof s[i].sh);
	p->table_len = (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr);
	add_piece(p, DEBUGIMAGE_TABLE, 0, p->table_len, table, p->table_len);
	p->shoff = table;
	p->size = table + p->table_len;
	share_out(p);
	rc = DEBUGIMAGE_OK;
out:
	free(s);
	if (rc != DEBUGIMAGE_OK)
		debugimage_plan_free(p);
	return rc;
}

void debugimage_plan_free(struct debugimage_plan *p)
{
	free(p->pieces);
	free(p->table);
	memset(p, 0, sizeof *p);
}

static bool build_piece(const struct debugimage_plan *p,
    const struct debugimage_piece *pc, const unsigned char *in,
    unsigned char *out, struct libdeflate_decompressor *d)
{
	Elf64_Off shoff = p->shoff;

	switch (pc->kind) {
	case DEBUGIMAGE_PREFIX:
		memcpy(out, in, pc->dstlen);
		memcpy(out + offsetof(Elf64_Ehdr, e_shoff), &shoff, sizeof shoff);
		return true;
	case DEBUGIMAGE_COPY:
		memcpy(out + pc->dst, in + pc->src, pc->dstlen);
		return true;
	case DEBUGIMAGE_TABLE:
		memcpy(out + pc->dst, p->table, pc->dstlen);
		return true;
	case DEBUGIMAGE_INFLATE:
		/* no actual size asked for: anything but exactly dstlen fails */
		return libdeflate_zlib_decompress(d, in + pc->src, pc->srclen,
		    out + pc->dst, pc->dstlen, NULL) == LIBDEFLATE_SUCCESS;
	}
	return false;
}

bool debugimage_build(const struct debugimage_plan *p, int worker,
    const unsigned char *in, unsigned char *out,
    struct libdeflate_decompressor *d)
{
	for (size_t i = 0; i < p->npieces; i++)
		if (p->pieces[i].worker == worker &&
		    !build_piece(p, &p->pieces[i], in, out, d))
			return false;
	return true;
}
