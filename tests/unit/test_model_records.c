/*
 * The model fed synthetic records only: identity by tid (reuse, a tid
 * moving group), CPU deltas, namespaces (a thread moving, links not read
 * this time), a leader exiting, a process vanishing between records,
 * groups put out of order.  Linked without any source: no I/O can happen.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/model.h"
#include "tasktop/record.h"

#define NET_HOST	4026531840ull
#define NET_AWAY	4026532176ull
#define NS_BASE		4026531000ull
#define NS_SEC		1000000000ull

/* A live task: every link read, net as given, the others base + type. */
static struct task_record rec(int tgid, int tid, char state, int ppid,
    unsigned long long starttime, uint64_t cpu_ns, uint64_t net)
{
	struct task_record r;
	int type;

	memset(&r, 0, sizeof(r));
	r.tid = tid;
	r.tgid = tgid;
	r.stat_state = FIELD_OK;
	snprintf(r.stat.comm, sizeof(r.stat.comm), "t%d", tid);
	r.stat.comm_len = strlen(r.stat.comm);
	r.stat.state = state;
	r.stat.ppid = ppid;
	r.stat.starttime = starttime;
	r.stat.rss_pages = 25;
	r.cpu_ns = cpu_ns;
	for (type = 0; type < NS_COUNT; type++) {
		r.ns_state[type] = FIELD_OK;
		r.ns[type] = type == NS_NET ? net : NS_BASE + (unsigned)type;
	}
	return r;
}

/* The same task, nothing reread ("same" stat, no link). */
static struct task_record same(int tgid, int tid)
{
	struct task_record r;

	memset(&r, 0, sizeof(r));
	r.tid = tid;
	r.tgid = tgid;
	r.stat_state = FIELD_OK;
	r.stat_same = true;
	return r;
}

static void put(struct snapshot *s, struct task_record r)
{
	snapshot_put(s, &r);
}

static void identity_all(struct snapshot *s, const char *cmdline)
{
	struct identity_record id = { FIELD_OK, cmdline, strlen(cmdline) + 1,
	    FIELD_OK, 0 };
	size_t it = 0;
	int pid, tid;

	while (snapshot_next_identity(s, &it, &pid, &tid))
		snapshot_put_identity(s, pid, &id);
}

/* Process 10 (leader and threads 11, 12) under 1, all in NET_HOST. */
static void group(struct snapshot *s, double mono, uint64_t cpu)
{
	snapshot_begin(s, mono, 1000 + mono);
	put(s, rec(10, 10, 'S', 1, 5, cpu, NET_HOST));
	put(s, rec(10, 11, 'S', 1, 6, cpu, NET_HOST));
	put(s, rec(10, 12, 'R', 1, 7, cpu, NET_HOST));
	snapshot_end(s);
}

static struct task_record with_mm(struct task_record r, long rss_pages,
    unsigned long long vsize)
{
	r.stat.rss_pages = rss_pages;
	r.stat.vsize = vsize;
	return r;
}

/* The memory all threads share is the group's: the live leader's record
 * wins whatever the order, else the first live thread's; a zombie's
 * (zeros) never; a thread not reread keeps the group's. */
static void test_group_memory_from_one_record(void **state)
{
	struct snapshot s;
	struct process *p;

	(void)state;
	snapshot_init(&s);
	snapshot_begin(&s, 1, 1001);
	put(&s, with_mm(rec(10, 11, 'S', 1, 6, 0, NET_HOST), 7, 7000));
	put(&s, with_mm(rec(10, 10, 'S', 1, 5, 0, NET_HOST), 30, 30000));
	put(&s, with_mm(rec(10, 12, 'S', 1, 7, 0, NET_HOST), 9, 9000));
	snapshot_end(&s);
	p = snapshot_process(&s, 10);
	assert_int_equal(p->rss_kb, 30ull * (unsigned long long)s.page_kb);
	assert_int_equal(p->vsize, 30000);

	snapshot_begin(&s, 2, 1002);	/* the leader a zombie */
	put(&s, with_mm(rec(10, 10, 'Z', 1, 5, 0, NET_HOST), 0, 0));
	put(&s, with_mm(rec(10, 11, 'S', 1, 6, 0, NET_HOST), 40, 40000));
	put(&s, with_mm(rec(10, 12, 'S', 1, 7, 0, NET_HOST), 41, 41000));
	snapshot_end(&s);
	assert_int_equal(p->rss_kb, 40ull * (unsigned long long)s.page_kb);
	assert_int_equal(p->vsize, 40000);

	snapshot_begin(&s, 3, 1003);	/* 11 not reread */
	put(&s, with_mm(rec(10, 10, 'Z', 1, 5, 0, NET_HOST), 0, 0));
	put(&s, same(10, 11));
	put(&s, with_mm(rec(10, 12, 'S', 1, 7, 0, NET_HOST), 42, 42000));
	snapshot_end(&s);
	assert_int_equal(p->vsize, 40000);

	snapshot_begin(&s, 4, 1004);	/* only the zombie left */
	put(&s, with_mm(rec(10, 10, 'Z', 1, 5, 0, NET_HOST), 0, 0));
	snapshot_end(&s);
	assert_int_equal(p->rss_kb, 0);
	assert_int_equal(p->vsize, 0);
	snapshot_free(&s);
}

