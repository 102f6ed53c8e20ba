/*
 * live_proc.h - the live /proc as a proc root, opened once for a cmocka
 * group: for the tests that read or act on real tasks (this process and
 * the threads it starts).
 */
#ifndef TASKTOP_TEST_LIVE_PROC_H
#define TASKTOP_TEST_LIVE_PROC_H

#include "tasktop/procfs.h"

extern struct proc_root live_proc;

/* Group setup and teardown: cmocka_run_group_tests(t, live_proc_open,
 * live_proc_close). */
int live_proc_open(void **state);
int live_proc_close(void **state);

#endif
