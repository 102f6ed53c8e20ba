/*
 * The namespace things the model derives, fed tasks built in memory: the
 * history of changes and the born-foreign mark, the overview of every
 * namespace (one only a thread holds among them), and the marks that the
 * tree and the next/previous-marked keys go by.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/model.h"

#define NET_HOST	4026531840ULL
#define NET_QA1		4026532318ULL
#define NS_BASE		4026531000ULL
#define MAX_T		8

/* A snapshot of up to two processes with up to MAX_T threads in all. */
struct world {
	struct snapshot	 s;
	struct process	 procs[2];
	struct process	*list[2];
	struct task	 tasks[MAX_T];
	struct task	*threads[2][MAX_T];
	size_t		 ntasks;
};

static void world_init(struct world *w)
{
	memset(w, 0, sizeof *w);
	intmap_init(&w->s.procs);
	w->s.list = w->list;
}

static struct process *world_process(struct world *w, int pid)
{
	struct process *p = &w->procs[w->s.nlist];

	p->pid = pid;
	p->threads = w->threads[w->s.nlist];
	w->list[w->s.nlist++] = p;
	intmap_put(&w->s.procs, pid, p);
	return p;
}

static struct task *world_thread(struct world *w, struct process *p, int tid,
    uint64_t net)
{
	struct task *t = &w->tasks[w->ntasks++];

	t->tid = tid;
	t->tgid = p->pid;
	t->proc = p;
	t->renewed = true;	/* new at the next refresh */
	t->stat_state = FIELD_OK;
	t->stat.state = 'S';
	for (int type = 0; type < NS_COUNT; type++) {
		task_set_ns(t, type, FIELD_OK, NS_BASE + (unsigned)type);
	}
	task_set_ns(t, NS_NET, FIELD_OK, net);
	p->threads[p->nthreads++] = t;
	if (tid == p->pid)
		p->leader = t;
	return t;
}

/* What snapshot_end() does after reading: derive, then history, for the
 * processes that changed (here every one). */
static void world_refresh(struct world *w, double wall)
{
	w->s.generation++;
	w->s.wall = wall;
	for (size_t i = 0; i < w->s.nlist; i++) {
		w->list[i]->changed_gen = w->s.generation;
		process_derive_ns(w->list[i]);
	}
	ns_history_update(&w->s);
	for (size_t i = 0; i < w->ntasks; i++)
		w->tasks[i].renewed = false;	/* as the next put does */
}

static void world_free(struct world *w)
{
	for (size_t i = 0; i < w->ntasks; i++)
		task_release(&w->tasks[i]);
	intmap_free(&w->s.procs);
}

/* The overview's entry of (type, ino), as the o view finds it: NULL when
 * the overview lists none. */
static const struct ns_entry *entry_of(const struct ns_overview *o,
    enum ns_type type, uint64_t ino)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].type == type && o->v[i].ino == ino)
			return &o->v[i];
	return NULL;
}

static void test_history_records_back_and_forth(void **state)
{
	struct world w;

	(void)state;
	world_init(&w);
	struct process *p = world_process(&w, 100);
	world_thread(&w, p, 100, NET_HOST);
	struct task *mover = world_thread(&w, p, 101, NET_HOST);
	world_refresh(&w, 1000);
	assert_int_equal(ns_history_changes(mover), 0);
	assert_false(mover->born_foreign);

	task_set_ns(mover, NS_NET, FIELD_OK, NET_QA1);	/* setns into qa1 */
	world_refresh(&w, 1002);
	assert_int_equal(ns_history_changes(mover), 1);
	assert_int_equal(ns_history_last(mover)->type, NS_NET);
	assert_int_equal(ns_history_last(mover)->from, NET_HOST);
	assert_int_equal(ns_history_last(mover)->to, NET_QA1);
	assert_true(ns_history_last(mover)->wall == 1002);

	task_set_ns(mover, NS_NET, FIELD_OK, NET_HOST);	/* and back */
	world_refresh(&w, 1004);
	assert_int_equal(ns_history_changes(mover), 2);
	assert_int_equal(ns_history_last(mover)->from, NET_QA1);
	assert_int_equal(ns_history_last(mover)->to, NET_HOST);

	/* an unreadable link is no change, and neither is it when it reads
	 * the same again */
	task_set_ns(mover, NS_NET, FIELD_GONE, task_ns_ino(mover, NS_NET));
	world_refresh(&w, 1006);
	task_set_ns(mover, NS_NET, FIELD_OK, task_ns_ino(mover, NS_NET));
	world_refresh(&w, 1008);
	assert_int_equal(ns_history_changes(mover), 2);
	assert_int_equal(ns_history_kept(mover), 2);
	assert_int_equal(ns_history_at(mover, 0)->to, NET_QA1);
	assert_true(ns_history_at(mover, 0)->wall == 1002);
	assert_int_equal(ns_history_at(mover, 1)->to, NET_HOST);
	assert_null(ns_history_at(mover, 2));

	/* twenty moves more: the last NS_HISTORY_KEEP are kept, in order */
	for (int i = 0; i < 20; i++) {
		task_set_ns(mover, NS_NET, FIELD_OK, i % 2 ? NET_HOST : NET_QA1);
		world_refresh(&w, 2000 + i);
	}
	assert_int_equal(ns_history_changes(mover), 22);
	assert_int_equal(ns_history_kept(mover), NS_HISTORY_KEEP);
	for (size_t k = 0; k < NS_HISTORY_KEEP; k++) {
		const struct ns_change *c = ns_history_at(mover, k);
		int i = 20 - NS_HISTORY_KEEP + (int)k;
		assert_true(c->wall == 2000 + i);
		assert_int_equal(c->to, i % 2 ? NET_HOST : NET_QA1);
	}
	assert_true(ns_history_last(mover)->wall == 2019);
	world_free(&w);
}

