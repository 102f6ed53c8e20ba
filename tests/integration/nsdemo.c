/*
 * nsdemo.c - the integration tests' fixture: a process whose threads live in
 * real namespaces, so tasktop can be checked against the live kernel.
 *
 *   nsdemo [--leader-exit] [--threads N] [--hostile] [--lifetime SECONDS]
 *          [--sleeper-exit SECONDS] [--netns NAME [--mover]
 *          [--born-after SECONDS]]
 *
 * Threads: "netns" (own network namespace; with --netns it setns()es into
 * /run/netns/NAME, as `ip netns exec` would, instead of unsharing a new
 * one), "utsns" (own UTS namespace), "acceptor" (blocked in accept(2) on
 * 127.0.0.1 of the leader's namespace), "sleeper" (nanosleep), N
 * "worker-%d" and, with --hostile, threads with hostile names.  --mover adds
 * a thread "mover" that switches between NAME and the leader's namespace
 * every 2 s; --born-after makes the netns thread create a thread "born"
 * that many seconds after start, which starts in NAME as its creator is.
 * --sleeper-exit ends the sleeper thread that many seconds after start (the
 * process lives on).
 * When all are set up it prints one line and waits to be killed (SIGTERM
 * exits 0):
 *
 *   pid=P netns=T utsns=T accept=T sleeper=T port=N[ mover=T][ hostile=T,T,…]
 *
 * Exit 77 (the automake "skip" status) when namespaces can't be created,
 * e.g. without root.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define EXIT_SKIP 77
#define THREAD_NAME_MAX 16		/* TASK_COMM_LEN, with the NUL */

/*
 * Names a terminal must never receive raw; each fits the kernel's 15 bytes
 * whole so the tests can expect it back exactly.  The tests (json_hostile.sh)
 * list the same names in the same order.
 */
static const char *const hostile_names[] = {
	"\x1b]0;pwn\x07",		/* set the terminal's title */
	"cls\x1b[2J",			/* clear the screen */
	"cr\rret",
	"tab\there",
	"bad\xff\xfe",			/* invalid UTF-8 */
	"\xe7\xba\xbf\xe7\xa8\x8b\xe5\x90\x8d\xe5\xad\x97",	/* 线程名字: 4 wide chars */
};
#define HOSTILE_COUNT (sizeof hostile_names / sizeof hostile_names[0])

struct role;
typedef void role_fn(struct role *r);

/* One thread: set up before everyone meets at the barrier, then run forever. */
struct role {
	char		 name[THREAD_NAME_MAX];
	role_fn		*setup;			/* NULL: nothing to set up */
	role_fn		*run;
	pid_t		 tid;
	int		 err;			/* errno of a failed setup, else 0 */
	const char	*failed;		/* the call that failed */
	int		 listen_fd;		/* acceptor only */
	int		 port;			/* acceptor only */
};

struct options {
	const char	*netns;			/* --netns NAME: setns there */
	bool		 mover;
	unsigned	 born_after;		/* seconds; 0: no "born" thread */
	unsigned	 sleeper_exit;		/* seconds; 0: the sleeper stays */
	bool		 leader_exit;
	long		 workers;
	bool		 hostile;
	unsigned	 lifetime;		/* seconds before SIGALRM ends a forgotten run */
};

/* The sleeper starts first so that, tids being handed out in order, the
 * lowest live tid after --leader-exit shares the leader's namespaces. */
enum fixed_role { ROLE_SLEEPER, ROLE_NETNS, ROLE_UTSNS, ROLE_ACCEPT, FIXED_ROLES };

static pthread_barrier_t all_set_up;
static struct options opts;
static int named_ns_fd = -1;		/* /run/netns/NAME, opened by main */
static int home_ns_fd = -1;		/* the leader's netns */

static void sleep_forever(struct role *r)
{
	struct timespec day = { .tv_sec = 86400 };

	(void)r;
	for (;;)
		nanosleep(&day, NULL);
}

/* The sleeper: forever, or until --sleeper-exit (its thread then ends). */
static void run_sleeper(struct role *r)
{
	if (opts.sleeper_exit == 0)
		sleep_forever(r);
	sleep(opts.sleeper_exit);
}

static void setup_failed(struct role *r, const char *call)
{
	r->err = errno;
	r->failed = call;
}

static void setup_netns(struct role *r)
{
	if (named_ns_fd >= 0) {
		if (setns(named_ns_fd, CLONE_NEWNET) != 0)
			setup_failed(r, "setns(/run/netns/NAME)");
	} else if (unshare(CLONE_NEWNET) != 0) {
		setup_failed(r, "unshare(CLONE_NEWNET)");
	}
}

static void *born_thread(void *arg)
{
	(void)arg;
	prctl(PR_SET_NAME, "born", 0, 0, 0);
	sleep_forever(NULL);
	return NULL;
}

