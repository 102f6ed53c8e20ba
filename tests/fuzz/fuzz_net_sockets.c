/*
 * Fuzzes the socket tables the fd view reads (/proc/<tid>/net/{tcp,tcp6,
 * udp,udp6,unix}), the first byte choosing the table: every socket handed
 * over is a whole line's (no more than the lines there are), its ports fit
 * 16 bits, its addresses print within NETNS_ADDR_TEXT, a unix path lies
 * inside the input.
 */
#include "config.h"

#include <sys/socket.h>

#include "fuzz.h"
#include "tasktop/nsinfo.h"

struct ctx {
	const char	*buf;
	size_t		 size;
	size_t		 taken;
	int		 family;
};

static void take(void *arg, const struct net_socket *s)
{
	struct ctx *c = arg;
	char text[NETNS_ADDR_TEXT];

	c->taken++;
	FUZZ_CHECK(s->family == c->family);
	FUZZ_CHECK(s->lport <= 0xffff && s->rport <= 0xffff);
	FUZZ_CHECK(s->state <= 0xff);
	netns_endpoint_text(s->family, s->laddr, s->lport, text, sizeof text);
	FUZZ_CHECK(memchr(text, '\0', sizeof text) != NULL);
	netns_endpoint_text(s->family, s->raddr, s->rport, text, sizeof text);
	FUZZ_CHECK(memchr(text, '\0', sizeof text) != NULL);
}

static void take_unix(void *arg, uint64_t inode, const char *path, size_t len)
{
	struct ctx *c = arg;

	(void)inode;
	c->taken++;
	FUZZ_CHECK((path == NULL) == (len == 0));
	if (path)
		FUZZ_CHECK(path >= c->buf && path + len <= c->buf + c->size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t which = fuzz_take_byte(&data, &size) % 5;
	char *buf = fuzz_copy(data, size);
	struct ctx c = { buf, size, 0, which % 2 ? AF_INET6 : AF_INET };
	size_t lines = 1;
	int n;

	for (size_t i = 0; i < size; i++)
		lines += buf[i] == '\n';
	if (which == 4)
		n = proc_parse_net_unix(buf, size, take_unix, &c);
	else
		n = proc_parse_net_table(buf, size, which < 2 ? NETNS_TCP :
		    NETNS_UDP, c.family, take, &c);
	FUZZ_CHECK(n == -1 ? c.taken == 0 : (size_t)n == c.taken);
	FUZZ_CHECK(c.taken < lines);
	free(buf);
	return 0;
}