static void test_records_make_processes(void **state)
{
	struct snapshot s;
	struct process *p;
	size_t it = 0;
	int pid, tid;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	assert_int_equal(s.nlist, 1);
	assert_int_equal(s.ntasks, 3);
	assert_int_equal(s.nrunning, 1);	/* 12 */
	p = snapshot_process(&s, 10);
	assert_non_null(p);
	assert_int_equal(p->nthreads, 3);
	assert_ptr_equal(p->threads[0], p->leader);
	assert_int_equal(p->ppid, 1);
	assert_int_equal(p->state, 'S');
	assert_int_equal(p->rss_kb, 25ull * (unsigned long long)s.page_kb);
	assert_int_equal(p->ns_ref_tid, 10);
	assert_int_equal(p->ns_differs_any, 0);
	/* new: its identity is due, through the leader */
	assert_true(snapshot_next_identity(&s, &it, &pid, &tid));
	assert_int_equal(pid, 10);
	assert_int_equal(tid, 10);
	assert_false(snapshot_next_identity(&s, &it, &pid, &tid));
	identity_all(&s, "app");
	assert_int_equal(p->cmdline_state, FIELD_OK);
	assert_string_equal(p->cmdline, "app");
	assert_int_equal(p->uid_state, FIELD_OK);
	assert_non_null(p->user);
	/* known and not renamed: not due again */
	group(&s, 2, 0);
	it = 0;
	assert_false(snapshot_next_identity(&s, &it, &pid, &tid));
	assert_string_equal(p->cmdline, "app");
	snapshot_free(&s);
}

static void test_cpu_from_deltas(void **state)
{
	struct snapshot s;
	struct task *t;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	t = snapshot_task(&s, 12);
	assert_false(t->cpu_valid);
	group(&s, 3, NS_SEC);		/* 1 s of CPU in 2 s */
	assert_true(t->cpu_valid);
	assert_true(t->cpu_percent > 49.9 && t->cpu_percent < 50.1);
	assert_true(snapshot_process(&s, 10)->cpu_percent > 149.9);
	/* nothing reread: the task did not run, 0% and still valid */
	snapshot_begin(&s, 4, 1004);
	put(&s, rec(10, 10, 'S', 1, 5, NS_SEC, NET_HOST));
	put(&s, same(10, 11));
	put(&s, same(10, 12));
	snapshot_end(&s);
	assert_true(t->cpu_valid);
	assert_true(t->cpu_percent == 0);
	assert_int_equal(t->ran_gen, 2);
	assert_int_equal(t->stat.state, 'R');	/* kept */
	assert_int_equal(task_ns_ino(t, NS_NET), NET_HOST);
	snapshot_free(&s);
}

/* A source that rereads every stat (BPF) hands a sleeping task's values
 * again: it did not run, so what it waits on (wchan) is not due. */
static void test_same_values_did_not_run(void **state)
{
	struct snapshot s;
	struct task *t;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	t = snapshot_task(&s, 12);
	assert_int_equal(t->ran_gen, 1);
	group(&s, 2, 0);			/* the same values again */
	assert_int_equal(t->ran_gen, 1);
	assert_true(t->cpu_valid);
	group(&s, 3, NS_SEC);			/* its CPU time moved */
	assert_int_equal(t->ran_gen, 3);
	snapshot_begin(&s, 4, 1004);		/* woken: only its state moved */
	put(&s, rec(10, 10, 'S', 1, 5, NS_SEC, NET_HOST));
	put(&s, rec(10, 11, 'S', 1, 6, NS_SEC, NET_HOST));
	put(&s, rec(10, 12, 'S', 1, 7, NS_SEC, NET_HOST));
	snapshot_end(&s);
	assert_int_equal(t->ran_gen, 4);
	assert_int_equal(snapshot_task(&s, 11)->ran_gen, 3);
	snapshot_free(&s);
}

/* A walk as the BPF source puts it: every task's record, each group's
 * time; 12 with its net and CPU time as given, 11 only when asked. */
