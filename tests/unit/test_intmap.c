#include "config.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "tasktop/intmap.h"

#define MANY	100000

/* Values are never dereferenced: a distinct non-NULL pointer per key. */
static void *value_of(int key)
{
	return (void *)((uintptr_t)key * 2 + 1);
}

static void fill(struct intmap *m, int from, int to)
{
	int k;

	for (k = from; k < to; k++)
		assert_null(intmap_put(m, k, value_of(k)));
}

/* The invariants the header promises and the load limit we grow at. */
static void assert_well_formed(const struct intmap *m)
{
	size_t i, used = 0, tombs = 0;

	assert_int_equal(m->cap & (m->cap - 1), 0);
	for (i = 0; i < m->cap; i++) {
		used += m->used[i] == 1;
		tombs += m->used[i] == 2;
	}
	assert_int_equal(used, m->count);
	assert_int_equal(tombs, m->tombs);
	assert_true((m->count + m->tombs) * 10 <= m->cap * 7);
}

static void test_empty_map(void **state)
{
	struct intmap m;
	size_t it = 0;
	int k;
	void *v;

	(void)state;
	intmap_init(&m);
	assert_null(intmap_get(&m, 1));
	assert_null(intmap_del(&m, 1));
	assert_int_equal(intmap_next(&m, &it, &k, &v), 0);
	intmap_free(&m);
}

static void test_put_replaces(void **state)
{
	struct intmap m;

	(void)state;
	intmap_init(&m);
	assert_null(intmap_put(&m, 7, value_of(1)));
	assert_ptr_equal(intmap_put(&m, 7, value_of(2)), value_of(1));
	assert_ptr_equal(intmap_get(&m, 7), value_of(2));
	assert_int_equal(m.count, 1);
	intmap_free(&m);
}

static void test_del_returns_value(void **state)
{
	struct intmap m;

	(void)state;
	intmap_init(&m);
	fill(&m, 0, 3);
	assert_ptr_equal(intmap_del(&m, 1), value_of(1));
	assert_null(intmap_get(&m, 1));
	assert_null(intmap_del(&m, 1));
	assert_ptr_equal(intmap_get(&m, 2), value_of(2));
	assert_int_equal(m.count, 2);
	assert_well_formed(&m);
	intmap_free(&m);
}

static void test_extreme_keys(void **state)
{
	const int keys[] = { 0, -1, INT_MIN, INT_MAX, 1 << 16, 1 << 20 };
	struct intmap m;
	size_t i;

	(void)state;
	intmap_init(&m);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		intmap_put(&m, keys[i], value_of((int)i));
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		assert_ptr_equal(intmap_get(&m, keys[i]), value_of((int)i));
	assert_null(intmap_get(&m, 1));
	intmap_free(&m);
}

static void test_many_keys(void **state)
{
	struct intmap m;
	int k;

	(void)state;
	intmap_init(&m);
	fill(&m, 0, MANY);
	assert_int_equal(m.count, MANY);
	for (k = 0; k < MANY; k++)
		assert_ptr_equal(intmap_get(&m, k), value_of(k));
	assert_null(intmap_get(&m, MANY));
	assert_well_formed(&m);
	intmap_free(&m);
}

static void test_delete_half_and_reinsert(void **state)
{
	struct intmap m;
	int k;

	(void)state;
	intmap_init(&m);
	fill(&m, 0, MANY);
	for (k = 0; k < MANY; k += 2)
		assert_ptr_equal(intmap_del(&m, k), value_of(k));
	assert_int_equal(m.count, MANY / 2);
	for (k = 0; k < MANY; k++)
		assert_ptr_equal(intmap_get(&m, k),
		    k % 2 ? value_of(k) : NULL);
	for (k = 0; k < MANY; k += 2)
		assert_null(intmap_put(&m, k, value_of(k)));
	assert_int_equal(m.count, MANY);
	for (k = 0; k < MANY; k++)
		assert_ptr_equal(intmap_get(&m, k), value_of(k));
	assert_well_formed(&m);
	intmap_free(&m);
}

/* Pids come and go forever: tombstones must not fill the table. */
static void test_churn_stays_small(void **state)
{
	struct intmap m;
	int k;

	(void)state;
	intmap_init(&m);
	for (k = 0; k < 10 * MANY; k++) {
		intmap_put(&m, k, value_of(k));
		if (k >= 4)
			assert_ptr_equal(intmap_del(&m, k - 4), value_of(k - 4));
	}
	assert_int_equal(m.count, 4);
	assert_true(m.cap <= 64);
	assert_well_formed(&m);
	for (k = 10 * MANY - 4; k < 10 * MANY; k++)
		assert_ptr_equal(intmap_get(&m, k), value_of(k));
	intmap_free(&m);
}

static void test_iteration_visits_each_once(void **state)
{
	struct intmap m;
	char *seen = calloc(MANY, 1);
	size_t it = 0, visits = 0;
	int k;
	void *v;

	(void)state;
	assert_non_null(seen);
	intmap_init(&m);
	fill(&m, 0, MANY);
	while (intmap_next(&m, &it, &k, &v)) {
		assert_true(k >= 0 && k < MANY);
		assert_ptr_equal(v, value_of(k));
		assert_int_equal(seen[k], 0);
		seen[k] = 1;
		visits++;
	}
	assert_int_equal(visits, MANY);
	free(seen);
	intmap_free(&m);
}

static void test_delete_while_iterating(void **state)
{
	struct intmap m;
	size_t it = 0, visits = 0;
	int k;
	void *v;

	(void)state;
	intmap_init(&m);
	fill(&m, 0, MANY);
	while (intmap_next(&m, &it, &k, &v)) {
		if (k % 3 == 0)
			assert_ptr_equal(intmap_del(&m, k), v);
		visits++;
	}
	assert_int_equal(visits, MANY);
	for (k = 0; k < MANY; k++)
		assert_ptr_equal(intmap_get(&m, k),
		    k % 3 ? value_of(k) : NULL);
	assert_well_formed(&m);
	intmap_free(&m);
}

static void test_delete_all_while_iterating(void **state)
{
	struct intmap m;
	size_t it = 0, visits = 0;
	int k;

	(void)state;
	intmap_init(&m);
	fill(&m, 0, MANY);
	while (intmap_next(&m, &it, &k, NULL)) {
		assert_non_null(intmap_del(&m, k));
		visits++;
	}
	assert_int_equal(visits, MANY);
	assert_int_equal(m.count, 0);
	it = 0;
	assert_int_equal(intmap_next(&m, &it, &k, NULL), 0);
	fill(&m, 0, 10);
	assert_int_equal(m.count, 10);
	intmap_free(&m);
}

static void test_free_then_reuse(void **state)
{
	struct intmap m;

	(void)state;
	intmap_init(&m);
	fill(&m, 0, 100);
	intmap_free(&m);
	assert_int_equal(m.count, 0);
	assert_null(intmap_get(&m, 5));
	fill(&m, 0, 5);
	assert_ptr_equal(intmap_get(&m, 4), value_of(4));
	intmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map),
		cmocka_unit_test(test_put_replaces),
		cmocka_unit_test(test_del_returns_value),
		cmocka_unit_test(test_extreme_keys),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_delete_half_and_reinsert),
		cmocka_unit_test(test_churn_stays_small),
		cmocka_unit_test(test_iteration_visits_each_once),
		cmocka_unit_test(test_delete_while_iterating),
		cmocka_unit_test(test_delete_all_while_iterating),
		cmocka_unit_test(test_free_then_reuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
