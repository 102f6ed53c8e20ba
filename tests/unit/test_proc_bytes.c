/*
 * Every parser on any bytes and any length: each input is copied into a
 * heap block of exactly len bytes (no NUL after it), so a sanitizer build
 * catches a read past the end; every prefix of real files is tried, then
 * seeded random mutations.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

static const char *const samples[] = {
	"102 (a) (b\nc) S 1 100 100 34816 100 4194624 1520 0 3 0 17 4 0 0 20 0 "
	"3 0 7402 227639296 1560 18446744073709551615 1 2 3 0 0 0 0 4096 "
	"134234626 1 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
	"Name:\tev\\\\il\\n\nState:\tS (sleeping)\nTgid:\t100\nPid:\t102\n"
	"Uid:\t0\t0\t0\t0\nNSpid:\t102\t3\nCapEff:\t000001ffffffffff\n"
	"Cpus_allowed_list:\t0-1\nVmRSS:\t   6240 kB\n",
	"[<0>] inet_csk_accept+0x1f2/0x3b0\n[<ffffffff8a003c5d>] x+0x5d/0x100\n"
	"[<ffffffffffffffff>] 0xffffffffffffffff\n",
	"270 0xfb 0x7ffffdb2f5d0 0x0 0x0 0x7ffffdb2f4e0 0x7ffffdb2f4f0 "
	"0x7ffffdb2f4b0 0x7f4e49875aec\n",
	"-1 0x7ffd1c2b9e40 0x55d0e1a2b3c4\n",
	"running\n",
	"net:[4026531840]",
	"0.27 0.10 0.03 1/85 6507\n",
	"./nsdemo\0--threads\0" "3",
};

/* Results a parser may give, and the invariants of what it filled in. */
static void run_all_parsers(const char *buf, size_t len)
{
	static struct proc_stat st;
	static struct proc_status ss;
	static struct proc_stack stk;
	struct proc_syscall sc;
	uint64_t ino;
	double load[3];
	size_t starts[4];

	int rc = proc_parse_stat(buf, len, &st);
	assert_true(rc == 0 || rc == -1);
	assert_true(st.comm_len < PROC_COMM_MAX);
	rc = proc_parse_status(buf, len, &ss);
	assert_true(rc == 0 || rc == -1);
	assert_true(ss.name_len < PROC_COMM_MAX && ss.nspid_n <= PROC_NSID_MAX
	    && ss.nstgid_n <= PROC_NSID_MAX);
	assert_non_null(memchr(ss.cpus_allowed_list, '\0',
	    sizeof ss.cpus_allowed_list));
	rc = proc_parse_stack(buf, len, &stk);
	assert_true((rc == 0 || rc == -1) && stk.n >= 0
	    && stk.n <= PROC_STACK_MAX_FRAMES);
	for (int i = 0; i < stk.n; i++)
		assert_true(stk.off[i] < PROC_STACK_TEXT);
	rc = proc_parse_syscall(buf, len, &sc);
	assert_true(rc == 0 || rc == -1);
	assert_true(rc == -1 || sc.kind != SYSCALL_IN || sc.nr >= 0);
	for (int t = 0; t < NS_COUNT; t++)
		assert_true(proc_parse_ns_link(buf, len, t, &ino) <= 0);
	assert_true(proc_parse_loadavg(buf, len, load) <= 0);
	assert_true(proc_parse_cmdline(buf, len, starts, 4) <= len);
}

static void run_exact(const char *data, size_t len)
{
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	memcpy(copy, data, len);
	run_all_parsers(copy, len);
	free(copy);
}

static size_t sample_len(size_t i)
{
	/* the cmdline sample holds NULs: it runs to its array's end */
	return i == sizeof samples / sizeof *samples - 1
	    ? sizeof "./nsdemo\0--threads\0" "3" - 1 : strlen(samples[i]);
}

static void test_every_prefix(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++)
		for (size_t len = 0; len <= sample_len(i); len++)
			run_exact(samples[i], len);
}

/* xorshift: the same inputs on every run, so a failure reproduces */
static unsigned next_random(unsigned *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void test_random_mutations(void **state)
{
	static const char interesting[] = "()[]<>:\n\t -0x9fF\\\0\xff";
	char buf[512];
	unsigned seed = 2463534242u;
	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t i = next_random(&seed) % (sizeof samples / sizeof *samples);
		size_t len = sample_len(i);
		memcpy(buf, samples[i], len);
		for (int k = next_random(&seed) % 4; k >= 0 && len > 0; k--)
			buf[next_random(&seed) % len] = interesting[next_random(&seed)
			    % (sizeof interesting - 1)];
		run_exact(buf, next_random(&seed) % (len + 1));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_prefix),
		cmocka_unit_test(test_random_mutations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
