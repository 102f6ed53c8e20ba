/*
 * The namespace-name and netns-contents parsers against real-looking input:
 * mountinfo's nsfs mounts, cgroup paths of each runtime and unit, the
 * /proc/net socket tables and rtnetlink dumps built here message by message.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>

#include "tasktop/nsinfo.h"

/* ---- mountinfo ---- */

struct mounts {
	struct nsfs_mount m[8];
	size_t		 n;
};

static void collect(const struct nsfs_mount *m, void *arg)
{
	struct mounts *ms = arg;

	if (ms->n < 8)
		ms->m[ms->n++] = *m;
}

static const char mountinfo[] =
    "22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw\n"
    "597 28 0:25 /netns /run/netns rw,nosuid,nodev shared:5 - tmpfs tmpfs rw\n"
    "612 597 0:4 net:[4026532318] /run/netns/qa1 rw shared:245 - nsfs nsfs rw\n"
    "613 597 0:4 net:[4026532400] /run/netns/with\\040space\\134x rw - nsfs nsfs rw\n"
    "614 28 0:4 net:[4026532318] /run/docker/netns/3f2a91c4e1b2 rw - nsfs nsfs rw\n"
    "615 28 0:4 uts:[4026532500] /tmp/uts rw master:1 shared:2 - nsfs nsfs rw\n"
    "616 28 0:4 net:[notanumber] /run/netns/bad rw - nsfs nsfs rw\n"
    "617 28 0:4 net:[4026532600] /run/netns/noseparator rw nsfs nsfs rw\n"
    "618 28 0:3 net:[4026532601] /old rw - proc proc rw\n";

static void test_mountinfo_nsfs(void **state)
{
	struct mounts ms = { .n = 0 };

	(void)state;
	assert_int_equal(proc_parse_mountinfo_nsfs(mountinfo,
	    sizeof mountinfo - 1, collect, &ms), 5);
	assert_int_equal(ms.m[0].type, NS_NET);
	assert_int_equal(ms.m[0].ino, 4026532318ULL);
	assert_int_equal(ms.m[0].dev_major, 0);
	assert_int_equal(ms.m[0].dev_minor, 4);
	assert_string_equal(ms.m[0].path, "/run/netns/qa1");
	assert_string_equal(ms.m[1].path, "/run/netns/with space\\x");
	assert_int_equal(ms.m[1].path_len, strlen("/run/netns/with space\\x"));
	assert_string_equal(ms.m[2].path, "/run/docker/netns/3f2a91c4e1b2");
	assert_int_equal(ms.m[3].type, NS_UTS);
	assert_int_equal(ms.m[3].ino, 4026532500ULL);
	/* before 3.19 ns bind mounts showed as proc */
	assert_int_equal(ms.m[4].ino, 4026532601ULL);
	assert_int_equal(ms.m[4].dev_minor, 3);
}

static void test_mountinfo_escape_and_control_bytes(void **state)
{
	/* mountinfo escapes only space, tab, newline, backslash: an ESC in
	 * a name comes raw and stays raw here (sanitized when shown) */
	static const char line[] = "1 2 0:4 net:[7] /run/netns/a\\012\x1b[2Jb"
	    " rw - nsfs nsfs rw";
	struct mounts ms = { .n = 0 };

	(void)state;
	assert_int_equal(proc_parse_mountinfo_nsfs(line, sizeof line - 1,
	    collect, &ms), 1);
	assert_string_equal(ms.m[0].path, "/run/netns/a\n\x1b[2Jb");
}

static void test_mount_rank(void **state)
{
	const char *name;
	size_t len;

	(void)state;
	assert_int_equal(nsfs_mount_rank("/run/netns/qa1", 14, &name, &len), 3);
	assert_int_equal(len, 3);
	assert_memory_equal(name, "qa1", 3);
	assert_int_equal(nsfs_mount_rank("/var/run/netns/x", 16, &name, &len), 3);
	assert_int_equal(nsfs_mount_rank("/run/docker/netns/abc", 21, &name,
	    &len), 2);
	assert_memory_equal(name, "abc", 3);
	assert_int_equal(nsfs_mount_rank("/run/netns/a/b", 14, &name, &len), 1);
	assert_int_equal(nsfs_mount_rank("/tmp/ns", 7, &name, &len), 0);
	assert_int_equal(nsfs_mount_rank("/tmp/", 5, &name, &len), -1);
}