static void walk(struct snapshot *s, double mono, uint64_t net12,
    uint64_t cpu12, bool with11)
{
	snapshot_begin(s, mono, 1000 + mono);
	put(s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	if (with11)
		put(s, rec(10, 11, 'S', 1, 6, 0, NET_HOST));
	put(s, rec(10, 12, 'S', 1, 7, cpu12, net12));
	snapshot_put_group_cpu(s, 10, NS_SEC + cpu12);
	put(s, rec(20, 20, 'S', 1, 8, 0, NET_HOST));
	snapshot_put_group_cpu(s, 20, 0);
	snapshot_end(s);
}

/* A process none of whose threads changed keeps what it derived (it is
 * skipped); any change (namespace, CPU time, CPU% back to 0, a thread
 * gone, another order) is derived again. */
static void test_unchanged_process_keeps_derived(void **state)
{
	struct snapshot s;
	struct process *p, *q;
	struct task *t;

	(void)state;
	snapshot_init(&s);
	walk(&s, 1, NET_HOST, 0, true);
	identity_all(&s, "app");
	walk(&s, 2, NET_HOST, 0, true);		/* CPU% valid now */
	p = snapshot_process(&s, 10);
	q = snapshot_process(&s, 20);
	t = snapshot_task(&s, 12);
	assert_int_equal(p->changed_gen, 2);
	walk(&s, 3, NET_HOST, 0, true);
	assert_int_equal(p->changed_gen, 2);	/* skipped */
	assert_int_equal(q->changed_gen, 2);
	assert_int_equal(p->nthreads, 3);
	assert_ptr_equal(p->leader, snapshot_task(&s, 10));
	assert_true(p->time_valid);
	assert_int_equal(p->time_ticks, (unsigned long long)s.hz);
	walk(&s, 4, NET_HOST, 0, true);
	assert_int_equal(p->changed_gen, 2);
	walk(&s, 5, NET_AWAY, 0, true);		/* 12 moved */
	assert_int_equal(p->changed_gen, 5);
	assert_int_equal(q->changed_gen, 2);
	assert_int_equal(t->ns_differs, 1u << NS_NET);
	assert_int_equal(p->ns_differs_any, 1u << NS_NET);
	assert_int_equal(ns_history_changes(t), 1);
	walk(&s, 6, NET_AWAY, 0, true);
	assert_int_equal(p->changed_gen, 5);
	assert_int_equal(t->ns_differs, 1u << NS_NET);
	walk(&s, 7, NET_AWAY, NS_SEC, true);	/* 12 ran 1 s in 1 s */
	assert_true(t->cpu_percent > 99.9 && t->cpu_percent < 100.1);
	assert_true(p->cpu_percent > 99.9);
	assert_int_equal(p->time_ticks, 2ull * (unsigned long long)s.hz);
	walk(&s, 8, NET_AWAY, NS_SEC, true);	/* and slept again */
	assert_true(t->cpu_percent == 0);
	assert_true(p->cpu_percent == 0);
	walk(&s, 9, NET_AWAY, NS_SEC, false);	/* 11 gone */
	assert_int_equal(p->changed_gen, 9);
	assert_int_equal(p->nthreads, 2);
	assert_null(snapshot_task(&s, 11));
	/* the same tasks in another order: sorted again, leader first */
	snapshot_begin(&s, 10, 1010);
	put(&s, rec(10, 12, 'S', 1, 7, NS_SEC, NET_AWAY));
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 10, 2 * NS_SEC);
	put(&s, rec(20, 20, 'S', 1, 8, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 20, 0);
	snapshot_end(&s);
	assert_int_equal(p->changed_gen, 10);
	assert_int_equal(p->threads[0]->tid, 10);
	assert_int_equal(p->threads[1]->tid, 12);
	assert_int_equal(q->changed_gen, 2);
	/* a group time not put: the threads' sum stands in */
	snapshot_begin(&s, 11, 1011);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, rec(10, 12, 'S', 1, 7, NS_SEC, NET_AWAY));
	put(&s, rec(20, 20, 'S', 1, 8, 0, NET_HOST));
	snapshot_end(&s);
	assert_int_equal(p->changed_gen, 11);
	assert_int_equal(q->changed_gen, 11);
	assert_false(p->group_cpu_ok);
	/* a thread gone and another come in its place: the count is the
	 * same, the one gone is swept */
	snapshot_begin(&s, 12, 1012);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, rec(10, 13, 'S', 1, 9, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 10, 2 * NS_SEC);
	put(&s, rec(20, 20, 'S', 1, 8, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 20, 0);
	snapshot_end(&s);
	assert_null(snapshot_task(&s, 12));
	assert_non_null(snapshot_task(&s, 13));
	assert_int_equal(p->nthreads, 2);
	assert_int_equal(s.tasks.count, 3);
	/* a whole process gone: its threads with it */
	snapshot_begin(&s, 13, 1013);
	put(&s, rec(20, 20, 'S', 1, 8, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 20, 0);
	snapshot_end(&s);
	assert_null(snapshot_process(&s, 10));
	assert_null(snapshot_task(&s, 10));
	assert_null(snapshot_task(&s, 13));
	assert_int_equal(s.tasks.count, 1);
	snapshot_free(&s);
}

static void put_cpus(struct snapshot *s, double mono,
    unsigned long long busy0, unsigned long long idle0,
    unsigned long long busy1, unsigned long long idle1)
{
	struct system_record r = { .cpu_state = FIELD_OK,
	    .mem_state = FIELD_DENIED, .uptime_state = FIELD_OK,
	    .uptime = 100 + mono };

	r.cpu.ncpu = 2;
	r.cpu.cpu[0] = (struct proc_cpu_times){ busy0, idle0 };
	r.cpu.cpu[1] = (struct proc_cpu_times){ busy1, idle1 };
	r.cpu.total = (struct proc_cpu_times){ busy0 + busy1, idle0 + idle1 };
	snapshot_begin(s, mono, 1000 + mono);
	snapshot_put_system(s, &r);
	snapshot_end(s);
}

/* The meters: each CPU's busy share of the ticks between two refreshes;
 * unknown until two samples, and after counters that went back. */
static void test_system_meters(void **state)
{
	struct snapshot s;

	(void)state;
	snapshot_init(&s);
	put_cpus(&s, 1, 100, 100, 50, 150);
	assert_false(s.sys.cpu_valid);
	assert_false(s.sys.cpu_ok[0]);
	assert_int_equal(s.sys.ncpu, 2);
	put_cpus(&s, 2, 175, 125, 50, 250);	/* cpu0 75 of 100, cpu1 0 */
	assert_true(s.sys.cpu_ok[0] && s.sys.cpu_ok[1]);
	assert_true(s.sys.cpu_share[0] > 0.749 && s.sys.cpu_share[0] < 0.751);
	assert_true(s.sys.cpu_share[1] == 0);
	assert_true(s.sys.cpu_busy > 0.374 && s.sys.cpu_busy < 0.376);
	assert_false(s.sys.mem_ok);
	assert_true(s.sys.uptime_ok && s.sys.uptime == 102);
	put_cpus(&s, 3, 10, 10, 60, 260);	/* cpu0 went back */
	assert_false(s.sys.cpu_ok[0]);
	assert_true(s.sys.cpu_ok[1]);
	snapshot_free(&s);
}

/* Counters read once a refresh: a rate needs the read of the refresh
 * before; IO denied stays unknown. */
static void test_counters_rates(void **state)
{
	struct snapshot s;
	struct counters c = { 0 };
	struct counters_record r = { .ctxt_state = FIELD_OK, .ctxt = 100,
	    .io_state = FIELD_OK, .io = { 1000, 0 }, .shr_state = FIELD_OK,
	    .shr_kb = 64 };

	(void)state;
	snapshot_init(&s);
	snapshot_begin(&s, 1, 1001);
	snapshot_end(&s);
	assert_true(snapshot_counters_stale(&s, &c));
	snapshot_put_counters(&s, &c, &r);
	assert_false(snapshot_counters_stale(&s, &c));
	assert_false(c.ctxt_rate_ok);
	assert_false(c.io_rate_ok);
	assert_int_equal(c.shr_kb, 64);
	snapshot_begin(&s, 3, 1003);		/* 2 s later */
	snapshot_end(&s);
	r.ctxt = 150;
	r.io.read_bytes = 5096;
	r.io.write_bytes = 2048;
	snapshot_put_counters(&s, &c, &r);
	assert_true(c.ctxt_rate_ok && c.ctxt_rate == 25);
	assert_true(c.io_rate_ok && c.read_rate == 2048 && c.write_rate == 1024);
	/* a refresh skipped (the row was off screen): no rate this time */
	snapshot_begin(&s, 4, 1004);
	snapshot_end(&s);
	snapshot_begin(&s, 5, 1005);
	snapshot_end(&s);
	snapshot_put_counters(&s, &c, &r);
	assert_false(c.ctxt_rate_ok);
	/* without ptrace access */
	snapshot_begin(&s, 6, 1006);
	snapshot_end(&s);
	r.io_state = FIELD_DENIED;
	snapshot_put_counters(&s, &c, &r);
	assert_true(c.ctxt_rate_ok);
	assert_false(c.io_rate_ok);
	snapshot_free(&s);
}

/* A tid that comes back with another start time is another task. */
static void test_tid_reuse_starts_over(void **state)
{
	struct snapshot s;
	struct task *t;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	group(&s, 2, NS_SEC);
	t = snapshot_task(&s, 12);
	assert_true(t->cpu_valid);
	snapshot_begin(&s, 3, 1003);
	put(&s, rec(10, 10, 'S', 1, 5, NS_SEC, NET_HOST));
	put(&s, rec(10, 11, 'S', 1, 6, NS_SEC, NET_HOST));
	{
		struct task_record r = rec(10, 12, 'S', 1, 99, 5 * NS_SEC,
		    NET_AWAY);

		r.ns_state[NS_UTS] = FIELD_UNREAD;
		snapshot_put(&s, &r);
	}
	snapshot_end(&s);
	assert_ptr_equal(snapshot_task(&s, 12), t);
	assert_true(t->renewed);
	assert_false(t->cpu_valid);		/* no delta across tasks */
	assert_int_equal(t->stat.starttime, 99);
	/* nothing of the old task survives: not even an unread link */
	assert_int_equal(task_ns_state(t, NS_UTS), FIELD_UNREAD);
	assert_int_equal(t->ns_differs, 1u << NS_NET);
	snapshot_free(&s);
}

/* A tid put for another group (an exec by a non-leader thread) too. */
static void test_tid_moving_group_starts_over(void **state)
{
	struct snapshot s;
	struct task *t;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	group(&s, 2, NS_SEC);
	snapshot_begin(&s, 3, 1003);
	put(&s, rec(10, 10, 'S', 1, 5, NS_SEC, NET_HOST));
	put(&s, rec(12, 12, 'S', 10, 7, 2 * NS_SEC, NET_HOST));
	snapshot_end(&s);
	t = snapshot_task(&s, 12);
	assert_int_equal(t->tgid, 12);
	assert_false(t->cpu_valid);
	assert_null(snapshot_task(&s, 11));
	assert_int_equal(snapshot_process(&s, 10)->nthreads, 1);
	assert_ptr_equal(snapshot_process(&s, 12)->parent,
	    snapshot_process(&s, 10));
	snapshot_free(&s);
}

/* setns(2) by one thread: marked; a later record without links keeps it. */
static void test_thread_moving_namespace(void **state)
{
	struct snapshot s;
	const enum field_state net_only[NS_COUNT] = { [NS_NET] = FIELD_OK };
	uint64_t back[NS_COUNT] = { [NS_NET] = NET_HOST };
	struct task_record r;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	snapshot_begin(&s, 2, 1002);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, rec(10, 11, 'S', 1, 6, 0, NET_AWAY));
	put(&s, same(10, 12));
	snapshot_end(&s);
	assert_int_equal(snapshot_task(&s, 11)->ns_differs, 1u << NS_NET);
	assert_int_equal(snapshot_task(&s, 12)->ns_differs, 0);
	assert_int_equal(snapshot_process(&s, 10)->ns_differs_any,
	    1u << NS_NET);
	snapshot_begin(&s, 3, 1003);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, same(10, 11));
	put(&s, same(10, 12));
	snapshot_end(&s);
	assert_int_equal(snapshot_task(&s, 11)->ns_differs, 1u << NS_NET);
	/* back, through a later namespace read of the same refresh */
	snapshot_begin(&s, 4, 1004);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, same(10, 11));
	put(&s, same(10, 12));
	snapshot_put_ns(&s, 11, net_only, back);
	snapshot_end(&s);
	assert_int_equal(snapshot_task(&s, 11)->ns_differs, 0);
	assert_int_equal(snapshot_process(&s, 10)->ns_differs_any, 0);
	/* a link that could not be read is unknown, never a difference */
	snapshot_begin(&s, 5, 1005);
	r = rec(10, 11, 'S', 1, 6, 0, NET_AWAY);
	r.ns_state[NS_NET] = FIELD_DENIED;
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	snapshot_put(&s, &r);
	snapshot_end(&s);
	assert_int_equal(task_ns_state(snapshot_task(&s, 11), NS_NET),
	    FIELD_DENIED);
	assert_int_equal(snapshot_task(&s, 11)->ns_differs, 0);
	snapshot_free(&s);
}