/* A thread created now inherits this thread's namespaces: the Go runtime's
 * way of leaking a setns into threads nobody asked to move. */
static void run_netns(struct role *r)
{
	pthread_t born;

	if (opts.born_after > 0) {
		sleep(opts.born_after);
		pthread_create(&born, NULL, born_thread, NULL);
	}
	sleep_forever(r);
}

static void run_mover(struct role *r)
{
	(void)r;
	for (;;) {
		sleep(2);
		setns(named_ns_fd, CLONE_NEWNET);
		sleep(2);
		setns(home_ns_fd, CLONE_NEWNET);
	}
}

static void setup_utsns(struct role *r)
{
	static const char hostname[] = "nsdemo-uts";

	if (unshare(CLONE_NEWUTS) != 0)
		setup_failed(r, "unshare(CLONE_NEWUTS)");
	else if (sethostname(hostname, sizeof hostname - 1) != 0)
		setup_failed(r, "sethostname");
}

static void setup_acceptor(struct role *r)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	socklen_t addrlen = sizeof addr;

	r->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	if (r->listen_fd < 0)
		setup_failed(r, "socket");
	else if (bind(r->listen_fd, (struct sockaddr *)&addr, sizeof addr) != 0)
		setup_failed(r, "bind");
	else if (listen(r->listen_fd, 1) != 0)
		setup_failed(r, "listen");
	else if (getsockname(r->listen_fd, (struct sockaddr *)&addr,
	    &addrlen) != 0)
		setup_failed(r, "getsockname");
	else
		r->port = ntohs(addr.sin_port);
}

/* Stays in accept(2): a connection that does arrive is closed and waited for
 * again, so the thread's stack keeps showing the accept. */
static void run_acceptor(struct role *r)
{
	for (;;) {
		int fd = accept(r->listen_fd, NULL, NULL);
		if (fd >= 0)
			close(fd);
	}
}

static void *role_thread(void *arg)
{
	struct role *r = arg;

	r->tid = gettid();
	/* prctl rather than pthread_setname_np: the hostile names are taken
	 * as the raw bytes they are */
	if (prctl(PR_SET_NAME, r->name, 0, 0, 0) != 0)
		setup_failed(r, "prctl(PR_SET_NAME)");
	else if (r->setup != NULL)
		r->setup(r);
	pthread_barrier_wait(&all_set_up);
	r->run(r);
	return NULL;
}

static void role_init(struct role *r, const char *name, role_fn *setup,
    role_fn *run)
{
	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	r->setup = setup;
	r->run = run;
	r->listen_fd = -1;
}

/* The fixed roles first (enum fixed_role), then the workers, then the hostile
 * names; *count gets the total. */
static struct role *roles_create(const struct options *o, size_t *count)
{
	size_t nhostile = o->hostile ? HOSTILE_COUNT : 0;
	size_t n = FIXED_ROLES + (size_t)o->workers + nhostile + (o->mover ? 1 : 0);
	struct role *roles = calloc(n, sizeof *roles);

	if (roles == NULL) {
		perror("nsdemo: calloc");
		exit(EXIT_FAILURE);
	}
	role_init(&roles[ROLE_SLEEPER], "sleeper", NULL, run_sleeper);
	role_init(&roles[ROLE_NETNS], "netns", setup_netns, run_netns);
	role_init(&roles[ROLE_UTSNS], "utsns", setup_utsns, sleep_forever);
	role_init(&roles[ROLE_ACCEPT], "acceptor", setup_acceptor, run_acceptor);
	struct role *r = &roles[FIXED_ROLES];
	/* unsigned short: --threads caps the count, and the compiler can see
	 * that any such number fits the kernel's 15 bytes */
	for (unsigned short i = 0; i < o->workers; i++, r++) {
		role_init(r, "", NULL, sleep_forever);
		snprintf(r->name, sizeof r->name, "worker-%hu", i);
	}
	for (size_t i = 0; i < nhostile; i++, r++)
		role_init(r, hostile_names[i], NULL, sleep_forever);
	if (o->mover)
		role_init(r++, "mover", NULL, run_mover);
	*count = n;
	return roles;
}

static void roles_start(struct role *roles, size_t n)
{
	int err = pthread_barrier_init(&all_set_up, NULL, (unsigned)n + 1);

	for (size_t i = 0; err == 0 && i < n; i++) {
		pthread_t thread;
		err = pthread_create(&thread, NULL, role_thread, &roles[i]);
	}
	if (err != 0) {
		fprintf(stderr, "nsdemo: starting threads: %s\n", strerror(err));
		exit(EXIT_FAILURE);
	}
	pthread_barrier_wait(&all_set_up);
}

/* A namespace the kernel won't give us (no privilege, not built in) is a
 * reason to skip; anything else is a broken fixture. */