static void test_netns_change_is_the_headline(void **state)
{
	struct world w;

	(void)state;
	world_init(&w);
	struct process *p = world_process(&w, 100);
	struct task *t = world_thread(&w, p, 100, NET_HOST);
	world_refresh(&w, 1);
	task_set_ns(t, NS_NET, FIELD_OK, NET_QA1);
	task_set_ns(t, NS_UTS, FIELD_OK, 77);
	world_refresh(&w, 2);
	assert_int_equal(ns_history_changes(t), 2);
	assert_int_equal(ns_history_last(t)->type, NS_NET);
	world_free(&w);
}

static void test_born_foreign(void **state)
{
	struct world w;

	(void)state;
	world_init(&w);
	struct process *p = world_process(&w, 100);
	world_thread(&w, p, 100, NET_HOST);
	struct task *early = world_thread(&w, p, 101, NET_QA1);
	world_refresh(&w, 1);
	/* there at the first look: it may have moved, it was not seen born */
	assert_false(early->born_foreign);

	struct task *child = world_thread(&w, p, 102, NET_QA1);
	struct task *home = world_thread(&w, p, 103, NET_HOST);
	world_refresh(&w, 2);
	assert_true(child->born_foreign);
	assert_false(home->born_foreign);
	assert_int_equal(ns_history_changes(child), 0);

	/* a new process's threads are not "born" foreign: its history is
	 * unknown */
	struct process *q = world_process(&w, 200);
	world_thread(&w, q, 200, NET_HOST);
	struct task *qt = world_thread(&w, q, 201, NET_QA1);
	world_refresh(&w, 3);
	assert_false(qt->born_foreign);
	world_free(&w);
}

