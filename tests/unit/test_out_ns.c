/*
 * The namespace keys of --json and the names in -b -H, from the fixture tree
 * "containers": a namespace's name from mountinfo's nsfs mounts (one with
 * escape sequences), its container from its holder's cgroup, a namespace
 * held by one thread only, and every thread's last change.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "json_check.h"
#include "tasktop/out.h"
#include "tasktop/source.h"

#define ID64 "3f2a91c4e1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829a0b1c2"

struct ns_case {
	char		*root;
	struct source	*src;
	struct snapshot	 s;
	struct ns_overview overview;
	struct buf	 out;
	struct view	 view;
};

static int setup(void **state)
{
	struct ns_case *c = calloc(1, sizeof *c);

	char err[256];

	c->root = fixture_tree("containers");
	c->src = source_open(SOURCE_PROCFS, c->root, err, sizeof err);
	assert_non_null(c->src);
	snapshot_init(&c->s);
	assert_int_equal(source_refresh(c->src, &c->s, 1.0, 1795342342.5), 0);
	ns_overview_init(&c->overview);
	buf_init(&c->out);
	view_init(&c->view);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ns_case *c = *state;

	view_free(&c->view);
	buf_free(&c->out);
	ns_overview_free(&c->overview);
	snapshot_free(&c->s);
	source_close(c->src);
	fixture_remove(c->root);
	free(c);
	return 0;
}

static const char *json(struct ns_case *c)
{
	const struct out_opts o = { .detail = source_detail(c->src),
	    .overview = &c->overview };
	size_t where = 0;

	buf_reset(&c->out);
	out_json_write(&c->out, &c->s, &o);
	if (json_check(c->out.data, c->out.len, &where) != 0)
		fail_msg("invalid JSON at %zu: '%.40s'", where, c->out.data + where);
	return c->out.data;
}

static void assert_has(const char *text, const char *want)
{
	if (strstr(text, want) == NULL)
		fail_msg("missing %s in\n%s", want, text);
}

static void test_json_names_and_containers(void **state)
{
	struct ns_case *c = *state;
	const char *j = json(c);

	assert_has(j, "{\"type\":\"net\",\"inode\":4026532400,"
	    "\"name\":\"3f2a91c4e1b2\",\"path\":\"/run/docker/netns/3f2a91c4e1b2\","
	    "\"container\":\"" ID64 "\",\"container_kind\":\"docker\",\"unit\":null,"
	    "\"processes\":1,\"partial_processes\":0,\"threads\":1,"
	    "\"holder_pid\":10,\"holder_tid\":10,");
	/* held by a thread only: no process is in it with its reference */
	assert_has(j, "{\"type\":\"net\",\"inode\":4026532318,\"name\":\"qa1\","
	    "\"path\":\"/run/netns/qa1\",\"container\":null,"
	    "\"container_kind\":null,\"unit\":{\"kind\":\"session\",\"name\":\"42\"},"
	    "\"processes\":0,\"partial_processes\":1,\"threads\":1,"
	    "\"holder_pid\":null,\"holder_tid\":31,");
	/* the kernel's bytes, escaped, and mountinfo's \040 undone */
	assert_has(j, "{\"type\":\"net\",\"inode\":4026532500,"
	    "\"name\":\"ev\\u001b]0;pwn\\u0007il x\",");
	assert_has(j, "\"container\":\"abc123\",\"container_kind\":\"containerd\","
	    "\"unit\":null,\"processes\":1,\"partial_processes\":1,\"threads\":2,"
	    "\"holder_pid\":40,");
	/* the host's, unnamed, held by pid 1 whose cgroup names nothing */
	assert_has(j, "{\"type\":\"net\",\"inode\":4026531840,\"name\":null,"
	    "\"path\":null,\"container\":null,\"container_kind\":null,"
	    "\"unit\":null,\"processes\":3,\"partial_processes\":0,\"threads\":3,"
	    "\"holder_pid\":1,");
	assert_has(j, "\"ns_change\":null,\"ns_changes\":[],\"born_foreign\":false");
	/* a fixture has no nsfs: no owner, no parent, and no claim of one */
	assert_has(j, "\"owner_userns\":null,\"parent\":null");
}

static void test_json_change_after_a_move(void **state)
{
	struct ns_case *c = *state;
	char path[512];

	snprintf(path, sizeof path, "%s/30/task/31/ns/net", c->root);
	assert_int_equal(unlink(path), 0);
	fixture_link(c->root, "30/task/31/ns/net", "net:[4026531840]");
	/* the fixture is read anew: every link of a known task is reread
	 * within the round-robins' period */
	for (int i = 0; i < 8; i++)
		assert_int_equal(source_refresh(c->src, &c->s, 2.0 + i,
		    1795342344.5 + i), 0);
	assert_has(json(c), "\"tid\":31,");
	assert_has(c->out.data, "\"ns_change\":{\"type\":\"net\","
	    "\"from\":4026532318,\"to\":4026531840,\"time\":1795342344.50,"
	    "\"changes\":1},\"ns_changes\":[{\"type\":\"net\","
	    "\"from\":4026532318,\"to\":4026531840,\"time\":1795342344.50}],"
	    "\"born_foreign\":false");
}

static void test_batch_names_the_netns(void **state)
{
	struct ns_case *c = *state;
	const struct out_opts o = { .threads = true,
	    .detail = source_detail(c->src) };

	buf_reset(&c->out);
	out_batch_write(&c->out, &c->s, &c->view, &o);
	buf_addc(&c->out, '\0');
	assert_has(c->out.data, "{worker} [netns qa1]\n");
	assert_has(c->out.data, "{gopher} [netns ev");
	for (size_t i = 0; i + 1 < c->out.len; i++)
		if ((unsigned char)c->out.data[i] < 0x20 && c->out.data[i] != '\n')
			fail_msg("control byte 0x%02x in batch output at %zu",
			    (unsigned char)c->out.data[i], i);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_json_names_and_containers,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_change_after_a_move,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_names_the_netns,
		    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
