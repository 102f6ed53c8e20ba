/*
 * The names resolver on the live system: mountinfo is read once when
 * opened and again only after the kernel reports the mount table changed
 * (POLLPRI); an `ip netns add` (as root, with ip) is seen by the next
 * update, its deletion too.  And the netns reader on tasktop's own
 * namespace, which needs no privilege: lo is there.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "source/procfs/ns_read.h"

static void test_reread_only_on_change(void **state)
{
	struct proc_root root;
	struct ns_names nn;
	char name[64], cmd[128], path[128];
	struct stat st;

	(void)state;
	assert_int_equal(proc_root_open(&root, "/proc"), 0);
	ns_names_open(&nn, &root);
	assert_true(nn.fd >= 0);
	assert_int_equal(nn.reads, 1);
	/* twenty updates in a row with no mount changed: no reread (another
	 * test's mount in that millisecond may cost one or two) */
	for (int i = 0; i < 20; i++)
		ns_names_update(&nn);
	unsigned before = nn.reads;
	assert_true(before <= 3);
	if (geteuid() != 0 || system("command -v ip >/dev/null 2>&1") != 0) {
		ns_names_close(&nn);
		proc_root_close(&root);
		skip();
	}
	snprintf(name, sizeof name, "tt-i12-u%d", (int)getpid());
	snprintf(cmd, sizeof cmd, "ip netns add %s", name);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof path, "/run/netns/%s", name);
	int ok = stat(path, &st) == 0;
	ns_names_update(&nn);
	const struct ns_name *n = ok ? ns_names_find(&nn, NS_NET, st.st_ino) : NULL;
	snprintf(cmd, sizeof cmd, "ip netns del %s", name);
	int del = system(cmd);
	assert_true(ok);
	assert_true(nn.reads > before);
	assert_non_null(n);
	assert_int_equal(n->name_len, strlen(name));
	assert_memory_equal(n->name, name, n->name_len);
	assert_int_equal(n->rank, 3);
	assert_int_equal(del, 0);
	ns_names_update(&nn);
	assert_null(ns_names_find(&nn, NS_NET, st.st_ino));
	ns_names_close(&nn);
	proc_root_close(&root);
}

static void test_own_netns_contents(void **state)
{
	struct proc_root root;
	static struct netns_contents c;
	int self = (int)getpid();
	bool lo = false;

	(void)state;
	assert_int_equal(proc_root_open(&root, "/proc"), 0);
	proc_read_netns(&root, self, self, &c);
	assert_int_equal(c.links_state, FIELD_OK);
	for (size_t i = 0; i < c.nifs; i++)
		lo |= strcmp(c.ifs[i].name, "lo") == 0 && c.ifs[i].loopback;
	assert_true(lo);
	assert_int_equal(c.listen_state, FIELD_OK);
	/* a task that is not there: gone, for both parts */
	proc_read_netns(&root, 999999999, 999999999, &c);
	assert_int_equal(c.links_state, FIELD_GONE);
	assert_int_equal(c.listen_state, FIELD_GONE);
	proc_root_close(&root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reread_only_on_change),
		cmocka_unit_test(test_own_netns_contents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
