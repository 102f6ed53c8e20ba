/*
 * fixture.h - proc trees for unit tests.  A tree under tests/fixtures/proc/NAME
 * is copied to a fresh temporary directory; since a source tree can't carry
 * dangling symlinks through `make dist`, each file named "ns.links" becomes
 * the ns/ directory beside it: every line "TYPE TARGET" (e.g.
 * "net net:[4026531840]") a symlink ns/TYPE -> TARGET.
 * Trees can also be built (or amended) from code with fixture_write/_link.
 */
#ifndef TASKTOP_TEST_FIXTURE_H
#define TASKTOP_TEST_FIXTURE_H

#include <stddef.h>

/* Materialize tests/fixtures/proc/NAME (found through $top_srcdir, else the
 * source dir compiled in) into a new temp dir; returns its malloc'd path, or
 * aborts the test program on failure.  name NULL: an empty tree. */
char *fixture_tree(const char *name);
/* Write (creating parent directories) root/relpath with len bytes. */
void fixture_write(const char *root, const char *relpath, const char *data,
    size_t len);
/* Same with a NUL-terminated string. */
void fixture_writes(const char *root, const char *relpath, const char *text);
/* Symlink root/relpath -> target, creating parent directories. */
void fixture_link(const char *root, const char *relpath, const char *target);
/* rm -rf the tree and free the path. */
void fixture_remove(char *root);
/* Remove root/relpath and all below it (a task exiting): 0 or -1. */
int fixture_remove_path(const char *root, const char *relpath);

#endif
