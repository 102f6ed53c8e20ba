/* live_proc.c - see live_proc.h */
#include "config.h"

#include "live_proc.h"

struct proc_root live_proc;

int live_proc_open(void **state)
{
	(void)state;
	return proc_root_open(&live_proc, "/proc");
}

int live_proc_close(void **state)
{
	(void)state;
	proc_root_close(&live_proc);
	return 0;
}
