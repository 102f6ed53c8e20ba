/*
 * netns_read.c - what one thread's network namespace holds, read on demand
 * (docs/ARCHITECTURE.md, "Namespace names and contents").
 *
 * Interfaces and addresses come from rtnetlink on a socket that belongs to
 * the thread's namespace: a socket stays in the namespace it was created in,
 * so a helper thread enters the namespace (setns on the thread's ns/net),
 * creates the socket and exits; tasktop's own threads never move.  When the
 * namespace is tasktop's own, no helper is needed (nor any privilege).
 * Listeners come from /proc/<tid>/net/{tcp,tcp6,udp,udp6}, which show that
 * thread's namespace.  Everything is capped (struct netns_contents).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "ns_read.h"

#define NET_TABLE_CAP	(256 * 1024)	/* bytes of one socket table read */
#define RTNL_RECV_MAX	64		/* receive buffers of one dump */

struct enter {
	int		 nsfd;
	int		 sock;
	int		 err;
};

static void *enter_and_open(void *arg)
{
	struct enter *e = arg;

	if (setns(e->nsfd, CLONE_NEWNET) != 0) {
		e->err = errno;
		return NULL;
	}
	e->sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (e->sock < 0)
		e->err = errno;
	return NULL;	/* the thread, now in that namespace, ends here */
}

static bool same_netns_as_ours(int nsfd)
{
	struct stat theirs, ours;

	return fstat(nsfd, &theirs) == 0 &&
	    stat("/proc/self/ns/net", &ours) == 0 &&
	    theirs.st_ino == ours.st_ino && theirs.st_dev == ours.st_dev;
}

/* A NETLINK_ROUTE socket in the namespace of nsfd, or -errno. */
static int rtnl_socket_in(int nsfd)
{
	struct enter e = { .nsfd = nsfd, .sock = -1 };
	sigset_t all, old;
	pthread_t helper;
	int rc;

	if (same_netns_as_ours(nsfd)) {
		int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

		return fd < 0 ? -errno : fd;
	}
	/* the helper takes no signal meant for the event loop */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&helper, NULL, enter_and_open, &e);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		return -rc;
	pthread_join(helper, NULL);
	return e.sock >= 0 ? e.sock : -e.err;
}

static int rtnl_request(int sock, int type, int seq)
{
	struct {
		struct nlmsghdr	 h;
		struct rtgenmsg	 g;
	} req = {
		.h = { .nlmsg_len = NLMSG_LENGTH(sizeof(struct rtgenmsg)),
		    .nlmsg_type = (uint16_t)type,
		    .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		    .nlmsg_seq = (uint32_t)seq },
		.g = { .rtgen_family = AF_UNSPEC },
	};
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };

	return sendto(sock, &req, req.h.nlmsg_len, 0,
	    (struct sockaddr *)&kernel, sizeof kernel) < 0 ? -errno : 0;
}

/* One dump into c; stops at the caps (the rest is dropped with the socket). */
static int rtnl_dump(int sock, int type, int seq, struct netns_contents *c)
{
	uint8_t buf[32768];
	int rc = rtnl_request(sock, type, seq);

	for (int i = 0; rc == 0 && i < RTNL_RECV_MAX; i++) {
		ssize_t n = recv(sock, buf, sizeof buf, 0);
		if (n < 0)
			return errno == EINTR ? 0 : -errno;
		switch (proc_parse_rtnl(buf, (size_t)n, c)) {
		case RTNL_DONE:
			return 0;
		case RTNL_ERROR:
			return -EPROTO;
		case RTNL_MORE:
			break;
		}
		if (c->ifs_truncated && c->addrs_truncated)
			return 0;
	}
	if (rc == 0) {
		c->ifs_truncated = c->addrs_truncated = true;
	}
	return rc;
}

static void read_links(int nsfd, struct netns_contents *c)
{
	struct timeval deadline = { .tv_sec = 1 };
	int sock = rtnl_socket_in(nsfd), rc;

	if (sock < 0) {
		c->links_errno = -sock;
		c->links_state = field_state_from_errno(-sock);
		return;
	}
	/* a wedged namespace costs a second, not the event loop */
	setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &deadline, sizeof deadline);
	rc = rtnl_dump(sock, RTM_GETLINK, 1, c);
	if (rc == 0)
		rc = rtnl_dump(sock, RTM_GETADDR, 2, c);
	close(sock);
	c->links_errno = -rc;
	c->links_state = rc == 0 ? FIELD_OK : FIELD_UNAVAILABLE;
}

static enum field_state read_table(const struct proc_root *root, int tgid,
    int tid, const struct net_inet_table *t, struct netns_contents *c,
    char *buf)
{
	char name[16];
	size_t len = 0;
	enum field_state st;

	snprintf(name, sizeof name, "net/%s", t->name);
	st = proc_read_task_file(root, tgid, tid, name, buf, NET_TABLE_CAP, &len);
	if (st != FIELD_OK)
		return st;
	if (len + 1 >= NET_TABLE_CAP) {	/* cut: keep whole lines only */
		const char *nl = memrchr(buf, '\n', len);
		len = nl != NULL ? (size_t)(nl - buf) : 0;
		c->listen_truncated = true;
	}
	return proc_parse_net_sockets(buf, len, t->proto, t->family, c) < 0 ?
	    FIELD_UNAVAILABLE : FIELD_OK;
}

static void read_listeners(const struct proc_root *root, int tgid, int tid,
    struct netns_contents *c)
{
	char *buf = malloc(NET_TABLE_CAP);
	bool any = false;

	c->listen_state = FIELD_UNAVAILABLE;
	if (buf == NULL)
		return;
	for (size_t i = 0; i < net_inet_ntables; i++) {
		enum field_state st = read_table(root, tgid, tid,
		    &net_inet_tables[i], c, buf);
		if (st == FIELD_OK)
			any = true;
		else if (!any && st != FIELD_UNAVAILABLE)
			c->listen_state = st;	/* gone or denied says why */
	}
	if (any)
		c->listen_state = FIELD_OK;
	free(buf);
}

void proc_read_netns(const struct proc_root *root, int tgid, int tid,
    struct netns_contents *c)
{
	memset(c, 0, sizeof *c);
	c->links_state = FIELD_UNAVAILABLE;
	if (root->procfs) {
		int nsfd = proc_open_task_file(root, tgid, tid, "ns/net");
		if (nsfd < 0) {
			c->links_errno = -nsfd;
			c->links_state = field_state_from_errno(-nsfd);
		} else {
			/* the fd keeps the namespace alive while we read it */
			read_links(nsfd, c);
			close(nsfd);
		}
	}
	read_listeners(root, tgid, tid, c);
}
