/*
 * symbolize.c - pcs to frames, after the thread runs again
 * (docs/ARCHITECTURE.md "User stacks"): the function and offset from the
 * module's symbol table, C++ and Rust names demangled (libiberty), file:line
 * from the line table, and the calls inlined at a pc from the DWARF scopes
 * around it: each becomes a frame of its own, marked inlined, innermost
 * first, with the line of the call in the function around it.  Debug info
 * can lie: a name that is missing is NULL, never a guess.
 */
#include "config.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <libiberty/demangle.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A demangled copy kept in h (freed with it), or the name itself; the
 * symbol version ("@@GLIBC_2.3.2") is dropped, it says nothing here. */
static const char *pretty_name(struct helper_result *h, const char *name)
{
	const char *at;

	if (name == NULL)
		return NULL;
	if ((name[0] == '_' && (name[1] == 'Z' || name[1] == 'R')) &&
	    h->nowned < sizeof h->owned / sizeof *h->owned) {
		char *d = cplus_demangle(name, DMGL_PARAMS | DMGL_AUTO);
		if (d != NULL) {
			h->owned[h->nowned++] = d;
			return d;
		}
	}
	at = strchr(name, '@');
	if (at != NULL && at != name &&
	    h->nowned < sizeof h->owned / sizeof *h->owned) {
		char *cut = strndup(name, (size_t)(at - name));
		if (cut != NULL) {
			h->owned[h->nowned++] = cut;
			return cut;
		}
	}
	return name;
}

/* The name of an inlined call: its linkage name demangled, else its plain
 * name, through DW_AT_abstract_origin. */
static const char *scope_name(struct helper_result *h, Dwarf_Die *die)
{
	Dwarf_Attribute attr;
	const char *name = NULL;

	if (dwarf_attr_integrate(die, DW_AT_linkage_name, &attr) != NULL ||
	    dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &attr) != NULL)
		name = dwarf_formstring(&attr);
	if (name != NULL)
		return pretty_name(h, name);
	if (dwarf_attr_integrate(die, DW_AT_name, &attr) != NULL)
		return dwarf_formstring(&attr);
	return NULL;
}

/* Where an inlined call was made: DW_AT_call_file / DW_AT_call_line. */
static void call_site(Dwarf_Die *cudie, Dwarf_Die *die, const char **file,
    int *line)
{
	Dwarf_Attribute attr;
	Dwarf_Word fidx, lno;
	Dwarf_Files *files;
	size_t nfiles;

	*file = NULL;
	*line = 0;
	if (dwarf_formudata(dwarf_attr(die, DW_AT_call_file, &attr), &fidx) != 0 ||
	    dwarf_formudata(dwarf_attr(die, DW_AT_call_line, &attr), &lno) != 0 ||
	    dwarf_getsrcfiles(cudie, &files, &nfiles) != 0 || fidx >= nfiles ||
	    lno == 0 || lno > INT32_MAX)
		return;
	*file = dwarf_filesrc(files, fidx, NULL, NULL);
	*line = *file ? (int)lno : 0;
}

static struct unwind_frame *frame_add(struct helper_result *h, uint64_t pc,
    const char *module)
{
	struct unwind_frame *f;

	if (h->r.nframes >= UNWIND_MAX_FRAMES)
		return NULL;
	f = &h->frames[h->r.nframes++];
	memset(f, 0, sizeof *f);
	f->pc = pc;
	f->module = module;
	return f;
}

/* The inlined calls at lookup, innermost first; *file and *line become
 * the call site in the function that holds them all. */
static void inlined_frames(struct helper_result *h, Dwfl_Module *mod,
    uint64_t pc, uint64_t lookup, const char *module, const char **file,
    int *line)
{
	Dwarf_Addr bias;
	Dwarf_Die *cudie = dwfl_module_addrdie(mod, lookup, &bias);
	Dwarf_Die *scopes = NULL;
	int n = cudie ? dwarf_getscopes(cudie, lookup - bias, &scopes) : 0;

	for (int i = 0; i < n; i++) {
		int tag = dwarf_tag(&scopes[i]);
		struct unwind_frame *f;

		if (tag == DW_TAG_subprogram)
			break;
		if (tag != DW_TAG_inlined_subroutine)
			continue;
		f = frame_add(h, pc, module);
		if (f == NULL)
			break;
		f->symbol = scope_name(h, &scopes[i]);
		f->file = *file;
		f->line = *line;
		f->inlined = true;
		call_site(cudie, &scopes[i], file, line);
	}
	free(scopes);
}

static void symbolize_one(Dwfl *dwfl, uint64_t pc, bool act,
    struct helper_result *h)
{
	uint64_t lookup = act ? pc : pc - 1;
	Dwfl_Module *mod = dwfl_addrmodule(dwfl, lookup);
	const char *module = NULL, *file = NULL, *sym = NULL;
	int line = 0;
	GElf_Off off = 0;
	GElf_Sym esym;
	struct unwind_frame *f;

	if (mod != NULL) {
		Dwfl_Line *l;

		module = dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL,
		    NULL, NULL);
		sym = dwfl_module_addrinfo(mod, lookup, &off, &esym, NULL,
		    NULL, NULL);
		l = dwfl_module_getsrc(mod, lookup);
		if (l != NULL)
			file = dwfl_lineinfo(l, NULL, &line, NULL, NULL, NULL);
		if (file == NULL || line <= 0) {
			file = NULL;
			line = 0;
		}
		inlined_frames(h, mod, pc, lookup, module, &file, &line);
	}
	f = frame_add(h, pc, module);
	if (f == NULL)
		return;
	f->symbol = pretty_name(h, sym);
	f->offset = f->symbol ? off + (pc - lookup) : 0;
	f->file = file;
	f->line = file ? line : 0;
}

void session_symbolize(struct session *s, const uint64_t *pcs,
    const bool *activation, size_t n, struct helper_result *h)
{
	struct symcache *cache;

	h->r.nframes = 0;
	h->r.has_frames = true;
	cache = session_symcache(s);

	for (size_t i = 0; i < n && h->r.nframes < UNWIND_MAX_FRAMES; i++) {
		size_t had = h->r.nframes, k;
		const struct unwind_frame *f = symcache_get(cache, pcs[i],
		    activation[i], &k);
		if (f == NULL) {
			symbolize_one(session_dwfl(s), pcs[i], activation[i], h);
			symcache_put(cache, pcs[i], activation[i],
			    &h->frames[had], h->r.nframes - had);
			continue;
		}
		for (size_t j = 0; j < k && h->r.nframes < UNWIND_MAX_FRAMES; j++)
			h->frames[h->r.nframes++] = f[j];
	}
}

void helper_result_clear(struct helper_result *h)
{
	for (size_t i = 0; i < h->nowned; i++)
		free(h->owned[i]);
	h->nowned = 0;
}
