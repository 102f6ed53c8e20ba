/*
 * debuginfo.c - a module's separate debug file (docs/ARCHITECTURE.md
 * "User stacks"): by its build ID under /usr/lib/debug/.build-id, else by
 * its .gnu_debuglink name where libdw's standard finder looks (the
 * module's directory, its .debug/, the same directory under
 * /usr/lib/debug), a candidate taken only when its build ID is the
 * module's.  The standard finder does the same and then asks the
 * debuginfod client, which it loads first (libdebuginfod with curl and a
 * TLS stack: ~10 ms of dynamic linking) even when no server is set.  That
 * is left to it only when the user asked for debuginfod.  A debug file
 * with compressed DWARF is handed to libdw as an uncompressed image of it
 * (imagecache.c), started as soon as a thread's pcs name its module
 * (debuginfo_prefetch); the plain file when there is none.
 */
#include "config.h"

#include <elfutils/libdwelf.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define DEBUGINFO_ROOT	"/usr/lib/debug"

static bool use_debuginfod;

void debuginfo_use_debuginfod(bool on)
{
	use_debuginfod = on;
}

/* Is the file open on fd the debug file of the module with build ID id? */
static bool same_build_id(int fd, const unsigned char *id, int len)
{
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	const void *got = NULL;
	ssize_t n = elf ? dwelf_elf_gnu_build_id(elf, &got) : -1;
	bool same = n == len && memcmp(got, id, (size_t)len) == 0;

	elf_end(elf);
	return same;
}

/*
 * path opened for reading when it is a regular file.  The name comes from
 * the module, next to it in a directory its owner may write: a link there
 * to a FIFO or a device must not be opened (an open is no harmless look: it
 * lets a FIFO's writer through, starts a watchdog, rewinds a tape), so the
 * file is taken with O_PATH, looked at, and only then opened, through that
 * descriptor (no second walk of the path that could meet another file).
 */
static int open_regular(const char *path)
{
	char self[64];
	struct stat st;
	int at = open(path, O_PATH | O_CLOEXEC), fd = -1;

	if (at < 0)
		return -1;
	if (fstat(at, &st) == 0 && S_ISREG(st.st_mode) &&
	    snprintf(self, sizeof self, "/proc/self/fd/%d", at) < (int)sizeof self)
		fd = open(self, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	close(at);
	return fd;
}

/* dir/sub/name opened when it is the module's; -1 else. */
static int try_path(const char *dir, const char *sub, const char *name,
    const unsigned char *id, int len, char **found)
{
	char path[PATH_MAX];
	int fd;

	if (snprintf(path, sizeof path, "%s%s/%s", dir, sub, name) >=
	    (int)sizeof path)
		return -1;
	fd = open_regular(path);
	if (fd < 0)
		return -1;
	if (!same_build_id(fd, id, len) || (*found = strdup(path)) == NULL) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The .gnu_debuglink name (or "<file>.debug") next to the module, in its
 * .debug/, and under DEBUGINFO_ROOT. */
static int by_debuglink(const char *file_name, const char *link,
    const unsigned char *id, int len, char **found)
{
	char dir[PATH_MAX], local[PATH_MAX];
	const char *slash = file_name ? strrchr(file_name, '/') : NULL;
	int fd;

	if (slash == NULL || slash == file_name ||
	    (size_t)(slash - file_name) >= sizeof dir)
		return -1;
	memcpy(dir, file_name, (size_t)(slash - file_name));
	dir[slash - file_name] = '\0';
	if (link == NULL) {
		if (snprintf(local, sizeof local, "%s.debug", slash + 1) >=
		    (int)sizeof local)
			return -1;
		link = local;
	}
	if (strchr(link, '/') != NULL)	/* a dwz file's path: by build ID only */
		return -1;
	fd = try_path(dir, "", link, id, len, found);
	if (fd < 0)
		fd = try_path(dir, "/.debug", link, id, len, found);
	if (fd < 0) {
		char under[PATH_MAX];
		if (snprintf(under, sizeof under, "%s%s", DEBUGINFO_ROOT, dir) <
		    (int)sizeof under)
			fd = try_path(under, "", link, id, len, found);
	}
	return fd;
}

/* /usr/lib/debug/.build-id/xx/rest.debug, when it is the module's: what
 * dwfl_build_id_find_debuginfo opens, without leaving its Elf in the
 * module (libdw would then use it, whatever fd the callback returns). */
static int by_build_id(const unsigned char *id, int len, char **found)
{
	char dir[64], name[2 * 64 + 8];
	static const char hex[] = "0123456789abcdef";
	size_t k = 0;

	if (len < 2 || len > 64)
		return -1;
	snprintf(dir, sizeof dir, "/.build-id/%c%c", hex[id[0] >> 4],
	    hex[id[0] & 15]);
	for (int i = 1; i < len; i++) {
		name[k++] = hex[id[i] >> 4];
		name[k++] = hex[id[i] & 15];
	}
	memcpy(name + k, ".debug", sizeof ".debug");
	return try_path(DEBUGINFO_ROOT, dir, name, id, len, found);
}

/* The module's debug file: by build ID, else by its debuglink. */
static int locate(const unsigned char *id, int len, const char *file_name,
    const char *link, char **found)
{
	int fd = by_build_id(id, len, found);

	return fd >= 0 ? fd : by_debuglink(file_name, link, id, len, found);
}

/* Does the main file hold its own DWARF?  Then libdw never asks for
 * another file. */
static bool has_own_dwarf(Elf *elf)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf == NULL || elf_getshdrstrndx(elf, &shstrndx) != 0)
		return false;
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;
		if (gelf_getshdr(scn, &sh) == NULL || sh.sh_type == SHT_NOBITS)
			continue;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name != NULL && strcmp(name, ".debug_info") == 0)
			return true;
	}
	return false;
}