/* The leader a zombie while a thread lives: the thread speaks for it. */
static void test_leader_exiting(void **state)
{
	struct snapshot s;
	struct process *p;
	struct task_record zombie;
	size_t it = 0;
	int pid, tid;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	identity_all(&s, "app");
	snapshot_begin(&s, 2, 1002);
	zombie = rec(10, 10, 'Z', 1, 5, 0, 0);
	for (int type = 0; type < NS_COUNT; type++)
		zombie.ns_state[type] = FIELD_GONE;	/* released on exit */
	snapshot_put(&s, &zombie);
	put(&s, rec(10, 12, 'S', 1, 7, 0, NET_AWAY));
	snapshot_end(&s);
	p = snapshot_process(&s, 10);
	assert_true(p->leader_exited);
	assert_int_equal(p->state, 'Z');
	assert_int_equal(p->ns_ref_tid, 12);
	assert_int_equal(p->ns_differs_any, 0);
	assert_null(snapshot_task(&s, 11));
	/* the leader gone altogether: still the same process */
	snapshot_begin(&s, 3, 1003);
	put(&s, rec(10, 12, 'S', 1, 7, 0, NET_AWAY));
	snapshot_end(&s);
	p = snapshot_process(&s, 10);
	assert_non_null(p);
	assert_null(p->leader);
	assert_true(p->leader_exited);
	assert_int_equal(p->nthreads, 1);
	assert_int_equal(p->ns_ref_tid, 12);
	/* an identity due now is read through the live thread */
	snapshot_begin(&s, 4, 1004);
	{
		struct task_record r = rec(10, 12, 'S', 1, 7, 0, NET_AWAY);

		snprintf(r.stat.comm, sizeof(r.stat.comm), "renamed");
		r.stat.comm_len = strlen(r.stat.comm);
		snapshot_put(&s, &r);
	}
	snapshot_end(&s);
	assert_true(snapshot_next_identity(&s, &it, &pid, &tid));
	assert_int_equal(pid, 10);
	assert_int_equal(tid, 12);
	snapshot_free(&s);
}

