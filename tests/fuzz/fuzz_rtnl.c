/*
 * Fuzzes proc_parse_rtnl, the input taken as one netlink receive buffer:
 * whatever the lengths claim, the interfaces and addresses kept fit their
 * caps, names are NUL-terminated within IFNAMSIZ and prefixes within the
 * address.  Run twice over the same contents, the caps still hold.
 */
#include "config.h"

#include <sys/socket.h>

#include "fuzz.h"
#include "tasktop/nsinfo.h"

static void check_contents(const struct netns_contents *c)
{
	FUZZ_CHECK(c->nifs <= NETNS_IF_MAX && c->naddrs <= NETNS_ADDR_MAX);
	for (size_t i = 0; i < c->nifs; i++)
		FUZZ_CHECK(memchr(c->ifs[i].name, '\0',
		    sizeof c->ifs[i].name) != NULL);
	for (size_t i = 0; i < c->naddrs; i++) {
		const struct netns_addr *a = &c->addrs[i];
		FUZZ_CHECK(a->family == AF_INET || a->family == AF_INET6);
		FUZZ_CHECK(a->prefix <= (a->family == AF_INET ? 32u : 128u));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct netns_contents c;
	uint8_t *copy = (uint8_t *)fuzz_copy(data, size);

	memset(&c, 0, sizeof c);
	for (int round = 0; round < 2; round++) {
		enum rtnl_parse r = proc_parse_rtnl(copy, size, &c);
		FUZZ_CHECK(r == RTNL_MORE || r == RTNL_DONE || r == RTNL_ERROR);
		check_contents(&c);
	}
	free(copy);
	return 0;
}
