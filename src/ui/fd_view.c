/*
 * fd_view.c - l: the selected process's open files, read natively (no
 * lsof): each fd's target from /proc/<pid>/fd, and for a socket its
 * protocol, addresses and the network namespace whose tables hold it.  The
 * tables are read through one thread of each network namespace the
 * process's threads are in (/proc/<pid>/task/<tid>/net/ shows that
 * thread's namespace), so a socket of a namespace no thread is in any more
 * is listed without them, and says so.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "tasktop/detail.h"
#include "tasktop/grow.h"
#include "tasktop/source.h"

#include "state.h"
#include "text_view.h"
#include "view_state.h"

struct sock_info {
	uint64_t	 inode;
	bool		 found;
	uint64_t	 netns;		/* inode of the namespace it was found in */
	char		 text[200];	/* protocol and addresses */
};

struct fd_scan {
	struct sock_info *socks;
	size_t		 nsocks;
	uint64_t	 netns;		/* the namespace being read */
};

static const char *const tcp_states[] = {
	"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
	"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
};

static int sock_cmp(const void *a, const void *b)
{
	const struct sock_info *x = a, *y = b;

	return (x->inode > y->inode) - (x->inode < y->inode);
}

static struct sock_info *find_sock(struct fd_scan *sc, uint64_t inode)
{
	struct sock_info key = { .inode = inode };

	return bsearch(&key, sc->socks, sc->nsocks, sizeof key, sock_cmp);
}

static void take_inet(void *arg, const struct net_socket *ns)
{
	struct fd_scan *sc = arg;
	struct sock_info *si = find_sock(sc, ns->inode);
	char l[NETNS_ADDR_TEXT], r[NETNS_ADDR_TEXT];
	const char *proto = ns->proto == NETNS_TCP ? "TCP" : "UDP";

	if (!si || si->found)
		return;
	netns_endpoint_text(ns->family, ns->laddr, ns->lport, l, sizeof l);
	netns_endpoint_text(ns->family, ns->raddr, ns->rport, r, sizeof r);
	si->found = true;
	si->netns = sc->netns;
	if (ns->proto == NETNS_TCP && ns->state == 10)
		snprintf(si->text, sizeof si->text, "%s%s %s LISTEN", proto,
		    ns->family == AF_INET6 ? "6" : "", l);
	else
		snprintf(si->text, sizeof si->text, "%s%s %s -> %s %s", proto,
		    ns->family == AF_INET6 ? "6" : "", l, r,
		    ns->proto == NETNS_UDP ? "" :
		    ns->state < sizeof tcp_states / sizeof tcp_states[0] ?
		    tcp_states[ns->state] : "?");
}

static void take_unix(void *arg, uint64_t inode, const char *path, size_t len)
{
	struct fd_scan *sc = arg;
	struct sock_info *si = find_sock(sc, inode);
	struct buf b;

	if (!si || si->found)
		return;
	si->found = true;
	si->netns = sc->netns;
	buf_init(&b);
	text_sanitize(&b, path, len, TEXT_ASCII);
	snprintf(si->text, sizeof si->text, "UNIX %s", len ? b.data : "(unnamed)");
	buf_free(&b);
}

/* The tables of the namespace thread tid is in. */
static void scan_netns(struct ui *ui, struct fd_scan *sc, int tgid, int tid,
    struct buf *tmp)
{
	struct detail_reader *r = source_detail(ui->src);

	for (size_t i = 0; i < net_inet_ntables; i++) {
		const struct net_inet_table *t = &net_inet_tables[i];

		if (detail_read_net_file(r, tgid, tid, t->name, tmp) == FIELD_OK)
			proc_parse_net_table(tmp->data, tmp->len, t->proto,
			    t->family, take_inet, sc);
	}
	if (detail_read_net_file(r, tgid, tid, "unix", tmp) == FIELD_OK)
		proc_parse_net_unix(tmp->data, tmp->len, take_unix, sc);
}

