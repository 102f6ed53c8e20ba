/* The debug image's plan (src/unwind/debugimage.c) over ELF files made
 * here: what it inflates is what libelf inflates, what lines and inlines
 * don't need is left out, the headers before stay where they were; every
 * lie (truncated, a lying ch_size, a huge shnum, a section past the end,
 * overlaps, Elf32, bad deflate bytes) is refused or fails, never read past
 * the input. */
#include "config.h"

#include <elf.h>
#include <gelf.h>
#include <libdeflate.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/unwind/internal.h"

/* ---- an ELF file: header, a PT_NOTE, sections ------------------------ */

#define NSCN	7	/* null .note .shstrtab .debug_info .debug_loclists .symtab .debug_str */
static const char shstrtab[] = "\0.note\0.shstrtab\0.debug_info\0"
    ".debug_loclists\0.symtab\0.debug_str";
enum { N_NOTE = 1, N_SHSTR = 7, N_INFO = 17, N_LOC = 29, N_SYMTAB = 45,
	N_STR = 53 };

struct elf {
	unsigned char	*b;
	size_t		 len;
	unsigned char	 info[3000], str[500];	/* the plain contents */
};

static Elf64_Shdr *shdr(struct elf *e, int i)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)e->b;
	return (Elf64_Shdr *)(e->b + eh->e_shoff) + i;
}

static size_t put(unsigned char *b, size_t at, const void *p, size_t n, size_t align)
{
	at = (at + align - 1) & ~(align - 1);
	memcpy(b + at, p, n);
	return at;
}

/* A compressed section: Elf64_Chdr then zlib bytes; its length. */
static size_t compressed(unsigned char *out, const unsigned char *in, size_t n)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	Elf64_Chdr ch = { ELFCOMPRESS_ZLIB, 0, n, 1 };
	size_t z = libdeflate_zlib_compress(c, in, n, out + sizeof ch, 8000);

	assert_true(z > 0);
	libdeflate_free_compressor(c);
	memcpy(out, &ch, sizeof ch);
	return sizeof ch + z;
}

static struct elf make_elf(void)
{
	struct elf e;
	unsigned char tmp[8000], note[24] = { 4, 0, 0, 0, 4, 0, 0, 0, 3, 0, 0,
	    0, 'G', 'N', 'U', 0, 1, 2, 3, 4 };
	unsigned char symtab[48] = { 0 };
	Elf64_Ehdr eh = { .e_type = ET_DYN, .e_machine = EM_X86_64,
	    .e_version = EV_CURRENT, .e_phoff = sizeof(Elf64_Ehdr),
	    .e_ehsize = sizeof(Elf64_Ehdr), .e_phentsize = sizeof(Elf64_Phdr),
	    .e_phnum = 1, .e_shentsize = sizeof(Elf64_Shdr), .e_shnum = NSCN,
	    .e_shstrndx = 2 };
	Elf64_Phdr ph = { .p_type = PT_NOTE, .p_flags = PF_R, .p_filesz = 20,
	    .p_memsz = 20, .p_align = 4 };
	Elf64_Shdr sh[NSCN];
	size_t at, n;

