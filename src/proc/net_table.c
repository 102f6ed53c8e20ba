/*
 * net_table.c - the listening sockets of /proc/<tid>/net/{tcp,tcp6,udp,udp6},
 * which show the network namespace of that thread (docs/ARCHITECTURE.md,
 * "Namespace names and contents").
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "scan.h"
#include "tasktop/nsinfo.h"

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
static bool parse_line(const char *line, size_t len, int family,
    struct netns_listener *l, unsigned *state, unsigned *rport)
{
	struct scan s = scan_init(line, len);
	unsigned long long sl, st, x, inode;
	uint8_t raddr[16];

	scan_blanks(&s);
	if (!scan_ull(&s, &sl) || !scan_char(&s, ':') || !scan_blanks(&s) ||
	    !scan_endpoint(&s, family, l->addr, &l->port) ||
	    !scan_blanks(&s) || !scan_endpoint(&s, family, raddr, rport) ||
	    !scan_blanks(&s) || !scan_hex(&s, &st) || st > 0xff ||
	    !scan_blanks(&s) || !scan_hex(&s, &x) || !scan_char(&s, ':') ||
	    !scan_hex(&s, &x) || !scan_blanks(&s) || !scan_hex(&s, &x) ||
	    !scan_char(&s, ':') || !scan_hex(&s, &x) || !scan_blanks(&s) ||
	    !scan_hex(&s, &x) || !scan_blanks(&s) || !scan_ull(&s, &x) ||
	    !scan_blanks(&s) || !scan_ull(&s, &x) || !scan_blanks(&s) ||
	    !scan_ull(&s, &inode))
		return false;
	l->family = family;
	l->inode = inode;
	*state = (unsigned)st;
	return true;
}

static bool is_header(const char *line, size_t len)
{
	struct scan s = scan_init(line, len);

	scan_blanks(&s);
	return scan_lit(&s, "sl ");
}

int proc_parse_net_sockets(const char *buf, size_t len, enum netns_proto proto,
    int family, struct netns_contents *c)
{
	struct scan s = scan_init(buf, len);
	const char *line;
	size_t n = scan_until(&s, '\n', &line);
	int parsed = 0;

	if ((family != AF_INET && family != AF_INET6) || !is_header(line, n))
		return -1;
	while (!scan_done(&s)) {
		struct netns_listener l = { .proto = proto };
		unsigned state, rport;
		n = scan_until(&s, '\n', &line);
		if (!parse_line(line, n, family, &l, &state, &rport))
			continue;
		parsed++;
		if (proto == NETNS_TCP ? state != TCP_LISTEN :
		    state != TCP_CLOSE || rport != 0)
			continue;
		if (c->nlisten < NETNS_LISTEN_MAX)
			c->listen[c->nlisten++] = l;
		else
			c->listen_truncated = true;
	}
	return parsed;
}
