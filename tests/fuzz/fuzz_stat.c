/*
 * Fuzzes proc_parse_stat twice per input: the input as a whole stat file,
 * and the input as the comm of an otherwise well-formed line (a task can
 * name itself ") S 1 (" or put a newline in its name).
 */
#include "config.h"

#include <ctype.h>

#include "fuzz.h"
#include "tasktop/proc.h"

#define STAT_TAIL " 1 1 1 0 -1 4194560 100 0 0 0 17 23 0 0 20 0 3 0 4242 " \
	"12345678 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0\n"

/* On success the comm is a prefix of the bytes between the first " (" and
 * the last ')', it fits with its NUL, and the state is a letter. */
static void check_whole_file(const char *buf, size_t len)
{
	struct proc_stat st;

	if (proc_parse_stat(buf, len, &st) != 0)
		return;
	const char *open = memchr(buf, '(', len);
	const char *close = memrchr(buf, ')', len);
	FUZZ_CHECK(open != NULL && close != NULL && open < close);
	FUZZ_CHECK(st.comm_len < PROC_COMM_MAX);
	FUZZ_CHECK(st.comm_len <= (size_t)(close - open - 1));
	FUZZ_CHECK(memcmp(st.comm, open + 1, st.comm_len) == 0);
	FUZZ_CHECK(st.comm[st.comm_len] == '\0');
	FUZZ_CHECK(isprint((unsigned char)st.state) && st.state != ' ');
	FUZZ_CHECK(st.ppid >= 0 && st.num_threads >= 0 && st.processor >= -1);
}

/* A comm the kernel could produce comes back
 * byte for byte, and the fields after it are still found. */
static void check_comm_round_trip(const uint8_t *data, size_t size)
{
	char line[512];
	size_t comm_len = fuzz_task_name_len(data, size);
	struct proc_stat st;
	int n = snprintf(line, sizeof line, "4242 (%.*s) S" STAT_TAIL,
	    (int)comm_len, (const char *)data);
	FUZZ_CHECK(n > 0 && (size_t)n < sizeof line);
	char *copy = fuzz_copy((const uint8_t *)line, (size_t)n);
	FUZZ_CHECK(proc_parse_stat(copy, (size_t)n, &st) == 0);
	FUZZ_CHECK(st.comm_len == comm_len);
	FUZZ_CHECK(memcmp(st.comm, data, comm_len) == 0);
	FUZZ_CHECK(st.state == 'S' && st.ppid == 1 && st.utime == 17);
	FUZZ_CHECK(st.stime == 23 && st.priority == 20 && st.nice == 0);
	FUZZ_CHECK(st.num_threads == 3 && st.starttime == 4242);
	FUZZ_CHECK(st.vsize == 12345678 && st.rss_pages == 789);
	FUZZ_CHECK(st.processor == 1);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_then_round_trip(data, size, check_whole_file, check_comm_round_trip);
	return 0;
}