	memset(&e, 0, sizeof e);
	memset(sh, 0, sizeof sh);
	for (size_t i = 0; i < sizeof e.info; i++)
		e.info[i] = (unsigned char)(i * 7 / 13);
	for (size_t i = 0; i < sizeof e.str; i++)
		e.str[i] = (unsigned char)(i % 10 ? 'a' + i % 26 : 0);
	e.b = calloc(1, 32768);
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	at = sizeof eh + sizeof ph;
	at = put(e.b, at, note, 20, 4);
	ph.p_offset = at;
	sh[1] = (Elf64_Shdr){ N_NOTE, SHT_NOTE, SHF_ALLOC, 0, at, 20, 0, 0, 4, 0 };
	at = put(e.b, at + 20, shstrtab, sizeof shstrtab, 1);
	sh[2] = (Elf64_Shdr){ N_SHSTR, SHT_STRTAB, 0, 0, at, sizeof shstrtab, 0, 0, 1, 0 };
	at += sizeof shstrtab;
	n = compressed(tmp, e.info, sizeof e.info);
	at = put(e.b, at, tmp, n, 8);
	sh[3] = (Elf64_Shdr){ N_INFO, SHT_PROGBITS, SHF_COMPRESSED, 0, at, n, 0, 0, 8, 0 };
	at += n;
	n = compressed(tmp, e.str, sizeof e.str);	/* a stand-in for loclists */
	at = put(e.b, at, tmp, n, 8);
	sh[4] = (Elf64_Shdr){ N_LOC, SHT_PROGBITS, SHF_COMPRESSED, 0, at, n, 0, 0, 8, 0 };
	at += n;
	at = put(e.b, at, symtab, sizeof symtab, 8);
	sh[5] = (Elf64_Shdr){ N_SYMTAB, SHT_SYMTAB, 0, 0, at, sizeof symtab, 2, 1, 8, 24 };
	at += sizeof symtab;
	n = compressed(tmp, e.str, sizeof e.str);
	at = put(e.b, at, tmp, n, 8);
	sh[6] = (Elf64_Shdr){ N_STR, SHT_PROGBITS, SHF_COMPRESSED | SHF_MERGE |
	    SHF_STRINGS, 0, at, n, 0, 0, 8, 1 };
	at += n;
	eh.e_shoff = put(e.b, at, sh, sizeof sh, 8);
	e.len = eh.e_shoff + sizeof sh;
	memcpy(e.b, &eh, sizeof eh);
	memcpy(e.b + sizeof eh, &ph, sizeof ph);
	return e;
}

/* The image, built by both workers; NULL when a worker failed. */
static unsigned char *build(const struct elf *e, struct debugimage_plan *p)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	unsigned char *out = calloc(1, p->size);
	bool ok = debugimage_build(p, 0, e->b, out, d) &&
	    debugimage_build(p, 1, e->b, out, d);

	libdeflate_free_decompressor(d);
	if (!ok) {
		free(out);
		return NULL;
	}
	return out;
}

static int plan_of(const struct elf *e, struct debugimage_plan *p)
{
	const char *why;
	return debugimage_plan(e->b, e->len, p, &why);
}

static void refused(const struct elf *e)
{
	struct debugimage_plan p;
	const char *why = NULL;

	assert_int_equal(debugimage_plan(e->b, e->len, &p, &why), DEBUGIMAGE_REFUSED);
	assert_non_null(why);
	assert_null(p.pieces);
}

/* Section name -> its data through libelf (inflated when compressed). */
static Elf_Data *data_of(Elf *elf, const char *want, GElf_Shdr *out)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	assert_int_equal(elf_getshdrstrndx(elf, &shstrndx), 0);
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		gelf_getshdr(scn, out);
		if (strcmp(elf_strptr(elf, shstrndx, out->sh_name), want) != 0)
			continue;
		if (out->sh_flags & SHF_COMPRESSED)
			assert_int_equal(elf_compress(scn, 0, 0), 1);
		return elf_getdata(scn, NULL);
	}
	return NULL;
}

