/*
 * rtnl.c - the interfaces and addresses of an rtnetlink dump (RTM_GETLINK,
 * RTM_GETADDR), from a socket created inside the namespace asked about
 * (docs/ARCHITECTURE.md, "Namespace names and contents").  The buffer is
 * untrusted bytes like any other: every length is checked against it and
 * headers are copied out, never read in place (it need not be aligned).
 */
#include "config.h"

#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>

#include "tasktop/nsinfo.h"

/* The attribute of type want among the attributes in [p, p + len). */
static const uint8_t *rta_find(const uint8_t *p, size_t len,
    unsigned short want, size_t *alen)
{
	while (len >= sizeof(struct rtattr)) {
		struct rtattr a;
		size_t step;

		memcpy(&a, p, sizeof a);
		if (a.rta_len < sizeof a || a.rta_len > len)
			return NULL;
		if (a.rta_type == want) {
			*alen = a.rta_len - sizeof a;
			return p + RTA_LENGTH(0);
		}
		step = RTA_ALIGN(a.rta_len);
		if (step >= len)
			break;
		p += step;
		len -= step;
	}
	return NULL;
}

static void take_link(const uint8_t *body, size_t len, struct netns_contents *c)
{
	struct ifinfomsg ifi;
	struct netns_if nif = { 0 };
	const uint8_t *name;
	size_t nlen;

	if (len < NLMSG_ALIGN(sizeof ifi))
		return;
	memcpy(&ifi, body, sizeof ifi);
	nif.index = ifi.ifi_index;
	nif.up = (ifi.ifi_flags & IFF_UP) != 0;
	nif.running = (ifi.ifi_flags & IFF_RUNNING) != 0;
	nif.loopback = (ifi.ifi_flags & IFF_LOOPBACK) != 0;
	name = rta_find(body + NLMSG_ALIGN(sizeof ifi),
	    len - NLMSG_ALIGN(sizeof ifi), IFLA_IFNAME, &nlen);
	if (name != NULL) {
		const uint8_t *nul = memchr(name, '\0', nlen);
		if (nul != NULL)
			nlen = (size_t)(nul - name);
		if (nlen > NETNS_IFNAME_MAX)
			nlen = NETNS_IFNAME_MAX;
		memcpy(nif.name, name, nlen);
	}
	if (c->nifs < NETNS_IF_MAX)
		c->ifs[c->nifs++] = nif;
	else
		c->ifs_truncated = true;
}

static void take_addr(const uint8_t *body, size_t len, struct netns_contents *c)
{
	struct ifaddrmsg ifa;
	struct netns_addr a = { 0 };
	const uint8_t *p;
	size_t alen, want;

	if (len < NLMSG_ALIGN(sizeof ifa))
		return;
	memcpy(&ifa, body, sizeof ifa);
	if (ifa.ifa_family != AF_INET && ifa.ifa_family != AF_INET6)
		return;
	want = ifa.ifa_family == AF_INET ? 4 : 16;
	body += NLMSG_ALIGN(sizeof ifa);
	len -= NLMSG_ALIGN(sizeof ifa);
	/* IFA_LOCAL is the address itself on a point-to-point link, where
	 * IFA_ADDRESS is the peer's; elsewhere they are the same */
	p = rta_find(body, len, IFA_LOCAL, &alen);
	if (p == NULL || alen != want)
		p = rta_find(body, len, IFA_ADDRESS, &alen);
	if (p == NULL || alen != want || ifa.ifa_prefixlen > want * 8)
		return;
	a.ifindex = (int)ifa.ifa_index;
	a.family = ifa.ifa_family;
	a.prefix = ifa.ifa_prefixlen;
	memcpy(a.addr, p, want);
	if (c->naddrs < NETNS_ADDR_MAX)
		c->addrs[c->naddrs++] = a;
	else
		c->addrs_truncated = true;
}

enum rtnl_parse proc_parse_rtnl(const void *buf, size_t len,
    struct netns_contents *c)
{
	const uint8_t *p = buf;

	while (len >= sizeof(struct nlmsghdr)) {
		struct nlmsghdr h;
		const uint8_t *body = p + NLMSG_HDRLEN;
		size_t blen, step;

		memcpy(&h, p, sizeof h);
		if (h.nlmsg_len < sizeof h || h.nlmsg_len > len)
			return RTNL_ERROR;
		blen = h.nlmsg_len - NLMSG_HDRLEN;
		switch (h.nlmsg_type) {
		case NLMSG_DONE:
			return RTNL_DONE;
		case NLMSG_ERROR:
			return RTNL_ERROR;
		case RTM_NEWLINK:
			take_link(body, blen, c);
			break;
		case RTM_NEWADDR:
			take_addr(body, blen, c);
			break;
		}
		step = NLMSG_ALIGN(h.nlmsg_len);
		if (step >= len)
			break;
		p += step;
		len -= step;
	}
	return RTNL_MORE;
}
