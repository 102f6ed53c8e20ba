#include "config.h"

#include <string.h>

#include "scan.h"
#include "tasktop/proc.h"

static const char *const ns_names[NS_COUNT] = {
	[NS_CGROUP] = "cgroup",
	[NS_IPC] = "ipc",
	[NS_MNT] = "mnt",
	[NS_NET] = "net",
	[NS_PID] = "pid",
	[NS_PID_FOR_CHILDREN] = "pid_for_children",
	[NS_TIME] = "time",
	[NS_TIME_FOR_CHILDREN] = "time_for_children",
	[NS_USER] = "user",
	[NS_UTS] = "uts",
};

const char *ns_type_name(enum ns_type t)
{
	return (unsigned)t < NS_COUNT ? ns_names[t] : NULL;
}

int ns_type_from_name(const char *name, size_t len)
{
	for (int t = 0; t < NS_COUNT; t++)
		if (strlen(ns_names[t]) == len &&
		    memcmp(ns_names[t], name, len) == 0)
			return t;
	return -1;
}

/* The *_for_children links point at a namespace of the plain type, so
 * their text reads "pid:[…]", not "pid_for_children:[…]". */
static enum ns_type ns_link_type(enum ns_type t)
{
	if (t == NS_PID_FOR_CHILDREN)
		return NS_PID;
	if (t == NS_TIME_FOR_CHILDREN)
		return NS_TIME;
	return t;
}

int proc_parse_ns_link(const char *buf, size_t len, enum ns_type expect,
    uint64_t *ino)
{
	const char *type = ns_type_name(ns_link_type(expect));
	struct scan s = scan_init(buf, len);
	unsigned long long n;

	if (type == NULL || !scan_lit(&s, type) || !scan_lit(&s, ":[") ||
	    !scan_ull(&s, &n) || !scan_char(&s, ']') || !scan_done(&s))
		return -1;
	*ino = n;
	return 0;
}