static void test_image_is_what_libelf_inflates(void **state)
{
	struct elf e = make_elf();
	struct debugimage_plan p;
	unsigned char *img;
	Elf *orig, *mine;
	GElf_Shdr a, b;
	Elf_Data *da, *db;
	static const char *const same[] = { ".debug_info", ".debug_str",
	    ".symtab", ".note", ".shstrtab" };

	(void)state;
	elf_version(EV_CURRENT);
	assert_int_equal(plan_of(&e, &p), DEBUGIMAGE_OK);
	img = build(&e, &p);
	assert_non_null(img);
	orig = elf_memory((char *)e.b, e.len);
	mine = elf_memory((char *)img, p.size);
	assert_non_null(mine);
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		da = data_of(orig, same[i], &a);
		db = data_of(mine, same[i], &b);
		assert_non_null(db);
		assert_false(b.sh_flags & SHF_COMPRESSED);
		assert_int_equal(da->d_size, db->d_size);
		assert_memory_equal(da->d_buf, db->d_buf, da->d_size);
		assert_int_equal(b.sh_offset % (b.sh_addralign ? b.sh_addralign : 1), 0);
	}
	/* the plain contents, byte for byte */
	db = data_of(mine, ".debug_info", &b);
	assert_memory_equal(db->d_buf, e.info, sizeof e.info);
	/* left out: no bytes, not compressed */
	data_of(mine, ".debug_loclists", &b);
	assert_int_equal(b.sh_type, SHT_NOBITS);
	assert_int_equal(b.sh_size, 0);
	/* the phdrs and the note stay where they were; only e_shoff moved */
	assert_memory_equal(img + sizeof(Elf64_Ehdr), e.b + sizeof(Elf64_Ehdr),
	    shdr(&e, 3)->sh_offset - sizeof(Elf64_Ehdr));
	assert_memory_equal(img, e.b, offsetof(Elf64_Ehdr, e_shoff));
	assert_memory_equal(img + offsetof(Elf64_Ehdr, e_flags),
	    e.b + offsetof(Elf64_Ehdr, e_flags),
	    sizeof(Elf64_Ehdr) - offsetof(Elf64_Ehdr, e_flags));
	/* and nothing is left to inflate */
	{
		struct elf again = { .b = img, .len = p.size };
		struct debugimage_plan q;
		assert_int_equal(plan_of(&again, &q), DEBUGIMAGE_NONE);
	}
	elf_end(orig);
	elf_end(mine);
	free(img);
	debugimage_plan_free(&p);
	free(e.b);
}

static void test_nothing_compressed(void **state)
{
	struct elf e = make_elf();
	struct debugimage_plan p;

	(void)state;
	for (int i = 3; i < NSCN; i++)
		shdr(&e, i)->sh_flags &= ~(uint64_t)SHF_COMPRESSED;
	assert_int_equal(plan_of(&e, &p), DEBUGIMAGE_NONE);
	free(e.b);
}

static void test_truncated(void **state)
{
	struct elf e = make_elf();
	size_t full = e.len;

	(void)state;
	/* every shorter file: refused (or, cut inside nothing read, fine) */
	for (e.len = 0; e.len < full; e.len += 1 + e.len / 16) {
		struct debugimage_plan p;
		const char *why;
		int rc = debugimage_plan(e.b, e.len, &p, &why);
		assert_int_equal(rc, DEBUGIMAGE_REFUSED);
	}
	free(e.b);
}

static void set_chsize(struct elf *e, int scn, uint64_t size)
{
	Elf64_Chdr ch;

	memcpy(&ch, e->b + shdr(e, scn)->sh_offset, sizeof ch);
	ch.ch_size = size;
	memcpy(e->b + shdr(e, scn)->sh_offset, &ch, sizeof ch);
}

static void test_lying_ch_size(void **state)
{
	struct elf e = make_elf();
	struct debugimage_plan p;

	(void)state;
	/* more than deflate can give from so few bytes: refused at once */
	set_chsize(&e, 3, (uint64_t)shdr(&e, 3)->sh_size * 2000);
	refused(&e);
	set_chsize(&e, 3, DEBUGIMAGE_MAX_SECTION + 1);
	refused(&e);
	set_chsize(&e, 3, 0);
	refused(&e);
	/* believable, but not what the bytes inflate to: the build fails */
	set_chsize(&e, 3, sizeof e.info + 1);
	assert_int_equal(plan_of(&e, &p), DEBUGIMAGE_OK);
	assert_null(build(&e, &p));
	debugimage_plan_free(&p);
	set_chsize(&e, 3, sizeof e.info - 1);
	assert_int_equal(plan_of(&e, &p), DEBUGIMAGE_OK);
	assert_null(build(&e, &p));
	debugimage_plan_free(&p);
	free(e.b);
}

