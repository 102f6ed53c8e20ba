/*
 * denied.c - the words for a kernel stack the kernel would not give, from
 * what tasktop holds (denied.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "denied.h"

/* The kernel's fixed inode number of the initial user namespace. */
#define INIT_USER_NS_INO	4026531837ULL

static bool in_init_userns(void)
{
	char link[64];
	unsigned long long ino;
	ssize_t n = readlink("/proc/self/ns/user", link, sizeof link - 1);

	if (n <= 0)
		return true;	/* no namespaces: the only one there is */
	link[n] = '\0';
	return sscanf(link, "user:[%llu]", &ino) == 1 && ino == INIT_USER_NS_INO;
}

static void effective_caps(struct privileges *p)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0,
	};
	struct __user_cap_data_struct data[2];

	memset(data, 0, sizeof data);
	if (syscall(SYS_capget, &hdr, data) != 0)
		return;
	p->cap_sys_admin = data[0].effective & (1u << CAP_SYS_ADMIN);
	p->cap_sys_ptrace = data[0].effective & (1u << CAP_SYS_PTRACE);
}

/* securityfs is often not mounted: then the modules go unnamed. */
static void security_modules(struct privileges *p)
{
	int fd = open("/sys/kernel/security/lsm", O_RDONLY | O_CLOEXEC);
	ssize_t n;

	p->lsm[0] = '\0';
	if (fd < 0)
		return;
	n = read(fd, p->lsm, sizeof p->lsm - 1);
	close(fd);
	p->lsm[n > 0 ? n : 0] = '\0';
	for (char *c = p->lsm; *c; c++)
		if ((unsigned char)*c < 0x20 || (unsigned char)*c > 0x7e)
			*c = ' ';
}

const struct privileges *privileges_get(void)
{
	static struct privileges p;

	if (!p.known) {
		p.root = geteuid() == 0;
		p.init_userns = in_init_userns();
		effective_caps(&p);
		security_modules(&p);
		p.known = true;
	}
	return &p;
}

/* EACCES: the CAP_SYS_ADMIN check against the initial user namespace. */
static void no_cap_words(const struct privileges *p, int tid, char *out,
    size_t len)
{
	if (!p->init_userns)
		snprintf(out, len, "tasktop runs in a user namespace: its "
		    "CAP_SYS_ADMIN there does not count for /proc/%d/stack, "
		    "only the initial namespace's does", tid);
	else if (p->root)
		snprintf(out, len, "tasktop's root has no CAP_SYS_ADMIN (dropped "
		    "from its capabilities), which /proc/%d/stack needs", tid);
	else
		snprintf(out, len, "reading /proc/%d/stack needs root: "
		    "CAP_SYS_ADMIN", tid);
}

/* EPERM: CAP_SYS_ADMIN was there; ptrace access to the thread was not. */
static void no_ptrace_words(const struct privileges *p, int tid, char *out,
    size_t len)
{
	if (!p->cap_sys_ptrace)
		snprintf(out, len, "no ptrace access to thread %d: another "
		    "user's, or it holds capabilities tasktop lacks "
		    "(CAP_SYS_PTRACE would allow it)", tid);
	else if (!p->init_userns)
		snprintf(out, len, "no ptrace access to thread %d: it is outside "
		    "the user namespace tasktop is root of", tid);
	else if (p->lsm[0])
		snprintf(out, len, "refused by a security module or kernel "
		    "policy though tasktop holds CAP_SYS_ADMIN and "
		    "CAP_SYS_PTRACE (modules: %s)", p->lsm);
	else
		snprintf(out, len, "refused by a security module (Yama, "
		    "Landlock, SELinux, AppArmor ...) or kernel policy, though "
		    "tasktop holds CAP_SYS_ADMIN and CAP_SYS_PTRACE");
}

void denied_stack_words(const struct privileges *p, int err, int tid,
    char *out, size_t len)
{
	if (err == EPERM && (p->cap_sys_admin || !p->known))
		no_ptrace_words(p, tid, out, len);
	else
		no_cap_words(p, tid, out, len);
}
