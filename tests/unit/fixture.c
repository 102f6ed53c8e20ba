/* fixture.c - see fixture.h */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"

#ifndef FIXTURE_SRCDIR
#define FIXTURE_SRCDIR "."
#endif

static void die(const char *what, const char *path)
{
	fprintf(stderr, "fixture: %s %s: %s\n", what, path, strerror(errno));
	abort();
}

static void mkdirs(const char *path)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) == -1 && errno != EEXIST)
			die("mkdir", tmp);
		*p = '/';
	}
	if (mkdir(tmp, 0755) == -1 && errno != EEXIST)
		die("mkdir", tmp);
}

static void mkparent(const char *path)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s", path);
	char *slash = strrchr(tmp, '/');
	if (slash != NULL && slash != tmp) {
		*slash = '\0';
		mkdirs(tmp);
	}
}

void fixture_write(const char *root, const char *relpath, const char *data,
    size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, relpath);
	mkparent(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1)
		die("open", path);
	if (len > 0 && write(fd, data, len) != (ssize_t)len)
		die("write", path);
	close(fd);
}

void fixture_writes(const char *root, const char *relpath, const char *text)
{
	fixture_write(root, relpath, text, strlen(text));
}

void fixture_link(const char *root, const char *relpath, const char *target)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, relpath);
	mkparent(path);
	unlink(path);
	if (symlink(target, path) == -1)
		die("symlink", path);
}

/* Turn DIR/ns.links into DIR/ns/TYPE symlinks. */
static void expand_ns_links(const char *links)
{
	FILE *f = fopen(links, "r");
	if (f == NULL)
		die("fopen", links);
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", links);
	*strrchr(dir, '/') = '\0';
	char line[512], type[64], target[400];
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%63s %399s", type, target) != 2)
			continue;
		char rel[128];
		snprintf(rel, sizeof rel, "ns/%s", type);
		fixture_link(dir, rel, target);
	}
	fclose(f);
	unlink(links);
}

static void copy_tree(const char *src, const char *dst)
{
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "cp -R '%s/.' '%s/' && find '%s' -name ns.links",
	    src, dst, dst);
	FILE *p = popen(cmd, "r");
	if (p == NULL)
		die("popen", src);
	char line[4096];
	while (fgets(line, sizeof line, p) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		expand_ns_links(line);
	}
	if (pclose(p) != 0) {
		errno = EIO;
		die("copy", src);
	}
}

char *fixture_tree(const char *name)
{
	char tmpl[] = "/tmp/tasktop-fixture-XXXXXX";
	if (mkdtemp(tmpl) == NULL)
		die("mkdtemp", tmpl);
	if (name != NULL) {
		const char *top = getenv("top_srcdir");
		char src[4096];
		snprintf(src, sizeof src, "%s/tests/fixtures/proc/%s",
		    top != NULL ? top : FIXTURE_SRCDIR, name);
		copy_tree(src, tmpl);
	}
	return strdup(tmpl);
}

static int rm_one(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	(void)st; (void)ftw;
	if (type == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

int fixture_remove_path(const char *root, const char *relpath)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", root, relpath);
	return nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

void fixture_remove(char *root)
{
	if (root == NULL)
		return;
	/* Fixtures may hold mode-000 files and dirs; make them removable. */
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null", root);
	if (system(cmd) != 0) {
		/* best effort: nftw reports what it can't remove */
	}
	nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(root);
}
