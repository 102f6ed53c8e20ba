/*
 * stackdemo - threads parked in known places, for the stack-group tests:
 *
 *   40 pool threads in pthread_cond_wait inside pool_worker(),
 *    3 spinners burning CPU in spin_loop() (at nice 19, to spare the
 *      machine),
 *    1 thread in epoll_wait() in epoll_loop(),
 *    1 thread in read() of a pipe nobody writes, in pipe_reader(),
 *   and the main thread in sigwaitinfo().
 *
 * It prints one line once every thread is in place:
 *   pid=P main=T pool=T,T,… spin=T,T,T epoll=T pipe=T
 * On SIGUSR1 one pool thread leaves the pool for released_worker()
 * (nanosleep), and it prints "released=T" once that thread is on its way.
 * SIGTERM, SIGINT or --lifetime SECONDS (default 60) end it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define POOL	40
#define SPIN	3

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int to_release;			/* pool threads asked to leave */
static int released_tid;		/* the last one that left */
static int started;

static int pool_tids[POOL], spin_tids[SPIN], epoll_tid, pipe_tid;
static int pipe_fds[2];

static void registered(int *slot, const char *name)
{
	pthread_setname_np(pthread_self(), name);
	pthread_mutex_lock(&lock);
	*slot = gettid();
	started++;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
}

static __attribute__((noinline)) void released_worker(void)
{
	struct timespec ts = { 3600, 0 };

	for (;;)
		nanosleep(&ts, NULL);
}

static __attribute__((noinline)) void pool_worker(int *slot)
{
	registered(slot, "pool");
	pthread_mutex_lock(&lock);
	while (to_release == 0)
		pthread_cond_wait(&work, &lock);
	to_release--;
	released_tid = gettid();
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	released_worker();
}

static void *pool_main(void *arg)
{
	pool_worker(arg);
	return NULL;
}

static __attribute__((noinline)) void spin_loop(void)
{
	volatile unsigned long n = 0;

	for (;;)
		n++;
}

static void *spin_main(void *arg)
{
	setpriority(PRIO_PROCESS, (id_t)gettid(), 19);
	registered(arg, "spin");
	spin_loop();
	return NULL;
}

static __attribute__((noinline)) void epoll_loop(int ep)
{
	struct epoll_event ev;

	for (;;)
		epoll_wait(ep, &ev, 1, -1);
}

static void *epoll_main(void *arg)
{
	int ep = epoll_create1(EPOLL_CLOEXEC);

	(void)arg;
	registered(&epoll_tid, "epoll");
	epoll_loop(ep);
	return NULL;
}

static __attribute__((noinline)) void pipe_reader(int fd)
{
	char c;

	while (read(fd, &c, 1) != 0)
		;
}

static void *pipe_main(void *arg)
{
	(void)arg;
	registered(&pipe_tid, "piper");
	pipe_reader(pipe_fds[0]);
	return NULL;
}

static void start(void *(*fn)(void *), void *arg)
{
	pthread_t t;

	if (pthread_create(&t, NULL, fn, arg) != 0) {
		perror("stackdemo: pthread_create");
		exit(1);
	}
	pthread_detach(t);
}

static void print_list(const char *name, const int *tids, int n)
{
	printf(" %s=", name);
	for (int i = 0; i < n; i++)
		printf("%s%d", i ? "," : "", tids[i]);
}

/* Once every thread is registered; pool and pipe threads then still have
 * a few instructions to their wait, so wait for their wchan. */
static void wait_started(void)
{
	pthread_mutex_lock(&lock);
	while (started < POOL + SPIN + 2)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
	usleep(100 * 1000);
}

static void release_one(void)
{
	pthread_mutex_lock(&lock);
	released_tid = 0;
	to_release++;
	pthread_cond_signal(&work);
	while (released_tid == 0)
		pthread_cond_wait(&changed, &lock);
	printf("released=%d\n", released_tid);
	fflush(stdout);
	pthread_mutex_unlock(&lock);
}

int main(int argc, char **argv)
{
	int lifetime = 60;
	sigset_t set;

	if (argc == 3 && strcmp(argv[1], "--lifetime") == 0)
		lifetime = atoi(argv[2]);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGALRM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (pipe(pipe_fds) != 0) {
		perror("stackdemo: pipe");
		return 1;
	}
	for (int i = 0; i < POOL; i++)
		start(pool_main, &pool_tids[i]);
	for (int i = 0; i < SPIN; i++)
		start(spin_main, &spin_tids[i]);
	start(epoll_main, NULL);
	start(pipe_main, NULL);
	wait_started();
	printf("pid=%d main=%d", getpid(), gettid());
	print_list("pool", pool_tids, POOL);
	print_list("spin", spin_tids, SPIN);
	printf(" epoll=%d pipe=%d\n", epoll_tid, pipe_tid);
	fflush(stdout);
	alarm((unsigned)lifetime);
	for (;;) {
		int sig = sigwaitinfo(&set, NULL);
		if (sig == SIGUSR1)
			release_one();
		else if (sig > 0)
			return 0;
		else if (errno != EINTR)
			return 1;
	}
}