/* Between two refreshes a process went: what was not put is swept; a
 * record that says the task went (GONE) is no task. */
static void test_process_vanishing(void **state)
{
	struct snapshot s;
	struct task_record gone;

	(void)state;
	snapshot_init(&s);
	snapshot_begin(&s, 1, 1001);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, rec(20, 20, 'S', 10, 8, 0, NET_HOST));
	put(&s, rec(20, 21, 'S', 10, 9, 0, NET_HOST));
	snapshot_end(&s);
	assert_int_equal(snapshot_process(&s, 10)->nchildren, 1);
	snapshot_begin(&s, 2, 1002);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	memset(&gone, 0, sizeof(gone));
	gone.tid = gone.tgid = 20;
	gone.stat_state = FIELD_GONE;
	snapshot_put(&s, &gone);
	snapshot_end(&s);
	assert_null(snapshot_process(&s, 20));
	assert_null(snapshot_task(&s, 20));
	assert_null(snapshot_task(&s, 21));
	assert_int_equal(s.nlist, 1);
	assert_int_equal(s.ntasks, 1);
	assert_int_equal(snapshot_process(&s, 10)->nchildren, 0);
	snapshot_free(&s);
}

/* A task iterator goes by tid: groups interleave, leaders may come late;
 * a tid put twice counts once. */
static void test_any_order(void **state)
{
	struct snapshot s;
	struct process *p;

	(void)state;
	snapshot_init(&s);
	snapshot_begin(&s, 1, 1001);
	put(&s, rec(30, 31, 'S', 1, 9, 0, NET_HOST));
	put(&s, rec(20, 21, 'S', 1, 8, 0, NET_HOST));
	put(&s, rec(30, 30, 'S', 1, 7, 0, NET_HOST));
	put(&s, rec(20, 20, 'S', 1, 6, 0, NET_HOST));
	put(&s, rec(20, 21, 'S', 1, 8, 0, NET_HOST));
	snapshot_end(&s);
	assert_int_equal(s.nlist, 2);
	assert_int_equal(s.ntasks, 4);
	assert_int_equal(s.list[0]->pid, 20);
	assert_int_equal(s.list[1]->pid, 30);
	p = snapshot_process(&s, 30);
	assert_int_equal(p->nthreads, 2);
	assert_ptr_equal(p->threads[0], p->leader);
	assert_int_equal(p->threads[1]->tid, 31);
	assert_int_equal(s.roots[0]->pid, 20);
	snapshot_free(&s);
}