/* ---- cgroup ---- */

static void classify(const char *path, enum cgroup_kind kind, const char *id)
{
	struct cgroup_unit u;

	cgroup_classify_path(path, strlen(path), &u);
	assert_int_equal(u.kind, kind);
	if (id != NULL) {
		assert_int_equal(u.id_len, strlen(id));
		assert_memory_equal(u.id, id, u.id_len);
	}
}

#define ID64 "3f2a91c4e1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829a0b1c2"

static void test_cgroup_paths(void **state)
{
	(void)state;
	classify("/system.slice/docker-" ID64 ".scope", CGROUP_DOCKER, ID64);
	classify("/docker/" ID64, CGROUP_DOCKER, ID64);
	classify("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-"
	    "pod1234.slice/cri-containerd-" ID64 ".scope", CGROUP_CONTAINERD,
	    ID64);
	classify("/kubepods.slice/kubepods-pod1.slice/crio-" ID64 ".scope",
	    CGROUP_CRIO, ID64);
	classify("/kubepods.slice/crio-conmon-" ID64 ".scope", CGROUP_NONE, NULL);
	classify("/user.slice/user-1000.slice/user@1000.service/user.slice/"
	    "libpod-" ID64 ".scope/container", CGROUP_PODMAN, ID64);
	classify("/machine.slice/machine-qemu\\x2d1\\x2dvm.scope",
	    CGROUP_MACHINE, "qemu\\x2d1\\x2dvm");
	classify("/lxc.payload.web1/init.scope", CGROUP_LXC, "web1");
	classify("/lxc/web2", CGROUP_LXC, "web2");
	classify("/system.slice/ssh.service", CGROUP_SERVICE, "ssh.service");
	classify("/user.slice/user-1000.slice/user@1000.service/app.slice/"
	    "foo.service", CGROUP_SERVICE, "foo.service");
	classify("/user.slice/user-1000.slice/session-42.scope", CGROUP_SESSION,
	    "42");
	classify("/init.scope", CGROUP_NONE, NULL);
	classify("/", CGROUP_NONE, NULL);
	classify("/system.slice/docker-.scope", CGROUP_NONE, NULL);
	/* ".scope" overlapping the prefix's dot: the name is "scope" (a fuzz
	 * finding: the length went below zero and 127 bytes were copied) */
	classify("/lxc.payload.scope/init.scope", CGROUP_LXC, "scope");
}

static void test_cgroup_file(void **state)
{
	static const char v2[] = "0::/system.slice/ssh.service\n";
	static const char v1[] = "12:pids:/user.slice\n"
	    "11:cpu,cpuacct:/docker/" ID64 "\n"
	    "1:name=systemd:/system.slice/docker.service\n";
	static const char hybrid[] = "1:name=systemd:/system.slice/x.service\n"
	    "0::/system.slice/docker-" ID64 ".scope\n";
	static const char empty_v2[] = "4:memory:/docker/" ID64 "\n0::/\n";
	struct cgroup_unit u;

	(void)state;
	assert_int_equal(proc_parse_cgroup(v2, sizeof v2 - 1, &u), 0);
	assert_int_equal(u.kind, CGROUP_SERVICE);
	assert_int_equal(proc_parse_cgroup(v1, sizeof v1 - 1, &u), 0);
	assert_int_equal(u.kind, CGROUP_DOCKER);
	assert_int_equal(cgroup_short_id_len(&u), 12);
	assert_int_equal(proc_parse_cgroup(hybrid, sizeof hybrid - 1, &u), 0);
	assert_int_equal(u.kind, CGROUP_DOCKER);
	assert_int_equal(proc_parse_cgroup(empty_v2, sizeof empty_v2 - 1, &u), 0);
	assert_int_equal(u.kind, CGROUP_DOCKER);
	assert_int_equal(proc_parse_cgroup("0::/\n", 4, &u), 0);
	assert_int_equal(u.kind, CGROUP_NONE);
	assert_int_equal(proc_parse_cgroup("garbage", 7, &u), -1);
	assert_int_equal(proc_parse_cgroup("1:x\n", 4, &u), -1);
	assert_int_equal(u.kind, CGROUP_NONE);
	assert_string_equal(cgroup_kind_name(CGROUP_PODMAN), "podman");
	assert_null(cgroup_kind_name(CGROUP_NONE));
}

