#include "config.h"

#include <string.h>

#include "scan.h"
#include "tasktop/proc.h"

/* Old kernels ended every trace with this pseudo frame. */
#define STACK_END_MARKER "0xffffffffffffffff"

/* "[<addr>] frame": the address is hashed ("0") since Linux 4.15. */
static bool strip_address(struct scan *line)
{
	const char *start;

	if (!scan_lit(line, "[<"))
		return false;
	scan_until(line, '>', &start);
	return scan_lit(line, "] ");
}

static bool is_end_marker(struct scan frame)
{
	return scan_lit(&frame, STACK_END_MARKER) && scan_done(&frame);
}

/* Append one frame; false when there is no room left for it. */
static bool add_frame(struct proc_stack *out, size_t *used, struct scan frame)
{
	size_t n = (size_t)(frame.end - frame.p);

	if (out->n == PROC_STACK_MAX_FRAMES || *used + n + 1 > PROC_STACK_TEXT)
		return false;
	out->off[out->n++] = (uint16_t)*used;
	memcpy(out->text + *used, frame.p, n);
	out->text[*used + n] = '\0';
	*used += n + 1;
	return true;
}

int proc_parse_stack(const char *buf, size_t len, struct proc_stack *out)
{
	struct scan s = scan_init(buf, len);
	size_t used = 0;

	out->n = 0;
	out->truncated = false;
	out->text[0] = '\0';
	while (!scan_done(&s)) {
		const char *start;
		size_t n = scan_until(&s, '\n', &start);
		struct scan line = scan_init(start, n);
		if (n == 0 || is_end_marker(line))
			continue;
		if (!strip_address(&line)) {
			out->n = 0;
			out->truncated = false;
			return -1;
		}
		if (is_end_marker(line))
			continue;
		/* Once a frame did not fit, keep none after it: a stack with
		 * a hole in the middle would read as a different call chain. */
		if (out->truncated || !add_frame(out, &used, line))
			out->truncated = true;
	}
	return 0;
}
