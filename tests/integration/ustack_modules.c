/*
 * ustack_modules - a target whose threads wait inside shared libraries
 * loaded with dlopen (next to it, or in --libdir DIR):
 *
 *   nocfi     waits in libustack_nocfi.so, which has no unwind information,
 *             called from a function that keeps a frame pointer
 *   plain     waits in a pipe read of its own (fully unwindable)
 *   late      on SIGUSR2: libustack_late.so is loaded then, and a new
 *             thread waits in it (the process's maps change)
 *
 * It prints "pid=P nocfi=T plain=T" once both wait, and "late=T" when the
 * late thread runs.  --lifetime S ends it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline, noclone))
#define NO_TAIL_CALL()	__asm__ volatile("" ::: "memory")

typedef long (*wait_fn)(int);

static int pipe_fds[2];
static volatile sig_atomic_t want_late;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static pid_t started_tid;

static void started(void)
{
	pthread_mutex_lock(&lock);
	started_tid = (pid_t)syscall(SYS_gettid);
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
}

static wait_fn load(const char *dir, const char *lib, const char *sym)
{
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/%s", dir, lib);
	void *h = dlopen(path, RTLD_NOW);
	wait_fn fn = h ? (wait_fn)dlsym(h, sym) : NULL;
	if (fn == NULL) {
		fprintf(stderr, "%s: %s\n", path, dlerror());
		exit(1);
	}
	return fn;
}

/* With a frame pointer: libdw's fallback for a frame without CFI follows
 * rbp, which nocfi_wait leaves as this function's, and would go on from
 * there to start_thread as if nocfi_wait had been called by it. */
__attribute__((optimize("no-omit-frame-pointer")))
static void *library_thread(void *arg)
{
	wait_fn fn = (wait_fn)arg;

	started();
	for (;;)
		if (fn(pipe_fds[0]) <= 0)
			pause();
	return NULL;
}

NOINLINE static ssize_t plain_wait(int fd)
{
	char buf[8];
	ssize_t n = read(fd, buf, sizeof buf);

	NO_TAIL_CALL();
	return n;
}

static void *plain_thread(void *arg)
{
	(void)arg;
	started();
	for (;;)
		if (plain_wait(pipe_fds[0]) <= 0)
			pause();
	return NULL;
}

/* A thread running fn(arg); its tid once it runs. */
static pid_t spawn(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	pid_t tid;

	pthread_mutex_lock(&lock);
	started_tid = 0;
	if (pthread_create(&t, NULL, fn, arg) != 0) {
		perror("pthread_create");
		exit(1);
	}
	while (started_tid == 0)
		pthread_cond_wait(&cond, &lock);
	tid = started_tid;
	pthread_mutex_unlock(&lock);
	return tid;
}

static void on_usr2(int sig)
{
	(void)sig;
	want_late = 1;
}

int main(int argc, char **argv)
{
	char dir[PATH_MAX];
	int lifetime = 60;

	snprintf(dir, sizeof dir, "%s", argv[0]);
	char *slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lifetime") == 0 && i + 1 < argc)
			lifetime = atoi(argv[++i]);
		else if (strcmp(argv[i], "--libdir") == 0 && i + 1 < argc)
			snprintf(dir, sizeof dir, "%s", argv[++i]);
		else {
			fprintf(stderr, "usage: %s [--lifetime S] [--libdir DIR]\n",
			    argv[0]);
			return 2;
		}
	}
	if (pipe(pipe_fds) < 0)
		return 1;
	signal(SIGUSR2, on_usr2);
	pid_t nocfi = spawn(library_thread,
	    (void *)load(dir, "libustack_nocfi.so", "nocfi_wait"));
	pid_t plain = spawn(plain_thread, NULL);
	printf("pid=%d nocfi=%d plain=%d\n", (int)getpid(), (int)nocfi,
	    (int)plain);
	fflush(stdout);
	for (unsigned left = (unsigned)lifetime; left > 0;) {
		left = sleep(left);
		if (want_late) {
			want_late = 0;
			pid_t late = spawn(library_thread, (void *)load(dir,
			    "libustack_late.so", "late_wait"));
			printf("late=%d\n", (int)late);
			fflush(stdout);
		}
	}
	return 0;
}