/* A stat that could not be read shows as such, never a made-up value. */
static void test_unreadable_stat(void **state)
{
	struct snapshot s;
	struct task_record r;

	(void)state;
	snapshot_init(&s);
	snapshot_begin(&s, 1, 1001);
	memset(&r, 0, sizeof(r));
	r.tid = r.tgid = 40;
	r.stat_state = FIELD_DENIED;
	snapshot_put(&s, &r);
	/* "same" for a task never read is no sample either */
	r = same(50, 50);
	snapshot_put(&s, &r);
	snapshot_end(&s);
	assert_int_equal(snapshot_task(&s, 40)->stat_state, FIELD_DENIED);
	assert_int_equal(snapshot_process(&s, 40)->state, '?');
	assert_int_equal(snapshot_process(&s, 40)->rss_state, FIELD_DENIED);
	assert_int_equal(snapshot_task(&s, 50)->stat_state, FIELD_UNAVAILABLE);
	snapshot_free(&s);
}

/* One task of group 10 with utime + stime as given. */
static void put_timed(struct snapshot *s, int tid, unsigned long long utime,
    unsigned long long stime)
{
	struct task_record r = rec(10, tid, 'S', 1, (unsigned long long)tid,
	    0, NET_HOST);

	r.stat.utime = utime;
	r.stat.stime = stime;
	put(s, r);
}

/* TIME+ of a group counts its exited threads when the source tells the
 * group's CPU time; without it, the sum of its live threads. */
static void test_group_time_keeps_exited_threads(void **state)
{
	struct snapshot s;
	struct process *p;

	(void)state;
	snapshot_init(&s);
	s.hz = 100;
	snapshot_begin(&s, 1, 1001);
	put_timed(&s, 10, 10, 0);
	put_timed(&s, 11, 90, 9);
	snapshot_end(&s);
	p = snapshot_process(&s, 10);
	assert_true(p->time_valid);
	assert_int_equal(p->time_ticks, 109);
	/* 11 exits; the group's clock still holds its 0.99 s */
	snapshot_begin(&s, 2, 1002);
	put_timed(&s, 10, 10, 0);
	snapshot_put_group_cpu(&s, 10, 1095000000ull);
	snapshot_put_group_cpu(&s, 99, 5 * NS_SEC);	/* no such group: ignored */
	snapshot_end(&s);
	p = snapshot_process(&s, 10);
	assert_int_equal(p->nthreads, 1);
	assert_true(p->time_valid);
	assert_int_equal(p->time_ticks, 109);
	assert_null(snapshot_process(&s, 99));
	/* a refresh without it: the live sum, never the last group value */
	snapshot_begin(&s, 3, 1003);
	put_timed(&s, 10, 10, 0);
	snapshot_end(&s);
	assert_int_equal(snapshot_process(&s, 10)->time_ticks, 10);
	snapshot_free(&s);
}

/* Process 10: its leader and thread tid (cpu_ns of CPU time, started at
 * tick tid), the group's clock at group. */
