/*
 * ustack_fixture - a target for user-stack unwinding, built -O2 -g without
 * frame pointers so that only CFI can unwind it.  Its threads wait in named
 * noinline functions:
 *
 *   pool      --pool N threads in pthread_cond_wait (pool_wait_for_work)
 *   epoll     an epoll_wait loop (epoll_loop_wait)
 *   reader    a blocking pipe read (pipe_read_block)
 *   spinner   a busy loop that never sleeps (spin_forever)
 *   ticker    a SCHED_FIFO thread ticking every 1 ms that keeps the
 *             longest gap between two ticks (its own stops show there)
 *   dstate    with --dstate: a thread in D state, the parent of a vfork
 *             child that never execs (it waits killable, which no
 *             ptrace interrupt wakes)
 *
 * It prints one line "pid=P pool=T,T… epoll=T reader=T spinner=T
 * ticker=T [dstate=T]" once all are running.  --stats FILE maps FILE and keeps two
 * unsigned 64-bit counters there: ticks and the longest gap in ns (SIGUSR1
 * resets the gap).  --nodump makes it non-dumpable.  --lifetime S ends it.
 * The lines named in "LINE:" comments are what the tests look for.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_POOL 256
#define NOINLINE __attribute__((noinline, noclone))
/* The empty asm after a call keeps -O2 from making it a tail call, which
 * would take the caller out of the chain. */
#define NO_TAIL_CALL()	__asm__ volatile("" ::: "memory")

