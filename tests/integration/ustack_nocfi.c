/*
 * ustack_nocfi.c - a shared library with no unwind information at all
 * (built without unwind tables, then .eh_frame, .eh_frame_hdr and
 * .debug_frame removed): a thread of ustack_modules waits in it, so the
 * unwinder has nothing to go on past its frame.
 */
#include <unistd.h>

/* Extern and called through dlsym: it can't be inlined into the caller.
 * The buffer makes it keep a stack frame of its own. */
__attribute__((noinline)) long nocfi_wait(int fd)
{
	char buf[40];
	long n = (long)read(fd, buf, sizeof buf);

	__asm__ volatile("" ::: "memory");
	return n + buf[0];
}
