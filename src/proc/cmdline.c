#include "config.h"

#include <string.h>

#include "tasktop/proc.h"

size_t proc_parse_cmdline(const char *buf, size_t len, size_t *starts,
    size_t max)
{
	size_t argc = 0, i = 0;

	while (i < len) {
		const char *nul;

		if (argc < max)
			starts[argc] = i;
		argc++;
		nul = memchr(buf + i, '\0', len - i);
		i = nul != NULL ? (size_t)(nul - buf) + 1 : len;
	}
	return argc;
}