static void test_bad_deflate_bytes(void **state)
{
	struct elf e = make_elf();
	struct debugimage_plan p;
	Elf64_Shdr *info = shdr(&e, 3);

	(void)state;
	e.b[info->sh_offset + info->sh_size - 2] ^= 0x55;	/* the checksum */
	assert_int_equal(plan_of(&e, &p), DEBUGIMAGE_OK);
	assert_null(build(&e, &p));
	debugimage_plan_free(&p);
	free(e.b);
}

static void test_odd_headers(void **state)
{
	struct elf e = make_elf();
	Elf64_Ehdr *eh = (Elf64_Ehdr *)e.b;

	(void)state;
	eh->e_shnum = 60000;			/* huge shnum */
	refused(&e);
	eh->e_shnum = NSCN;
	eh->e_shstrndx = NSCN;			/* no such section */
	refused(&e);
	eh->e_shstrndx = 2;
	eh->e_shoff = e.len;			/* the table past the end */
	refused(&e);
	eh->e_shoff = e.len - NSCN * sizeof(Elf64_Shdr);
	eh->e_ident[EI_CLASS] = ELFCLASS32;	/* Elf32 */
	refused(&e);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2MSB;
	refused(&e);
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_phoff = shdr(&e, 3)->sh_offset;	/* phdrs among what moves */
	refused(&e);
	free(e.b);
}

static void test_odd_sections(void **state)
{
	struct elf e = make_elf();
	Elf64_Shdr *info = shdr(&e, 3), keep = *info;
	Elf64_Phdr *ph = (Elf64_Phdr *)(e.b + sizeof(Elf64_Ehdr));

	(void)state;
	info->sh_size = e.len;			/* past the end of the file */
	refused(&e);
	*info = keep;
	{
		Elf64_Shdr *sym = shdr(&e, 5), was = *sym;
		sym->sh_offset = info->sh_offset + 8;	/* inside .debug_info */
		refused(&e);
		*sym = was;
	}
	info->sh_addralign = 3;
	refused(&e);
	*info = keep;
	info->sh_flags |= SHF_ALLOC;
	refused(&e);
	*info = keep;
	shdr(&e, 5)->sh_flags |= SHF_COMPRESSED;	/* .symtab: not DWARF */
	refused(&e);
	shdr(&e, 5)->sh_flags &= ~(uint64_t)SHF_COMPRESSED;
	shdr(&e, 3)->sh_name = 9999;		/* a name past its table */
	refused(&e);
	*info = keep;
	ph->p_offset = info->sh_offset;		/* a segment that would move */
	refused(&e);
	free(e.b);
}

static void test_zdebug_and_dwz(void **state)
{
	struct elf e = make_elf();
	char *names = (char *)e.b + shdr(&e, 2)->sh_offset;

	(void)state;
	memcpy(names + N_SYMTAB, ".zdebug", 7);	/* ".zdebugb": GNU-style */
	refused(&e);
	free(e.b);
}

static void test_workers_share(void **state)
{
	struct elf e = make_elf();
	struct debugimage_plan p;
	bool seen[2] = { false, false };

	(void)state;
	assert_int_equal(plan_of(&e, &p), DEBUGIMAGE_OK);
	for (size_t i = 0; i < p.npieces; i++) {
		seen[p.pieces[i].worker] = true;
		/* the largest inflation alone */
		if (p.pieces[i].kind == DEBUGIMAGE_INFLATE &&
		    p.pieces[i].dstlen == sizeof e.info)
			for (size_t j = 0; j < p.npieces; j++)
				if (j != i)
					assert_int_not_equal(p.pieces[j].worker,
					    p.pieces[i].worker);
	}
	assert_true(seen[0] && seen[1]);
	debugimage_plan_free(&p);
	free(e.b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_image_is_what_libelf_inflates),
		cmocka_unit_test(test_nothing_compressed),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_lying_ch_size),
		cmocka_unit_test(test_bad_deflate_bytes),
		cmocka_unit_test(test_odd_headers),
		cmocka_unit_test(test_odd_sections),
		cmocka_unit_test(test_zdebug_and_dwz),
		cmocka_unit_test(test_workers_share),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
