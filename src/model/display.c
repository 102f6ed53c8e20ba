#include "config.h"

#include "tasktop/model.h"
#include "process.h"

/* Trailing NULs end the last argument (and pad after setproctitle); they
 * separate nothing. */
size_t process_cmdline_shown_len(const struct process *p)
{
	size_t len = p->cmdline && !p->kernel_thread ? p->cmdline_len : 0;

	while (len > 0 && p->cmdline[len - 1] == '\0')
		len--;
	return len;
}

void process_display_name(const struct process *p, struct buf *out)
{
	size_t len = process_cmdline_shown_len(p), i, start = 0;
	const char *comm;
	size_t comm_len;

	if (len == 0) {
		comm_len = process_comm(p, &comm);
		buf_addc(out, '[');
		if (comm_len > 0)
			buf_add(out, comm, comm_len);
		else
			buf_addc(out, '?');
		buf_addc(out, ']');
		return;
	}
	for (i = 0; i <= len; i++) {
		if (i < len && p->cmdline[i] != '\0')
			continue;
		if (start > 0)
			buf_addc(out, ' ');
		buf_add(out, p->cmdline + start, i - start);
		start = i + 1;
	}
}
