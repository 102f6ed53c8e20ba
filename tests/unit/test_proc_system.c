/* The machine's files behind the meters, and the socket tables behind the
 * fd view: real kernel text, cut and damaged text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "tasktop/nsinfo.h"
#include "tasktop/proc.h"

static const char stat_text[] =
    "cpu  100 5 50 1000 20 1 2 3 0 0\n"
    "cpu0 60 5 30 400 10 1 1 2 0 0\n"
    "cpu1 40 0 20 600 10 0 1 1 0 0\n"
    "intr 12345 0 0 0\n"
    "ctxt 999\n"
    "procs_running 2\n";

static void test_cpustat(void **state)
{
	struct proc_cpustat c;

	(void)state;
	assert_int_equal(proc_parse_cpustat(stat_text, strlen(stat_text), &c), 0);
	assert_int_equal(c.ncpu, 2);
	assert_false(c.more);
	/* busy: user nice system irq softirq steal; idle: idle iowait */
	assert_int_equal(c.total.busy, 100 + 5 + 50 + 1 + 2 + 3);
	assert_int_equal(c.total.idle, 1020);
	assert_int_equal(c.cpu[0].busy, 60 + 5 + 30 + 1 + 1 + 2);
	assert_int_equal(c.cpu[1].idle, 610);
}