static void leader_and(struct snapshot *s, double mono, int tid,
    uint64_t cpu_ns, uint64_t group)
{
	snapshot_begin(s, mono, 1000 + mono);
	put(s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(s, rec(10, tid, 'R', 1, (unsigned long long)tid, cpu_ns, NET_HOST));
	snapshot_put_group_cpu(s, 10, group);
	snapshot_end(s);
}

/* A process's CPU% is its group clock's delta: a thread that ran and
 * exited between two refreshes counts (no live thread's delta holds it),
 * a thread seen once has no delta but its time is in the clock's; not
 * across a pid reused by another process, nor a clock that went back. */
static void test_cpu_counts_exited_threads(void **state)
{
	struct snapshot s;
	struct process *p;

	(void)state;
	snapshot_init(&s);
	leader_and(&s, 1, 11, 0, 0);
	p = snapshot_process(&s, 10);
	assert_false(p->cpu_valid);
	/* 2 s later: 11 ran 0.5 s and exited, 12 was born and ran 0.3 s */
	leader_and(&s, 3, 12, 300000000ull, 800000000ull);
	assert_true(p->cpu_valid);
	assert_true(p->cpu_percent > 39.9 && p->cpu_percent < 40.1);
	assert_false(snapshot_task(&s, 12)->cpu_valid);
	/* the clock stood still: 0, though no thread changed */
	leader_and(&s, 4, 12, 300000000ull, 800000000ull);
	assert_true(p->cpu_valid);
	assert_true(p->cpu_percent == 0);
	/* the clock went back (a thread missed as it exited): the threads */
	leader_and(&s, 5, 12, 500000000ull, 700000000ull);
	assert_true(p->cpu_percent > 19.9 && p->cpu_percent < 20.1);
	/* and it is no base for the next: the threads again (12 slept), not
	 * the missed thread's time counted from the low point */
	leader_and(&s, 6, 12, 500000000ull, 1500000000ull);
	assert_true(p->cpu_valid);
	assert_true(p->cpu_percent == 0);
	leader_and(&s, 7, 12, 500000000ull, 1600000000ull);
	assert_true(p->cpu_percent > 9.9 && p->cpu_percent < 10.1);
	/* pid 10 reused by another process: nothing to take a delta from */
	snapshot_begin(&s, 8, 1008);
	put(&s, rec(10, 10, 'S', 1, 900, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 10, 5 * NS_SEC);
	snapshot_end(&s);
	assert_false(p->cpu_valid);
	/* a group never put before: no delta from a clock never read */
	snapshot_begin(&s, 9, 1009);
	put(&s, rec(10, 10, 'S', 1, 900, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 10, 5 * NS_SEC);
	put(&s, rec(30, 30, 'S', 1, 901, 0, NET_HOST));
	snapshot_put_group_cpu(&s, 30, 7 * NS_SEC);
	snapshot_end(&s);
	assert_true(p->cpu_valid);
	assert_true(p->cpu_percent == 0);
	assert_false(snapshot_process(&s, 30)->cpu_valid);
	snapshot_free(&s);
}

/* The compact task (docs/ARCHITECTURE.md, "The model's memory"): a comm
 * longer than the inline bytes is kept whole and follows a rename; an
 * inode wider than the kernel's 32 bits is unavailable, not cut; a task
 * never shown reads as unread, and a put makes its shown fields. */
/* A comm is kept inline up to TASK_COMM_INLINE bytes, past that in a copy
 * whose address the comm bytes hold: each length reads back the same,
 * longer and shorter in turn on one task. */
static void test_comm_lengths(void **state)
{
	static const char name[] = "kworker/u16:3-events_unbound_xyz";
	static const size_t lens[] = { TASK_COMM_INLINE - 1, TASK_COMM_INLINE,
	    TASK_COMM_INLINE + 1, 0, sizeof(name) - 1, TASK_COMM_INLINE, 15 };
	struct snapshot s;
	const char *comm;

	(void)state;
	snapshot_init(&s);
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		struct task_record r = rec(2, 2, 'I', 0, 5, i, NET_HOST);

		memcpy(r.stat.comm, name, lens[i]);
		r.stat.comm_len = lens[i];
		snapshot_begin(&s, 1 + (double)i, 1001 + (double)i);
		put(&s, r);
		snapshot_end(&s);
		assert_int_equal(task_comm(snapshot_task(&s, 2), &comm),
		    lens[i]);
		assert_memory_equal(comm, name, lens[i]);
	}
	snapshot_free(&s);
}

static void test_compact_task(void **state)
{
	static const char longname[] = "kworker/u8:2-events_unbound";
	struct snapshot s;
	struct task_record r;
	const char *comm;
	struct task *t;

	(void)state;
	snapshot_init(&s);
	snapshot_begin(&s, 1, 1001);
	r = rec(2, 2, 'I', 0, 5, 0, NET_HOST);
	memcpy(r.stat.comm, longname, sizeof(longname) - 1);
	r.stat.comm_len = sizeof(longname) - 1;
	r.ns[NS_UTS] = 1ull << 32 | 7;
	put(&s, r);
	snapshot_end(&s);
	t = snapshot_task(&s, 2);
	assert_int_equal(task_comm(t, &comm), sizeof(longname) - 1);
	assert_memory_equal(comm, longname, sizeof(longname) - 1);
	assert_int_equal(task_ns_state(t, NS_UTS), FIELD_UNAVAILABLE);
	assert_int_equal(task_ns_ino(t, NS_UTS), 0);
	assert_int_equal(task_ns_state(t, NS_NET), FIELD_OK);
	assert_true(task_ns_ino(t, NS_NET) == NET_HOST);
	assert_null(t->extra);
	assert_int_equal(task_shown(t)->wchan_state, FIELD_UNREAD);
	assert_true(snapshot_wchan_stale(&s, t));

	snapshot_begin(&s, 2, 1002);
	r = rec(2, 2, 'I', 0, 5, 0, NET_HOST);
	r.stat.utime = 1;	/* another stat: reread */
	put(&s, r);		/* comm "t2": short again */
	snapshot_end(&s);
	assert_int_equal(task_comm(t, &comm), 2);
	assert_memory_equal(comm, "t2", 2);
	assert_true(t->renamed);
	assert_false(t->renewed);
	assert_int_equal(task_ns_state(t, NS_UTS), FIELD_OK);

	snapshot_begin(&s, 3, 1003);
	r.stat.utime = 2;	/* reread, the same comm: renamed no more */
	put(&s, r);
	snapshot_end(&s);
	assert_false(t->renamed);
	assert_int_equal(task_comm(t, &comm), 2);

	snapshot_put_wchan(&s, t, FIELD_OK, "do_sys_poll");
	assert_non_null(t->extra);
	assert_string_equal(task_shown(t)->wchan, "do_sys_poll");
	assert_false(snapshot_wchan_stale(&s, t));
	snapshot_free(&s);
}

/* Threads with the same ten links share one set (docs/ARCHITECTURE.md,
 * "The model's memory"); one that moves gets its own, and shares again
 * once back; a task never read holds none. */
static void test_links_shared(void **state)
{
	struct snapshot s;
	struct task *a, *b;

	(void)state;
	snapshot_init(&s);
	group(&s, 1, 0);
	a = snapshot_task(&s, 11);
	b = snapshot_task(&s, 12);
	assert_non_null(a->ns);
	assert_ptr_equal(a->ns, b->ns);
	assert_ptr_equal(a->ns, snapshot_task(&s, 10)->ns);

	snapshot_begin(&s, 2, 1002);
	put(&s, rec(10, 10, 'S', 1, 5, 0, NET_HOST));
	put(&s, rec(10, 11, 'S', 1, 6, 0, NET_AWAY));
	put(&s, rec(10, 12, 'R', 1, 7, 0, NET_HOST));
	snapshot_end(&s);
	assert_true(a->ns != b->ns);
	assert_true(task_ns_ino(a, NS_NET) == NET_AWAY);
	assert_true(task_ns_ino(b, NS_NET) == NET_HOST);
	assert_int_equal(ns_history_changes(a), 1);
	assert_true(a->ns_differs == 1u << NS_NET);

	group(&s, 3, 0);
	assert_ptr_equal(a->ns, b->ns);
	assert_int_equal(ns_history_changes(a), 2);
	assert_int_equal(ns_history_changes(b), 0);
	snapshot_free(&s);
}

/* Three refreshes of tids 100..163 of group 100, with 163 gone from the
 * second and 164 new in the third. */
static void slots_refresh(struct snapshot *s, double mono, int last)
{
	int tid;

	snapshot_begin(s, mono, 1000 + mono);
	for (tid = 100; tid <= last; tid++)
		put(s, rec(100, tid, 'S', 1, 5, 0, NET_HOST));
	snapshot_end(s);
}

/* A refresh of the groups g (of CHURN_THREADS tasks from CHURN_BASE + g *
 * CHURN_THREADS) for which keep(g, round) holds; how many were put. */
#define CHURN_GROUPS	400
#define CHURN_THREADS	50
#define CHURN_BASE	1000

static bool churn_keep(int g, int round)
{
	return round == 0 ? g < CHURN_GROUPS / 2 :
	    round == 1 ? g % 3 != 0 : g % 2 == 0 || g >= CHURN_GROUPS / 2;
}

static size_t churn_refresh(struct snapshot *s, int round)
{
	size_t n = 0;

	snapshot_begin(s, 1 + round, 1001 + round);
	for (int g = 0; g < CHURN_GROUPS; g++) {
		int tgid = CHURN_BASE + g * CHURN_THREADS;

		if (!churn_keep(g, round))
			continue;
		for (int tid = tgid; tid < tgid + CHURN_THREADS; tid++, n++)
			put(s, rec(tgid, tid, 'S', 1, (unsigned long long)round,
			    0, NET_HOST));
	}
	snapshot_end(s);
	return n;
}

/* The tid map (model/tid_map.c) under growth and churn: groups come, go
 * (tombstones) and come back in other slots; every tid put is found, with
 * its group, and no other. */
static void test_tid_map_churn(void **state)
{
	struct snapshot s;

	(void)state;
	snapshot_init(&s);
	for (int round = 0; round < 4; round++) {
		size_t n = churn_refresh(&s, round);

		assert_int_equal(s.tasks.count, n);
		for (int g = 0; g < CHURN_GROUPS; g++) {
			int tgid = CHURN_BASE + g * CHURN_THREADS;

			for (int tid = tgid; tid < tgid + CHURN_THREADS; tid++) {
				const struct task *t = snapshot_task(&s, tid);

				if (!churn_keep(g, round)) {
					assert_null(t);
					continue;
				}
				assert_non_null(t);
				assert_int_equal(t->tid, tid);
				assert_int_equal(t->tgid, tgid);
			}
		}
		assert_null(snapshot_task(&s, CHURN_BASE - 1));
		assert_null(snapshot_task(&s, CHURN_BASE +
		    CHURN_GROUPS * CHURN_THREADS));
	}
	snapshot_free(&s);
}

/* Tasks are cut from chunks of slots (model/task_slots.c): most lie a
 * whole number of tasks apart, with no malloc header between, and a gone
 * task's slot serves the next new one, which starts from nothing. */
static void test_tasks_in_slots(void **state)
{
	struct snapshot s;
	struct task *gone, *t, *u;
	size_t pairs = 0, packed = 0;
	int tid, other;

	(void)state;
	snapshot_init(&s);
	slots_refresh(&s, 1, 163);
	for (tid = 100; tid <= 163; tid++) {
		for (other = tid + 1; other <= 163; other++) {
			t = snapshot_task(&s, tid);
			u = snapshot_task(&s, other);
			pairs++;
			packed += (size_t)((char *)t > (char *)u ?
			    (char *)t - (char *)u : (char *)u - (char *)t) %
			    sizeof(struct task) == 0;
		}
	}
	assert_true(packed * 2 > pairs);

	gone = snapshot_task(&s, 163);
	snapshot_put_wchan(&s, gone, FIELD_OK, "do_sys_poll");
	assert_non_null(gone->extra);
	slots_refresh(&s, 2, 162);
	assert_null(snapshot_task(&s, 163));
	snapshot_begin(&s, 3, 1003);
	for (tid = 100; tid <= 162; tid++)
		put(&s, rec(100, tid, 'S', 1, 5, 0, NET_HOST));
	put(&s, rec(100, 164, 'R', 1, 7, 0, NET_HOST));
	snapshot_end(&s);
	t = snapshot_task(&s, 164);
	assert_ptr_equal(t, gone);
	assert_int_equal(t->tid, 164);
	assert_int_equal(t->stat.state, 'R');
	assert_null(t->extra);
	assert_int_equal(task_shown(t)->wchan_state, FIELD_UNREAD);
	assert_true(t->renewed);
	assert_false(t->cpu_valid);
	snapshot_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_make_processes),
		cmocka_unit_test(test_group_memory_from_one_record),
		cmocka_unit_test(test_cpu_from_deltas),
		cmocka_unit_test(test_same_values_did_not_run),
		cmocka_unit_test(test_unchanged_process_keeps_derived),
		cmocka_unit_test(test_tid_reuse_starts_over),
		cmocka_unit_test(test_tid_moving_group_starts_over),
		cmocka_unit_test(test_thread_moving_namespace),
		cmocka_unit_test(test_leader_exiting),
		cmocka_unit_test(test_process_vanishing),
		cmocka_unit_test(test_any_order),
		cmocka_unit_test(test_unreadable_stat),
		cmocka_unit_test(test_system_meters),
		cmocka_unit_test(test_counters_rates),
		cmocka_unit_test(test_group_time_keeps_exited_threads),
		cmocka_unit_test(test_cpu_counts_exited_threads),
		cmocka_unit_test(test_comm_lengths),
		cmocka_unit_test(test_compact_task),
		cmocka_unit_test(test_links_shared),
		cmocka_unit_test(test_tasks_in_slots),
		cmocka_unit_test(test_tid_map_churn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
