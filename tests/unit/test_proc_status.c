/* proc_parse_status: known lines, escapes, missing lines leave `has` clear. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tasktop/proc.h"

static const char REAL[] =
    "Name:\tnsdemo\n"
    "Umask:\t0022\n"
    "State:\tS (sleeping)\n"
    "Tgid:\t100\n"
    "Ngid:\t0\n"
    "Pid:\t102\n"
    "PPid:\t1\n"
    "TracerPid:\t0\n"
    "Uid:\t1000\t1001\t1002\t1003\n"
    "Gid:\t100\t101\t102\t103\n"
    "FDSize:\t64\n"
    "Groups:\t \n"
    "NStgid:\t100\t1\n"
    "NSpid:\t102\t3\n"
    "NSpgid:\t100\t1\n"
    "Kthread:\t0\n"
    "VmRSS:\t    6240 kB\n"
    "Threads:\t3\n"
    "CapEff:\t000001ffffffffff\n"
    "Seccomp:\t2\n"
    "Cpus_allowed:\t3\n"
    "Cpus_allowed_list:\t0-1\n"
    "voluntary_ctxt_switches:\t341\n"
    "nonvoluntary_ctxt_switches:\t34\n";

static int parse(const char *text, struct proc_status *st)
{
	return proc_parse_status(text, strlen(text), st);
}

static void test_real_file(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse(REAL, &st), 0);
	assert_int_equal(st.has, 0xffffu);	/* every bit */
	assert_int_equal(st.kthread, 0);
	assert_string_equal(st.name, "nsdemo");
	assert_int_equal(st.state, 'S');
	assert_int_equal(st.tgid, 100);
	assert_int_equal(st.pid, 102);
	assert_int_equal(st.ppid, 1);
	assert_int_equal(st.uid[0], 1000);
	assert_int_equal(st.uid[3], 1003);
	assert_int_equal(st.gid[1], 101);
	assert_int_equal(st.nstgid_n, 2);
	assert_int_equal(st.nstgid[1], 1);
	assert_int_equal(st.nspid[1], 3);
	assert_int_equal(st.vm_rss_kb, 6240);
	assert_true(st.cap_eff == 0x1ffffffffffull);
	assert_int_equal(st.seccomp, 2);
	assert_string_equal(st.cpus_allowed_list, "0-1");
	assert_int_equal(st.voluntary_ctxt_switches, 341);
	assert_int_equal(st.nonvoluntary_ctxt_switches, 34);
}

static void test_name_escapes(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Name:\ta\\nb\\\\c\\q\nPid:\t1\n", &st), 0);
	assert_int_equal(st.name_len, 7);
	assert_memory_equal(st.name, "a\nb\\c\\q", 7);
}

static void test_name_keeps_leading_blank_and_raw_bytes(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Name:\t \x1b[31m\xff\nPid:\t1\n", &st), 0);
	assert_int_equal(st.name_len, 7);
	assert_memory_equal(st.name, " \x1b[31m\xff", 7);
}

static void test_kernel_thread_has_no_vmrss(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Name:\tkworker/0:1H\nState:\tI (idle)\nPid:\t3\n"
	    "Kthread:\t1\n", &st), 0);
	assert_false(st.has & STATUS_HAS_VMRSS);
	assert_false(st.has & STATUS_HAS_UID);
	assert_int_equal(st.vm_rss_kb, 0);
	assert_true(st.has & STATUS_HAS_KTHREAD);
	assert_int_equal(st.kthread, 1);
}

static void test_not_a_status_file(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("", &st), -1);
	assert_int_equal(parse("garbage\n\n\x01\x02", &st), -1);
	assert_int_equal(parse("Tgid:\t5\n", &st), -1);
}

static void test_malformed_values_leave_bits_clear(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Pid:\t1\nTgid:\t-5\nPPid:\t99999999999\n"
	    "Uid:\t0\t0\t0\nGid:\t0\t0\t0\t0\t0\nNSpid:\t\nCapEff:\txyz\n"
	    "VmRSS:\t12\nSeccomp:\t1x\nState:\t?\n", &st), 0);
	assert_int_equal(st.has, STATUS_HAS_PID);
	assert_int_equal(st.tgid, 0);
	assert_int_equal(st.uid[0], 0);
	assert_int_equal(st.vm_rss_kb, 0);
}

static void test_cap_eff_overflow(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Pid:\t1\nCapEff:\t1ffffffffffffffff\n", &st), 0);
	assert_false(st.has & STATUS_HAS_CAPEFF);
}

static void test_nspid_keeps_first_eight(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Pid:\t1\nNSpid:\t1 2 3 4 5 6 7 8 9 10\n", &st), 0);
	assert_true(st.has & STATUS_HAS_NSPID);
	assert_int_equal(st.nspid_n, PROC_NSID_MAX);
	assert_int_equal(st.nspid[7], 8);
}

static void test_ctxt_needs_both_lines(void **state)
{
	struct proc_status st;
	(void)state;
	assert_int_equal(parse("Pid:\t1\nvoluntary_ctxt_switches:\t5\n", &st), 0);
	assert_false(st.has & STATUS_HAS_CTXT);
	assert_int_equal(st.has, STATUS_HAS_PID);
}

static void test_cpus_list_printable_only(void **state)
{
	struct proc_status st;
	char line[400] = "Pid:\t1\nCpus_allowed_list:\t0-3\x1b,\x7f" "8\t";
	(void)state;
	size_t n = strlen(line);
	memset(line + n, '9', 300);
	line[n + 300] = '\n';
	assert_int_equal(proc_parse_status(line, n + 301, &st), 0);
	assert_int_equal(strncmp(st.cpus_allowed_list, "0-3,89", 6), 0);
	assert_int_equal(strlen(st.cpus_allowed_list),
	    sizeof st.cpus_allowed_list - 1);
}

static void test_truncated_last_line(void **state)
{
	struct proc_status st;
	(void)state;
	/* a read cut inside "Uid:" must not produce a half uid set */
	assert_int_equal(parse("Name:\tx\nPid:\t1\nUid:\t0\t0", &st), 0);
	assert_false(st.has & STATUS_HAS_UID);
	assert_int_equal(proc_parse_status("Name:\tabcdef", 8, &st), 0);
	assert_string_equal(st.name, "ab");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_file),
		cmocka_unit_test(test_name_escapes),
		cmocka_unit_test(test_name_keeps_leading_blank_and_raw_bytes),
		cmocka_unit_test(test_kernel_thread_has_no_vmrss),
		cmocka_unit_test(test_not_a_status_file),
		cmocka_unit_test(test_malformed_values_leave_bits_clear),
		cmocka_unit_test(test_cap_eff_overflow),
		cmocka_unit_test(test_nspid_keeps_first_eight),
		cmocka_unit_test(test_ctxt_needs_both_lines),
		cmocka_unit_test(test_cpus_list_printable_only),
		cmocka_unit_test(test_truncated_last_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