static void roles_check(const struct role *roles, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct role *r = &roles[i];
		if (r->err == 0)
			continue;
		bool skip = r->err == EPERM || r->err == EINVAL ||
		    r->err == ENOSYS;
		fprintf(stderr, "nsdemo: %s: %s: %s%s\n", r->name, r->failed,
		    strerror(r->err), skip ? " (needs root)" : "");
		exit(skip ? EXIT_SKIP : EXIT_FAILURE);
	}
}

static void print_ready_line(const struct role *roles, size_t n,
    const struct options *o)
{
	printf("pid=%d netns=%d utsns=%d accept=%d sleeper=%d port=%d",
	    (int)getpid(), (int)roles[ROLE_NETNS].tid,
	    (int)roles[ROLE_UTSNS].tid, (int)roles[ROLE_ACCEPT].tid,
	    (int)roles[ROLE_SLEEPER].tid, roles[ROLE_ACCEPT].port);
	if (o->mover)
		printf(" mover=%d", (int)roles[n - 1].tid);
	if (o->hostile) {
		const char *sep = " hostile=";
		size_t end = n - (o->mover ? 1 : 0);
		for (size_t i = end - HOSTILE_COUNT; i < end; i++, sep = ",")
			printf("%s%d", sep, (int)roles[i].tid);
	}
	putchar('\n');
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("nsdemo: stdout");
		exit(EXIT_FAILURE);
	}
}

static void exit_cleanly(int sig)
{
	(void)sig;
	_exit(EXIT_SUCCESS);
}

static void install_signal_handlers(unsigned lifetime)
{
	struct sigaction sa = { .sa_handler = exit_cleanly };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* a test that dies without its cleanup must not leave us behind
	 * (SIGALRM's default action ends the process) */
	alarm(lifetime);
}

static void usage_error(const char *msg)
{
	fprintf(stderr, "nsdemo: %s\n"
	    "usage: nsdemo [--leader-exit] [--threads N] [--hostile]"
	    " [--lifetime SECONDS]\n"
	    "       [--sleeper-exit SECONDS] [--netns NAME [--mover]"
	    " [--born-after SECONDS]]\n", msg);
	exit(2);
}

static long parse_count(const char *arg, long max, const char *what)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);

	if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > max)
		usage_error(what);
	return v;
}

static void parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "leader-exit", no_argument, NULL, 'x' },
		{ "threads", required_argument, NULL, 'n' },
		{ "hostile", no_argument, NULL, 'H' },
		{ "lifetime", required_argument, NULL, 'l' },
		{ "netns", required_argument, NULL, 'N' },
		{ "mover", no_argument, NULL, 'm' },
		{ "born-after", required_argument, NULL, 'b' },
		{ "sleeper-exit", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*o = (struct options){ .lifetime = 120 };
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'x': o->leader_exit = true; break;
		case 'n': o->workers = parse_count(optarg, 1000,
		    "--threads: want a count from 0 to 1000"); break;
		case 'H': o->hostile = true; break;
		case 'l': o->lifetime = (unsigned)parse_count(optarg, 86400,
		    "--lifetime: want seconds from 0 (forever) to 86400"); break;
		case 'N': o->netns = optarg; break;
		case 'm': o->mover = true; break;
		case 'b': o->born_after = (unsigned)parse_count(optarg, 3600,
		    "--born-after: want seconds from 0 to 3600"); break;
		case 's': o->sleeper_exit = (unsigned)parse_count(optarg, 3600,
		    "--sleeper-exit: want seconds from 0 to 3600"); break;
		default: usage_error("unknown option");
		}
	}
	if (optind != argc)
		usage_error("unexpected argument");
	if ((o->mover || o->born_after) && o->netns == NULL)
		usage_error("--mover and --born-after need --netns NAME");
}

/* Opened before any thread starts: every thread then has the fds. */
static void open_namespaces(const struct options *o)
{
	char path[4096];

	if (o->netns == NULL)
		return;
	snprintf(path, sizeof path, "/run/netns/%s", o->netns);
	named_ns_fd = open(path, O_RDONLY | O_CLOEXEC);
	home_ns_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (named_ns_fd < 0 || home_ns_fd < 0) {
		bool skip = errno == EACCES || errno == EPERM;
		fprintf(stderr, "nsdemo: %s: %s%s\n", path, strerror(errno),
		    skip ? " (needs root)" : "");
		exit(skip ? EXIT_SKIP : EXIT_FAILURE);
	}
}

int main(int argc, char **argv)
{
	struct options o;
	size_t n;

	parse_options(argc, argv, &o);
	opts = o;
	open_namespaces(&o);
	install_signal_handlers(o.lifetime);
	struct role *roles = roles_create(&o, &n);
	roles_start(roles, n);
	roles_check(roles, n);
	print_ready_line(roles, n, &o);
	/* the leader becomes a zombie while its threads live on (docs/ARCHITECTURE.md, "Leader exits") */
	if (o.leader_exit)
		pthread_exit(NULL);
	for (;;)
		pause();
}
