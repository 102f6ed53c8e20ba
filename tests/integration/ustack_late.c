/*
 * ustack_late.c - a shared library that ustack_modules loads only when
 * asked (SIGUSR2), after a first unwind: a thread then waits in it, and a
 * second unwind must know the module that was not there before.
 */
#include <unistd.h>

__attribute__((noinline)) long late_wait(int fd)
{
	char buf[40];
	long n = (long)read(fd, buf, sizeof buf);	/* LINE:late */

	__asm__ volatile("" ::: "memory");
	return n + buf[0];
}
