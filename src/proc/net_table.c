/*
 * net_table.c - the sockets of /proc/<tid>/net/{tcp,tcp6,udp,udp6,unix},
 * which show the network namespace of that thread: its listeners
 * (docs/ARCHITECTURE.md, "Namespace names and contents") and every socket
 * by inode for the fd view ("Environment and open files").
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "scan.h"
#include "tasktop/nsinfo.h"

const struct net_inet_table net_inet_tables[] = {
	{ "tcp", NETNS_TCP, AF_INET }, { "tcp6", NETNS_TCP, AF_INET6 },
	{ "udp", NETNS_UDP, AF_INET }, { "udp6", NETNS_UDP, AF_INET6 },
};
const size_t net_inet_ntables =
    sizeof net_inet_tables / sizeof net_inet_tables[0];

#define TCP_LISTEN	0x0a	/* the kernel's TCP_LISTEN */
#define TCP_CLOSE	0x07	/* what an unconnected UDP socket shows */

/* Exactly n hex digits. */
static bool scan_hex_digits(struct scan *s, int n, uint32_t *v)
{
	uint32_t x = 0;

	if (s->end - s->p < n)
		return false;
	for (int i = 0; i < n; i++) {
		char c = s->p[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return false;
		x = x << 4 | (uint32_t)d;
	}
	s->p += n;
	*v = x;
	return true;
}

/*
 * "0100007F:1F90": the kernel prints each 32-bit word of the address as the
 * number it is in memory, so storing the words back in host order gives the
 * address's bytes.
 */
static bool scan_endpoint(struct scan *s, int family, uint8_t addr[16],
    unsigned *port)
{
	int words = family == AF_INET6 ? 4 : 1;
	uint32_t w, p;

	memset(addr, 0, 16);
	for (int i = 0; i < words; i++) {
		if (!scan_hex_digits(s, 8, &w))
			return false;
		memcpy(addr + 4 * i, &w, 4);
	}
	if (!scan_char(s, ':') || !scan_hex_digits(s, 4, &p))
		return false;
	*port = p;
	return true;
}

/* "  12: LOCAL REMOTE ST TX:RX TR:WHEN RETR UID TIMEOUT INODE …" */
static bool parse_line(const char *line, size_t len, struct net_socket *k)
{
	struct scan s = scan_init(line, len);
	unsigned long long sl, st, x, inode;

	scan_blanks(&s);
	if (!scan_ull(&s, &sl) || !scan_char(&s, ':') || !scan_blanks(&s) ||
	    !scan_endpoint(&s, k->family, k->laddr, &k->lport) ||
	    !scan_blanks(&s) ||
	    !scan_endpoint(&s, k->family, k->raddr, &k->rport) ||
	    !scan_blanks(&s) || !scan_hex(&s, &st) || st > 0xff ||
	    !scan_blanks(&s) || !scan_hex(&s, &x) || !scan_char(&s, ':') ||
	    !scan_hex(&s, &x) || !scan_blanks(&s) || !scan_hex(&s, &x) ||
	    !scan_char(&s, ':') || !scan_hex(&s, &x) || !scan_blanks(&s) ||
	    !scan_hex(&s, &x) || !scan_blanks(&s) || !scan_ull(&s, &x) ||
	    !scan_blanks(&s) || !scan_ull(&s, &x) || !scan_blanks(&s) ||
	    !scan_ull(&s, &inode))
		return false;
	k->inode = inode;
	k->state = (unsigned)st;
	return true;
}

static bool is_header(const char *line, size_t len)
{
	struct scan s = scan_init(line, len);

	scan_blanks(&s);
	return scan_lit(&s, "sl ");
}

/* TCP in state LISTEN, UDP bound but unconnected. */
static void take_listener(void *arg, const struct net_socket *k)
{
	struct netns_contents *c = arg;
	struct netns_listener l = { .proto = k->proto, .family = k->family,
	    .port = k->lport, .inode = k->inode };

	if (k->proto == NETNS_TCP ? k->state != TCP_LISTEN :
	    k->state != TCP_CLOSE || k->rport != 0)
		return;
	memcpy(l.addr, k->laddr, sizeof l.addr);
	if (c->nlisten < NETNS_LISTEN_MAX)
		c->listen[c->nlisten++] = l;
	else
		c->listen_truncated = true;
}

int proc_parse_net_sockets(const char *buf, size_t len, enum netns_proto proto,
    int family, struct netns_contents *c)
{
	return proc_parse_net_table(buf, len, proto, family, take_listener, c);
}

int proc_parse_net_table(const char *buf, size_t len, enum netns_proto proto,
    int family, void (*take)(void *arg, const struct net_socket *sock),
    void *arg)
{
	struct scan s = scan_init(buf, len);
	const char *line;
	size_t n = scan_until(&s, '\n', &line);
	int parsed = 0;

	if ((family != AF_INET && family != AF_INET6) || !is_header(line, n))
		return -1;
	while (!scan_done(&s)) {
		struct net_socket sock = { .proto = proto, .family = family };

		n = scan_until(&s, '\n', &line);
		if (!parse_line(line, n, &sock))
			continue;
		parsed++;
		take(arg, &sock);
	}
	return parsed;
}

/* "Num RefCount Protocol Flags Type St Inode Path": the path, when there
 * is one, runs to the end of the line (it may hold spaces). */
int proc_parse_net_unix(const char *buf, size_t len,
    void (*take)(void *arg, uint64_t inode, const char *path, size_t plen),
    void *arg)
{
	struct scan s = scan_init(buf, len);
	const char *line;
	size_t n = scan_until(&s, '\n', &line);
	int parsed = 0;

	if (n < 4 || memcmp(line, "Num ", 4) != 0)
		return -1;
	while (!scan_done(&s)) {
		struct scan l;
		unsigned long long x, inode;
		const char *path = NULL;
		size_t plen = 0;

		n = scan_until(&s, '\n', &line);
		l = scan_init(line, n);
		if (!scan_hex(&l, &x) || !scan_char(&l, ':'))
			continue;
		for (int f = 0; f < 5; f++)
			if (!scan_blanks(&l) || !scan_hex(&l, &x))
				goto next;
		if (!scan_blanks(&l) || !scan_ull(&l, &inode))
			continue;
		if (scan_blanks(&l) && !scan_done(&l)) {
			path = l.p;
			plen = (size_t)(l.end - l.p);
		}
		parsed++;
		take(arg, inode, path, plen);
next:		;
	}
	return parsed;
}