static void test_cpustat_damaged(void **state)
{
	struct proc_cpustat c = { .ncpu = 77 };
	const char *bad[] = {
		"",				/* no cpu line */
		"cpu  1 2\n",			/* too few fields */
		"cpu0 1 2 3 4\n",		/* no total */
		"cpu  1 2 3 4\ncpu0 1 2 3 4\ncpu0 1 2 3 4\n",	/* twice */
		"cpu  1 2 3 99999999999999999999999\n",	/* overflow */
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(proc_parse_cpustat(bad[i], strlen(bad[i]), &c), -1);
	assert_int_equal(c.ncpu, 77);	/* untouched */
	/* an offline CPU leaves a gap: the bars stop there, .more says so */
	assert_int_equal(proc_parse_cpustat("cpu  1 2 3 4\ncpu0 1 2 3 4\n"
	    "cpu2 1 2 3 4\n", 39, &c), 0);
	assert_int_equal(c.ncpu, 1);
	assert_true(c.more);
	/* cut in the middle of a cpu line: what was whole is kept */
	assert_int_equal(proc_parse_cpustat(stat_text, 60, &c), 0);
	assert_int_equal(c.ncpu, 1);
}

static void test_meminfo(void **state)
{
	static const char text[] =
	    "MemTotal:       24523100 kB\n"
	    "MemFree:        20000000 kB\n"
	    "MemAvailable:   22000000 kB\n"
	    "Buffers:          100000 kB\n"
	    "SwapTotal:       2097148 kB\n"
	    "SwapFree:        2097000 kB\n";
	struct proc_meminfo m;

	(void)state;
	assert_int_equal(proc_parse_meminfo(text, strlen(text), &m), 0);
	assert_int_equal(m.total_kb, 24523100);
	assert_int_equal(m.available_kb, 22000000);
	assert_int_equal(m.swap_total_kb, 2097148);
	assert_int_equal(m.swap_free_kb, 2097000);
	assert_int_equal(m.has, PROC_MEM_TOTAL | PROC_MEM_AVAILABLE |
	    PROC_MEM_SWAP_TOTAL | PROC_MEM_SWAP_FREE);
	assert_int_equal(proc_parse_meminfo("MemFree: 1 kB\n", 14, &m), -1);
	assert_int_equal(proc_parse_meminfo("MemTotal: x kB\n", 15, &m), -1);
	assert_int_equal(proc_parse_meminfo("MemTotal: 0 kB\n", 15, &m), -1);
}

static void test_uptime(void **state)
{
	double up = -1;

	(void)state;
	assert_int_equal(proc_parse_uptime("3723.45 7000.00\n", 16, &up), 0);
	assert_true(up > 3723.44 && up < 3723.46);
	assert_int_equal(proc_parse_uptime("12\n", 3, &up), 0);
	assert_true(up == 12);
	assert_int_equal(proc_parse_uptime("", 0, &up), -1);
	assert_int_equal(proc_parse_uptime("1e5 2\n", 6, &up), -1);
	assert_int_equal(proc_parse_uptime("-1 2\n", 5, &up), -1);
}

struct seen {
	struct net_socket socks[8];
	size_t		 n;
	uint64_t	 unix_inode[8];
	char		 unix_path[8][64];
	size_t		 nunix;
};

static void take(void *arg, const struct net_socket *s)
{
	struct seen *sn = arg;

	if (sn->n < 8)
		sn->socks[sn->n++] = *s;
}

static void take_unix(void *arg, uint64_t inode, const char *path, size_t len)
{
	struct seen *sn = arg;

	if (sn->nunix < 8) {
		sn->unix_inode[sn->nunix] = inode;
		memcpy(sn->unix_path[sn->nunix], path ? path : "", len < 63 ? len : 63);
		sn->nunix++;
	}
}

static void test_net_table(void **state)
{
	static const char tcp[] =
	    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
	    "retrnsmt   uid  timeout inode\n"
	    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 "
	    "00000000     0        0 4242 1 0000000000000000 100 0 0 10 0\n"
	    "   1: 0100007F:A000 0100007F:1F90 01 00000000:00000000 00:00000000 "
	    "00000000     0        0 4343 1 0000000000000000 20 4 30 10 -1\n"
	    "   2: garbage\n";
	struct seen sn = { .n = 0 };
	char text[NETNS_ADDR_TEXT];

	(void)state;
	assert_int_equal(proc_parse_net_table(tcp, strlen(tcp), NETNS_TCP,
	    AF_INET, take, &sn), 2);
	assert_int_equal(sn.n, 2);
	assert_int_equal(sn.socks[0].inode, 4242);
	assert_int_equal(sn.socks[0].state, 10);
	assert_int_equal(sn.socks[0].lport, 8080);
	assert_int_equal(sn.socks[1].rport, 8080);
	assert_int_equal(sn.socks[1].state, 1);
	netns_endpoint_text(AF_INET, sn.socks[1].raddr, sn.socks[1].rport, text,
	    sizeof text);
	assert_string_equal(text, "127.0.0.1:8080");
	assert_int_equal(proc_parse_net_table("no header\n", 10, NETNS_TCP,
	    AF_INET, take, &sn), -1);
}

static void test_net_unix(void **state)
{
	static const char text[] =
	    "Num       RefCount Protocol Flags    Type St Inode Path\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01 12345 /run/a b\n"
	    "0000000000000000: 00000003 00000000 00000000 0001 03 777\n"
	    "0000000000000000: 00000003 00000000\n";
	struct seen sn = { .n = 0 };

	(void)state;
	assert_int_equal(proc_parse_net_unix(text, strlen(text), take_unix, &sn), 2);
	assert_int_equal(sn.unix_inode[0], 12345);
	assert_string_equal(sn.unix_path[0], "/run/a b");
	assert_int_equal(sn.unix_inode[1], 777);
	assert_string_equal(sn.unix_path[1], "");
	assert_int_equal(proc_parse_net_unix("x\n", 2, take_unix, &sn), -1);
}

static void test_io_and_statm(void **state)
{
	static const char io[] = "rchar: 100\nwchar: 200\nsyscr: 3\nsyscw: 4\n"
	    "read_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n";
	struct proc_io v = { 1, 1 };
	unsigned long long shr = 5;

	(void)state;
	assert_int_equal(proc_parse_io(io, strlen(io), &v), 0);
	assert_int_equal(v.read_bytes, 4096);
	assert_int_equal(v.write_bytes, 8192);
	assert_int_equal(proc_parse_io("rchar: 1\n", 9, &v), -1);
	assert_int_equal(proc_parse_io("read_bytes: x\nwrite_bytes: 1\n", 30,
	    &v), -1);
	assert_int_equal(v.read_bytes, 4096);	/* untouched */
	assert_int_equal(proc_parse_statm("2000 500 300 10 0 400 0\n", 24,
	    &shr), 0);
	assert_int_equal(shr, 300);
	assert_int_equal(proc_parse_statm("2000 500", 8, &shr), -1);
	assert_int_equal(proc_parse_statm("2000 500 3x", 11, &shr), -1);
	assert_int_equal(shr, 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpustat),
		cmocka_unit_test(test_cpustat_damaged),
		cmocka_unit_test(test_meminfo),
		cmocka_unit_test(test_uptime),
		cmocka_unit_test(test_net_table),
		cmocka_unit_test(test_net_unix),
		cmocka_unit_test(test_io_and_statm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