/* ---- socket tables ---- */

static const char tcp[] =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0\n"
    "   1: 0100007F:1F90 0100007F:D2B4 01 00000000:00000000 00:00000000 00000000     0        0 12346 1 0000000000000000 20 4 30 10 -1\n"
    "   2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1 0000000000000000 100 0 0 10 0\n"
    "   3: garbage\n";
static const char udp6[] =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
    "  10: 00000000000000000000000001000000:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 777 2 0000000000000000 0\n"
    "  11: 00000000000000000000000001000000:0036 00000000000000000000000001000000:0035 01 00000000:00000000 00:00000000 00000000   101        0 778 2 0000000000000000 0\n";

static void test_net_tables(void **state)
{
	static struct netns_contents c;
	char text[NETNS_ADDR_TEXT];

	(void)state;
	memset(&c, 0, sizeof c);
	assert_int_equal(proc_parse_net_sockets(tcp, sizeof tcp - 1, NETNS_TCP,
	    AF_INET, &c), 3);
	assert_int_equal(c.nlisten, 2);
	netns_endpoint_text(c.listen[0].family, c.listen[0].addr,
	    c.listen[0].port, text, sizeof text);
	assert_string_equal(text, "127.0.0.1:8080");
	assert_int_equal(c.listen[0].inode, 12345);
	netns_endpoint_text(AF_INET, c.listen[1].addr, c.listen[1].port, text,
	    sizeof text);
	assert_string_equal(text, "0.0.0.0:22");
	assert_int_equal(proc_parse_net_sockets(udp6, sizeof udp6 - 1, NETNS_UDP,
	    AF_INET6, &c), 2);
	assert_int_equal(c.nlisten, 3);
	assert_int_equal(c.listen[2].proto, NETNS_UDP);
	netns_endpoint_text(AF_INET6, c.listen[2].addr, c.listen[2].port, text,
	    sizeof text);
	assert_string_equal(text, "[::1]:53");
	assert_int_equal(proc_parse_net_sockets("x\n", 2, NETNS_TCP, AF_INET,
	    &c), -1);
}

static void test_net_table_cap(void **state)
{
	static struct netns_contents c;
	static char big[200 * 160];
	size_t off = 0;

	(void)state;
	memset(&c, 0, sizeof c);
	off += (size_t)snprintf(big, sizeof big, "  sl  local_address\n");
	for (int i = 0; i < 100; i++)
		off += (size_t)snprintf(big + off, sizeof big - off,
		    "%4d: 0100007F:%04X 00000000:0000 0A 00000000:00000000 "
		    "00:00000000 00000000 0 0 %d 1\n", i, 1000 + i, i);
	assert_int_equal(proc_parse_net_sockets(big, off, NETNS_TCP, AF_INET,
	    &c), 100);
	assert_int_equal(c.nlisten, NETNS_LISTEN_MAX);
	assert_true(c.listen_truncated);
}

/* ---- rtnetlink ---- */

struct nlbuf {
	uint8_t		 b[4096];
	size_t		 len;
};

static void *nl_put(struct nlbuf *nb, uint16_t type, const void *body,
    size_t blen)
{
	struct nlmsghdr *h = (struct nlmsghdr *)(nb->b + nb->len);

	memset(h, 0, NLMSG_SPACE(blen));
	h->nlmsg_len = (uint32_t)NLMSG_LENGTH(blen);
	h->nlmsg_type = type;
	memcpy(NLMSG_DATA(h), body, blen);
	nb->len += NLMSG_SPACE(blen);
	return h;
}

