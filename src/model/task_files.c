#include "config.h"

#include "internal.h"

enum field_state task_file_wchan(const struct proc_root *root, int tgid,
    int tid, char *wchan, size_t cap)
{
	size_t len = 0;
	enum field_state st = proc_read_task_file(root, tgid, tid, "wchan",
	    wchan, cap, &len);

	if (st != FIELD_OK)
		wchan[0] = '\0';
	return st;
}

enum field_state task_file_syscall(const struct proc_root *root, int tgid,
    int tid, struct proc_syscall *out)
{
	char buf[256];
	size_t len = 0;
	enum field_state st = proc_read_task_file(root, tgid, tid, "syscall",
	    buf, sizeof(buf), &len);

	if (st == FIELD_OK && proc_parse_syscall(buf, len, out) != 0)
		st = FIELD_UNAVAILABLE;
	return st;
}