void debuginfo_prefetch(Dwfl_Module *mod)
{
	const unsigned char *id = NULL;
	const char *main_name = NULL, *debug_name = NULL, *link;
	GElf_Addr vaddr;
	GElf_Word crc;
	Dwarf_Addr bias;
	/* the ELF first: its build ID is read with it */
	Elf *elf = use_debuginfod ? NULL : dwfl_module_getelf(mod, &bias);
	int len = elf ? dwfl_module_build_id(mod, &id, &vaddr) : 0;
	char *found = NULL;
	int fd;

	if (len <= 0 || imagecache_known(id, len))
		return;
	dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, &main_name,
	    &debug_name);
	if (debug_name != NULL)
		return;
	if (has_own_dwarf(elf)) {	/* libdw asks for no other file */
		imagecache_start(id, len, -1, "");
		return;
	}
	link = dwelf_elf_gnu_debuglink(elf, &crc);
	fd = locate(id, len, main_name, link, &found);
	if (fd >= 0)
		imagecache_start(id, len, fd, found);
	else	/* none: remembered as plain, not looked for again */
		imagecache_start(id, len, -1, "");
	free(found);
}

/* libdw asks for a module's debug file, or (with mod's DWARF already open)
 * for its dwz alternate file, naming that file's link instead of the main
 * file's: only the former may be an image. */
static bool asks_for_debug_file(Dwfl_Module *mod, const char *debuglink_file)
{
	Dwarf_Addr bias;
	GElf_Word crc;
	Elf *elf = dwfl_module_getelf(mod, &bias);

	return elf != NULL && dwelf_elf_gnu_debuglink(elf, &crc) == debuglink_file;
}

int debuginfo_find(Dwfl_Module *mod, void **userdata, const char *modname,
    Dwarf_Addr base, const char *file_name, const char *debuglink_file,
    GElf_Word debuglink_crc, char **debuginfo_file_name)
{
	const unsigned char *id = NULL;
	GElf_Addr vaddr;
	int len = dwfl_module_build_id(mod, &id, &vaddr);
	int fd;

	/* without a build ID the standard finder never asks debuginfod */
	if (use_debuginfod || len <= 0)
		return dwfl_standard_find_debuginfo(mod, userdata, modname,
		    base, file_name, debuglink_file, debuglink_crc,
		    debuginfo_file_name);
	if (asks_for_debug_file(mod, debuglink_file)) {
		if (!imagecache_known(id, len)) {	/* not prefetched: now */
			char *found = NULL;
			fd = locate(id, len, file_name, debuglink_file, &found);
			if (fd < 0)
				return -1;
			imagecache_start(id, len, fd, found);
			free(found);
		}
		fd = imagecache_take(id, len, debuginfo_file_name);
		if (fd >= 0)
			return fd;
		return locate(id, len, file_name, debuglink_file,
		    debuginfo_file_name);
	}
	fd = dwfl_build_id_find_debuginfo(mod, userdata, modname, base,
	    file_name, debuglink_file, debuglink_crc, debuginfo_file_name);
	if (fd >= 0)
		return fd;
	return by_debuglink(file_name, debuglink_file, id, len,
	    debuginfo_file_name);
}