/* One thread of each network namespace of p, the leader's first. */
static void scan_namespaces(struct ui *ui, struct fd_scan *sc,
    const struct process *p)
{
	uint64_t seen[64];
	size_t nseen = 0;
	struct buf tmp;

	buf_init(&tmp);
	for (size_t i = 0; i < p->nthreads && nseen < 64; i++) {
		const struct task *t = p->threads[i];
		bool dup = false;

		if (task_ns_state(t, NS_NET) != FIELD_OK)
			continue;
		for (size_t j = 0; j < nseen; j++)
			dup = dup || seen[j] == task_ns_ino(t, NS_NET);
		if (dup)
			continue;
		seen[nseen++] = task_ns_ino(t, NS_NET);
		sc->netns = task_ns_ino(t, NS_NET);
		scan_netns(ui, sc, p->pid, t->tid, &tmp);
	}
	buf_free(&tmp);
}

static bool socket_inode(const char *target, uint64_t *inode)
{
	unsigned long long v = 0;
	const char *p;

	if (strncmp(target, "socket:[", 8) != 0)
		return false;
	for (p = target + 8; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (unsigned long long)(*p - '0');
	*inode = v;
	return *p == ']' && p > target + 8;
}

static const char *kind_of(const char *target)
{
	if (strncmp(target, "socket:", 7) == 0)
		return "socket";
	if (strncmp(target, "pipe:", 5) == 0)
		return "pipe";
	if (strncmp(target, "anon_inode:", 11) == 0)
		return "anon";
	if (strncmp(target, "/dev/", 5) == 0)
		return "device";
	return target[0] == '/' ? "file" : "other";
}

static void add_socket_line(struct ui *ui, const struct fd_entry *e,
    struct fd_scan *sc, uint64_t inode)
{
	const struct sock_info *si = find_sock(sc, inode);
	const struct ns_name *name;

	if (!si || !si->found) {
		text_view_addf(ui, "%5d  socket  %s  (in no table of this "
		    "process's network namespaces)", e->fd, e->target);
		return;
	}
	name = detail_ns_name(source_detail(ui->src), NS_NET, si->netns);
	text_view_addf(ui, "%5d  socket  %s  netns %llu%s%s%s", e->fd, si->text,
	    (unsigned long long)si->netns, name ? " (" : "",
	    name ? name->name : "", name ? ")" : "");
}

static void add_lines(struct ui *ui, const struct fd_entry *fds, size_t n,
    struct fd_scan *sc)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t inode;

		if (socket_inode(fds[i].target, &inode))
			add_socket_line(ui, &fds[i], sc, inode);
		else
			text_view_addf(ui, "%5d  %-6s  %s", fds[i].fd,
			    kind_of(fds[i].target), fds[i].target);
	}
}

void fd_view_open(struct ui *ui)
{
	const struct process *p = snapshot_process(ui->snap, ui->sel.pid);
	struct fd_entry *fds = NULL;
	size_t n = 0, cap = 0;
	struct fd_scan sc = { 0 };
	size_t cap_socks = 0;
	enum field_state st;

	if (!p) {
		ui_message(ui, true, "nothing selected");
		return;
	}
	st = detail_read_fds(source_detail(ui->src), p->pid, &fds, &n, &cap);
	if (st != FIELD_OK) {
		ui_message(ui, true, "open files of process %d: %s", p->pid,
		    st == FIELD_DENIED ? "permission denied (another user's "
		    "files need ptrace access: the same user, or "
		    "CAP_SYS_PTRACE)" : field_state_str(st));
		free(fds);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t inode;

		if (!socket_inode(fds[i].target, &inode))
			continue;
		grow_array(&sc.socks, &cap_socks, sc.nsocks + 1, sizeof *sc.socks);
		sc.socks[sc.nsocks++] = (struct sock_info){ .inode = inode };
	}
	if (sc.nsocks > 1)	/* none: socks is NULL, which qsort may not take */
		qsort(sc.socks, sc.nsocks, sizeof *sc.socks, sock_cmp);
	if (sc.nsocks > 0)
		scan_namespaces(ui, &sc, p);
	text_view_open(ui, "open files of process %d: %zu (any other key "
	    "closes)", p->pid, n);
	add_lines(ui, fds, n, &sc);
	free(sc.socks);
	free(fds);
}
