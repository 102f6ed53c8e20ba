#include "config.h"

#include <string.h>

#include "scan.h"
#include "tasktop/proc.h"

/*
 * The counters behind the SHR, CSW/s and IO columns: /proc/<pid>/io's
 * read_bytes and write_bytes (what reached the storage layer, as htop's
 * IO rates) and /proc/<pid>/statm's shared pages.
 */
int proc_parse_io(const char *buf, size_t len, struct proc_io *out)
{
	struct scan s = scan_init(buf, len);
	struct proc_io io = { 0 };
	unsigned have = 0;

	while (!scan_done(&s)) {
		const char *start;
		unsigned long long v;

		if (scan_lit(&s, "read_bytes: ")) {
			if (!scan_ull(&s, &v))
				return -1;
			io.read_bytes = v;
			have |= 1;
		} else if (scan_lit(&s, "write_bytes: ")) {
			if (!scan_ull(&s, &v))
				return -1;
			io.write_bytes = v;
			have |= 2;
		}
		scan_until(&s, '\n', &start);
	}
	if (have != 3)
		return -1;
	*out = io;
	return 0;
}

/* "size resident shared text lib data dt", in pages. */
int proc_parse_statm(const char *buf, size_t len,
    unsigned long long *shared_pages)
{
	struct scan s = scan_init(buf, len);
	unsigned long long v[3];

	for (int i = 0; i < 3; i++) {
		if (i > 0 && !scan_char(&s, ' '))
			return -1;
		if (!scan_ull(&s, &v[i]))
			return -1;
	}
	if (!scan_done(&s) && *s.p != ' ' && *s.p != '\n')
		return -1;
	*shared_pages = v[2];
	return 0;
}