static void test_overview_counts_threads_only_namespaces(void **state)
{
	struct world w;
	struct ns_overview o;

	(void)state;
	world_init(&w);
	ns_overview_init(&o);
	struct process *p = world_process(&w, 100);
	world_thread(&w, p, 100, NET_HOST);
	world_thread(&w, p, 101, NET_QA1);
	world_thread(&w, p, 102, NET_QA1);
	struct process *q = world_process(&w, 200);
	world_thread(&w, q, 200, NET_HOST);
	struct task *unshared = world_thread(&w, q, 201, NET_HOST);
	/* unshare(CLONE_NEWPID) */
	task_set_ns(unshared, NS_PID_FOR_CHILDREN, FIELD_OK, 5555);
	world_refresh(&w, 1);
	ns_overview_build(&o, &w.s);

	const struct ns_entry *host = entry_of(&o, NS_NET, NET_HOST);
	assert_non_null(host);
	assert_int_equal(host->processes, 2);
	assert_int_equal(host->ref_processes, 2);
	assert_int_equal(host->threads, 3);
	assert_int_equal(host->holder_pid, 100);

	const struct ns_entry *qa1 = entry_of(&o, NS_NET, NET_QA1);
	assert_non_null(qa1);
	assert_int_equal(qa1->processes, 1);
	assert_int_equal(qa1->ref_processes, 0);	/* lsns can't see it */
	assert_int_equal(qa1->threads, 2);
	assert_int_equal(qa1->holder_pid, 0);
	assert_int_equal(qa1->holder_tid, 101);

	const struct ns_entry *pidns = entry_of(&o, NS_PID, 5555);
	assert_non_null(pidns);
	assert_int_equal(pidns->threads, 1);
	assert_int_equal(pidns->holder_tid, 201);
	assert_null(entry_of(&o, NS_PID_FOR_CHILDREN, 5555));
	/* the plain pid namespace counts each thread once, though both its
	 * links point there */
	assert_int_equal(entry_of(&o, NS_PID, NS_BASE + NS_PID)->threads,
	    5);
	/* sorted by type, then inode */
	for (size_t i = 1; i < o.n; i++)
		assert_true(o.v[i - 1].type < o.v[i].type ||
		    (o.v[i - 1].type == o.v[i].type && o.v[i - 1].ino < o.v[i].ino));
	/* a bind mount holding qa1 and one holding a namespace nobody is in */
	enum ns_type types[] = { NS_NET, NS_NET };
	uint64_t inos[] = { NET_QA1, 4026539999ULL };
	size_t before = o.n;
	ns_overview_add_mounted(&o, types, inos, 2);
	assert_int_equal(o.n, before + 1);
	assert_true(entry_of(&o, NS_NET, NET_QA1)->mounted);
	assert_int_equal(entry_of(&o, NS_NET, NET_QA1)->threads, 2);
	const struct ns_entry *idle = entry_of(&o, NS_NET, 4026539999ULL);
	assert_non_null(idle);
	assert_true(idle->mounted);
	assert_int_equal(idle->threads, 0);
	assert_int_equal(idle->holder_tid, 0);
	assert_false(entry_of(&o, NS_NET, NET_HOST)->mounted);
	for (size_t i = 1; i < o.n; i++)
		assert_true(o.v[i - 1].type < o.v[i].type ||
		    (o.v[i - 1].type == o.v[i].type && o.v[i - 1].ino < o.v[i].ino));
	/* the next build starts over */
	ns_overview_build(&o, &w.s);
	assert_null(entry_of(&o, NS_NET, 4026539999ULL));
	assert_false(entry_of(&o, NS_NET, NET_QA1)->mounted);
	assert_true(task_in_ns(unshared, NS_PID, 5555));
	assert_false(task_in_ns(unshared, NS_NET, NET_QA1));
	ns_overview_free(&o);
	world_free(&w);
}

static void test_marks_and_marked_rows(void **state)
{
	struct world w;
	struct view v;

	(void)state;
	world_init(&w);
	view_init(&v);
	struct process *p = world_process(&w, 100);
	world_thread(&w, p, 100, NET_HOST);
	world_thread(&w, p, 101, NET_QA1);
	struct process *q = world_process(&w, 200);
	world_thread(&w, q, 200, NET_HOST);
	world_thread(&w, q, 201, NET_QA1);
	world_refresh(&w, 1);
	w.s.roots = w.list;
	w.s.nroots = 2;

	/* 100 expanded: its row keeps the mark, and so does its thread's */
	struct intmap expanded;
	intmap_init(&expanded);
	intmap_put(&expanded, 100, p);
	struct view_opts o = { .tree = false, .expanded = &expanded };
	view_build(&v, &w.s, &o);
	assert_int_equal(v.n, 4);	/* 100, 100, 101, 200 */
	assert_true(view_row_ns_mark(&v.rows[0]) & (1u << NS_NET));
	assert_int_equal(view_row_ns_mark(&v.rows[1]), 0);
	/* from the top: the thread row, then the collapsed process that
	 * hides one, then around again */
	assert_int_equal(view_find_marked(&v, 0, 1), 2);
	assert_int_equal(view_find_marked(&v, 2, 1), 3);
	assert_int_equal(view_find_marked(&v, 3, 1), 2);
	assert_int_equal(view_find_marked(&v, 2, -1), 3);
	assert_int_equal(view_find_marked(&v, -1, 1), 2);
	task_set_ns(&w.tasks[1], NS_NET, FIELD_OK, NET_HOST);
	task_set_ns(&w.tasks[3], NS_NET, FIELD_OK, NET_HOST);
	world_refresh(&w, 2);
	view_build(&v, &w.s, &o);
	assert_int_equal(view_find_marked(&v, 0, 1), -1);
	intmap_free(&expanded);
	view_free(&v);
	world_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history_records_back_and_forth),
		cmocka_unit_test(test_netns_change_is_the_headline),
		cmocka_unit_test(test_born_foreign),
		cmocka_unit_test(test_overview_counts_threads_only_namespaces),
		cmocka_unit_test(test_marks_and_marked_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