struct stats {
	_Atomic uint64_t ticks;
	_Atomic uint64_t max_gap_ns;
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_cond = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t ready_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cond = PTHREAD_COND_INITIALIZER;
static int ready;
static int pool_work;
static int pipe_fds[2];
static struct stats local_stats;
static struct stats *stats = &local_stats;
static volatile uint64_t spin_sink;

static int want_dstate;

static pid_t gettid_(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static void started(pid_t *slot)
{
	pthread_mutex_lock(&ready_lock);
	*slot = gettid_();
	ready++;
	pthread_cond_broadcast(&ready_cond);
	pthread_mutex_unlock(&ready_lock);
}

NOINLINE static void pool_wait_for_work(void)
{
	pthread_mutex_lock(&pool_lock);
	while (pool_work == 0)
		pthread_cond_wait(&pool_cond, &pool_lock);	/* LINE:pool */
	pthread_mutex_unlock(&pool_lock);
}

static void *pool_thread(void *arg)
{
	started(arg);
	for (;;)
		pool_wait_for_work();
	return NULL;
}

NOINLINE static int epoll_loop_wait(int ep)
{
	struct epoll_event ev;
	int n = epoll_wait(ep, &ev, 1, -1);	/* LINE:epoll */

	NO_TAIL_CALL();
	return n;
}

static void *epoll_thread(void *arg)
{
	int ep = epoll_create1(EPOLL_CLOEXEC);

	started(arg);
	for (;;)
		if (epoll_loop_wait(ep) < 0 && errno != EINTR)
			pause();
	return NULL;
}

NOINLINE static ssize_t pipe_read_block(int fd, char *buf, size_t len)
{
	ssize_t n = read(fd, buf, len);	/* LINE:reader */

	NO_TAIL_CALL();
	return n;
}

static void *reader_thread(void *arg)
{
	char buf[64];

	started(arg);
	for (;;)
		if (pipe_read_block(pipe_fds[0], buf, sizeof buf) == 0)
			pause();
	return NULL;
}

NOINLINE static void spin_forever(void)
{
	for (uint64_t i = 0;; i++)
		spin_sink = i * 2654435761u;	/* LINE:spinner */
}

static void *spinner_thread(void *arg)
{
	started(arg);
	spin_forever();
	return NULL;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

NOINLINE static void tick_sleep(void)
{
	struct timespec ms = { 0, 1000000 };

	clock_nanosleep(CLOCK_MONOTONIC, 0, &ms, NULL);
	NO_TAIL_CALL();
}

static void *ticker_thread(void *arg)
{
	struct sched_param sp = { .sched_priority = 10 };
	uint64_t last;

	/* Real-time where allowed: its gaps are then its own stops, not the
	 * scheduler's; without the privilege it ticks as a normal thread. */
	pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp);
	started(arg);
	last = now_ns();
	for (;;) {
		tick_sleep();
		uint64_t t = now_ns(), gap = t - last;
		last = t;
		atomic_fetch_add(&stats->ticks, 1);
		if (gap > atomic_load(&stats->max_gap_ns))
			atomic_store(&stats->max_gap_ns, gap);
	}
	return NULL;
}

/* The vfork child shares our memory and stack: it only makes system calls
 * until it dies with its parent thread. */
NOINLINE static void vfork_and_wait(pid_t *slot)
{
	started(slot);
	if (vfork() == 0) {
		struct timespec forever = { 1000000, 0 };

		syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
		for (;;)
			syscall(SYS_nanosleep, &forever, NULL);
	}
	NO_TAIL_CALL();
}

static void *dstate_thread(void *arg)
{
	vfork_and_wait(arg);
	return NULL;
}

static void reset_gap(int sig)
{
	(void)sig;
	atomic_store(&stats->max_gap_ns, 0);
}

static void stats_map(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || ftruncate(fd, sizeof *stats) < 0) {
		perror(path);
		exit(1);
	}
	stats = mmap(NULL, sizeof *stats, PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, 0);
	if (stats == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	close(fd);
}

static void spawn(void *(*fn)(void *), pid_t *slot)
{
	pthread_t t;

	if (pthread_create(&t, NULL, fn, slot) != 0) {
		perror("pthread_create");
		exit(1);
	}
}

static void print_line(const pid_t *pool, int npool, const pid_t *tids)
{
	printf("pid=%d pool=", (int)getpid());
	for (int i = 0; i < npool; i++)
		printf("%s%d", i ? "," : "", (int)pool[i]);
	printf(" epoll=%d reader=%d spinner=%d ticker=%d", (int)tids[0],
	    (int)tids[1], (int)tids[2], (int)tids[3]);
	if (want_dstate)
		printf(" dstate=%d", (int)tids[4]);
	printf("\n");
	fflush(stdout);
}

int main(int argc, char **argv)
{
	static pid_t pool[MAX_POOL], tids[5];
	int npool = 4, lifetime = 60;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--pool") == 0 && i + 1 < argc)
			npool = atoi(argv[++i]);
		else if (strcmp(argv[i], "--lifetime") == 0 && i + 1 < argc)
			lifetime = atoi(argv[++i]);
		else if (strcmp(argv[i], "--stats") == 0 && i + 1 < argc)
			stats_map(argv[++i]);
		else if (strcmp(argv[i], "--nodump") == 0)
			prctl(PR_SET_DUMPABLE, 0);
		else if (strcmp(argv[i], "--dstate") == 0)
			want_dstate = 1;
		else {
			fprintf(stderr, "usage: %s [--pool N] [--lifetime S] "
			    "[--stats FILE] [--nodump] [--dstate]\n", argv[0]);
			return 2;
		}
	}
	if (npool < 0 || npool > MAX_POOL)
		npool = 4;
	signal(SIGUSR1, reset_gap);
	if (pipe(pipe_fds) < 0)
		return 1;
	for (int i = 0; i < npool; i++)
		spawn(pool_thread, &pool[i]);
	spawn(epoll_thread, &tids[0]);
	spawn(reader_thread, &tids[1]);
	spawn(spinner_thread, &tids[2]);
	spawn(ticker_thread, &tids[3]);
	if (want_dstate)
		spawn(dstate_thread, &tids[4]);
	pthread_mutex_lock(&ready_lock);
	while (ready < npool + 4 + want_dstate)
		pthread_cond_wait(&ready_cond, &ready_lock);
	pthread_mutex_unlock(&ready_lock);
	print_line(pool, npool, tids);
	/* a signal (SIGUSR1) cuts a sleep short: sleep what is left */
	for (unsigned left = (unsigned)lifetime; left > 0;)
		left = sleep(left);
	return 0;
}
