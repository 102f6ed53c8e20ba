/*
 * debuginfo.c - a module's separate debug file (docs/ARCHITECTURE.md
 * "User stacks"): by its build ID under /usr/lib/debug/.build-id, else by
 * its .gnu_debuglink name where libdw's standard finder looks (the
 * module's directory, its .debug/, the same directory under
 * /usr/lib/debug), a candidate taken only when its build ID is the
 * module's.  The standard finder does the same and then asks the
 * debuginfod client, which it loads first (libdebuginfod with curl and a
 * TLS stack: ~10 ms of dynamic linking) even when no server is set.  That
 * is left to it only when the user asked for debuginfod.
 */
#include "config.h"

#include <elfutils/libdwelf.h>
#include <elfutils/libdwfl.h>
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

/* dir/sub/name opened when it is the module's; -1 else. */
static int try_path(const char *dir, const char *sub, const char *name,
    const unsigned char *id, int len, char **found)
{
	char path[PATH_MAX];
	int fd;
	struct stat st;

	if (snprintf(path, sizeof path, "%s%s/%s", dir, sub, name) >=
	    (int)sizeof path)
		return -1;
	/* the name comes from the module: a FIFO there must not block us */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !same_build_id(fd, id, len) || (*found = strdup(path)) == NULL) {
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
	fd = dwfl_build_id_find_debuginfo(mod, userdata, modname, base,
	    file_name, debuglink_file, debuglink_crc, debuginfo_file_name);
	if (fd >= 0)
		return fd;
	return by_debuglink(file_name, debuglink_file, id, len,
	    debuginfo_file_name);
}
