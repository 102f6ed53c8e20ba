/*
 * Fuzzes proc_parse_net_sockets over the four tables: the listeners kept fit
 * the cap with a port below 65536, and a listening socket printed as the
 * kernel prints it (address and port from the input) comes back the same.
 */
#include "config.h"

#include <sys/socket.h>

#include "fuzz.h"
#include "tasktop/nsinfo.h"

static void check_whole_file(const char *buf, size_t len)
{
	static struct netns_contents c;
	static const int families[] = { AF_INET, AF_INET6 };

	memset(&c, 0, sizeof c);
	for (int p = NETNS_TCP; p <= NETNS_UDP; p++)
		for (int f = 0; f < 2; f++) {
			int n = proc_parse_net_sockets(buf, len, p, families[f], &c);
			FUZZ_CHECK(n >= -1);
		}
	FUZZ_CHECK(c.nlisten <= NETNS_LISTEN_MAX);
	for (size_t i = 0; i < c.nlisten; i++)
		FUZZ_CHECK(c.listen[i].port <= 0xffff);
}

static void check_round_trip(const uint8_t *data, size_t size)
{
	static struct netns_contents c;
	uint8_t addr[16] = { 0 };
	uint32_t w[4];
	unsigned port = size >= 2 ? (unsigned)data[0] << 8 | data[1] : 80;
	char line[512];

	memcpy(addr, size > 2 ? data + 2 : data, size > 18 ? 16 :
	    size > 2 ? size - 2 : 0);
	memcpy(w, addr, 16);
	int off = snprintf(line, sizeof line, "  sl  local_address rem_address\n"
	    "   0: %08X%08X%08X%08X:%04X 00000000000000000000000000000000:0000 "
	    "0A 00000000:00000000 00:00000000 00000000     0        0 4242 1\n",
	    w[0], w[1], w[2], w[3], port);
	memset(&c, 0, sizeof c);
	char *copy = fuzz_copy((const uint8_t *)line, (size_t)off);
	FUZZ_CHECK(proc_parse_net_sockets(copy, (size_t)off, NETNS_TCP, AF_INET6,
	    &c) == 1);
	FUZZ_CHECK(c.nlisten == 1 && c.listen[0].port == port &&
	    c.listen[0].inode == 4242 && memcmp(c.listen[0].addr, addr, 16) == 0);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_round_trip);
	return 0;
}