static void rta_put(struct nlbuf *nb, struct nlmsghdr *h, uint16_t type,
    const void *data, size_t dlen)
{
	struct rtattr *a = (struct rtattr *)(nb->b + nb->len);

	a->rta_len = (uint16_t)RTA_LENGTH(dlen);
	a->rta_type = type;
	memcpy(RTA_DATA(a), data, dlen);
	nb->len += RTA_SPACE(dlen);
	h->nlmsg_len = (uint32_t)((uint8_t *)a + RTA_SPACE(dlen) - (uint8_t *)h);
}

static void put_link(struct nlbuf *nb, int index, unsigned flags,
    const char *name)
{
	struct ifinfomsg ifi = { .ifi_index = index, .ifi_flags = flags };
	struct nlmsghdr *h = nl_put(nb, RTM_NEWLINK, &ifi, sizeof ifi);

	rta_put(nb, h, IFLA_IFNAME, name, strlen(name) + 1);
}

static void put_addr(struct nlbuf *nb, int family, int index, unsigned prefix,
    const char *text)
{
	struct ifaddrmsg ifa = { .ifa_family = (uint8_t)family,
	    .ifa_prefixlen = (uint8_t)prefix, .ifa_index = (unsigned)index };
	uint8_t addr[16];
	struct nlmsghdr *h = nl_put(nb, RTM_NEWADDR, &ifa, sizeof ifa);

	assert_int_equal(inet_pton(family, text, addr), 1);
	rta_put(nb, h, IFA_ADDRESS, addr, family == AF_INET ? 4 : 16);
}

static void test_rtnl(void **state)
{
	static struct nlbuf nb;
	static struct netns_contents c;
	char text[NETNS_ADDR_TEXT];

	(void)state;
	memset(&c, 0, sizeof c);
	nb.len = 0;
	put_link(&nb, 1, IFF_UP | IFF_LOOPBACK | IFF_RUNNING, "lo");
	put_link(&nb, 7, 0, "veth0");
	put_addr(&nb, AF_INET, 1, 8, "127.0.0.1");
	put_addr(&nb, AF_INET6, 1, 128, "::1");
	assert_int_equal(proc_parse_rtnl(nb.b, nb.len, &c), RTNL_MORE);
	assert_int_equal(c.nifs, 2);
	assert_string_equal(c.ifs[0].name, "lo");
	assert_true(c.ifs[0].up && c.ifs[0].loopback);
	assert_false(c.ifs[1].up);
	assert_int_equal(c.ifs[0].index, 1);
	assert_int_equal(c.ifs[1].index, 7);
	assert_int_equal(c.naddrs, 2);
	netns_addr_text(AF_INET, c.addrs[0].addr, text, sizeof text);
	assert_string_equal(text, "127.0.0.1");
	assert_int_equal(c.addrs[1].prefix, 128);
	nb.len = 0;
	nl_put(&nb, NLMSG_DONE, "\0\0\0\0", 4);
	assert_int_equal(proc_parse_rtnl(nb.b, nb.len, &c), RTNL_DONE);
	/* a length past the buffer is an error, not a read past it */
	nb.len = 0;
	struct nlmsghdr *h = nl_put(&nb, RTM_NEWLINK, "", 0);
	h->nlmsg_len = 4000;
	assert_int_equal(proc_parse_rtnl(nb.b, nb.len, &c), RTNL_ERROR);
	assert_int_equal(c.nifs, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mountinfo_nsfs),
		cmocka_unit_test(test_mountinfo_escape_and_control_bytes),
		cmocka_unit_test(test_mount_rank),
		cmocka_unit_test(test_cgroup_paths),
		cmocka_unit_test(test_cgroup_file),
		cmocka_unit_test(test_net_tables),
		cmocka_unit_test(test_net_table_cap),
		cmocka_unit_test(test_rtnl),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
