// ustack_fixture_cxx - a C++ target whose thread waits in a namespaced
// member function, so that its frame must read ns::Class::method(int)
// once demangled.  Built -O2 -g without frame pointers.  Prints
// "pid=P waiter=T" once the thread waits; --lifetime S ends it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ns {

class Class {
public:
	explicit Class(int fd) : fd_(fd) {}
	__attribute__((noinline)) long method(int len);
private:
	int fd_;
};

long Class::method(int len)
{
	char buf[64];
	long n = read(fd_, buf, len < 64 ? len : 64);	// LINE:method

	__asm__ volatile("" ::: "memory");	// not a tail call
	return n;
}

}  // namespace ns

static int fds[2];
static volatile pid_t waiter;

static void *waiter_main(void *)
{
	ns::Class c(fds[0]);

	waiter = (pid_t)syscall(SYS_gettid);
	for (;;)
		if (c.method(16) == 0)
			pause();
	return nullptr;
}

int main(int argc, char **argv)
{
	int lifetime = 60;
	pthread_t t;

	if (argc == 3 && strcmp(argv[1], "--lifetime") == 0)
		lifetime = atoi(argv[2]);
	if (pipe(fds) != 0 || pthread_create(&t, nullptr, waiter_main, nullptr))
		return 1;
	while (waiter == 0)
		usleep(1000);
	printf("pid=%d waiter=%d\n", (int)getpid(), (int)waiter);
	fflush(stdout);
	sleep((unsigned)lifetime);
	return 0;
}
