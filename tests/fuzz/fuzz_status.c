/*
 * Fuzzes proc_parse_status on the input as a whole file, and checks that a
 * task name escaped the way the kernel escapes it ("\n" and "\\") comes
 * back unescaped byte for byte.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/proc.h"

#define STATUS_HAS_ALL ((STATUS_HAS_KTHREAD << 1) - 1)

static void check_ids(const int *ids, int n)
{
	FUZZ_CHECK(n >= 0 && n <= PROC_NSID_MAX);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(ids[i] >= 0);
}

static void check_whole_file(const char *buf, size_t len)
{
	struct proc_status st;
	int rc = proc_parse_status(buf, len, &st);

	FUZZ_CHECK(rc == 0 || rc == -1);
	FUZZ_CHECK((st.has & ~(unsigned)STATUS_HAS_ALL) == 0);
	FUZZ_CHECK((rc == 0) == ((st.has & (STATUS_HAS_NAME | STATUS_HAS_PID)) != 0));
	FUZZ_CHECK(st.name_len < PROC_COMM_MAX && st.name[st.name_len] == '\0');
	const char *end = memchr(st.cpus_allowed_list, '\0',
	    sizeof st.cpus_allowed_list);
	FUZZ_CHECK(end != NULL);
	for (const char *p = st.cpus_allowed_list; p < end; p++)
		FUZZ_CHECK(*p >= 0x20 && *p < 0x7f);
	check_ids(st.nstgid, st.nstgid_n);
	check_ids(st.nspid, st.nspid_n);
	FUZZ_CHECK(st.tgid >= 0 && st.pid >= 0 && st.ppid >= 0);
	FUZZ_CHECK(st.tracer_pid >= 0 && st.seccomp >= 0);
}

/* As fs/proc/array.c: seq_escape_str(m, tcomm, ESCAPE_SPACE|ESCAPE_SPECIAL,
 * "\n\\") writes a name with newline and backslash escaped. */
static size_t kernel_escape(char *out, const uint8_t *name, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (name[i] == '\n' || name[i] == '\\') {
			out[n++] = '\\';
			out[n++] = name[i] == '\n' ? 'n' : '\\';
		} else {
			out[n++] = (char)name[i];
		}
	}
	return n;
}

static void check_name_round_trip(const uint8_t *data, size_t size)
{
	char line[128];
	size_t name_len = fuzz_task_name_len(data, size), n;
	struct proc_status st;

	memcpy(line, "Name:\t", 6);
	n = 6 + kernel_escape(line + 6, data, name_len);
	memcpy(line + n, "\nPid:\t77\n", 9);
	n += 9;
	char *copy = fuzz_copy((const uint8_t *)line, n);
	FUZZ_CHECK(proc_parse_status(copy, n, &st) == 0);
	FUZZ_CHECK(st.has == (STATUS_HAS_NAME | STATUS_HAS_PID) && st.pid == 77);
	FUZZ_CHECK(st.name_len == name_len);
	FUZZ_CHECK(memcmp(st.name, data, name_len) == 0);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_name_round_trip);
	return 0;
}
