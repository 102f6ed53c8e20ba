/*
 * side_pane_ns.c - the selected thread's namespaces in the side pane: each
 * against the process's reference thread and with its name, the thread's
 * container or unit, its last namespace change, what its network namespace
 * holds beside what its leader's holds, and the commands that enter them
 * (docs/ARCHITECTURE.md, "Namespace names and contents").
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>


#include "pane.h"
#include "state.h"

#define NET_BIT		(1u << NS_NET)
#define BLOCK_LINES	40	/* lines of one netns block */
#define BLOCK_LINE_MAX	96

static const char *ns_short_name(enum ns_type t)
{
	if (t == NS_PID_FOR_CHILDREN)
		return "pid/child";
	if (t == NS_TIME_FOR_CHILDREN)
		return "time/child";
	return ns_type_name(t);
}

static const char *ns_relation(const struct task_detail *d,
    const struct task *ref, enum ns_type t)
{
	if (!ref || task_ns_state(ref, t) != FIELD_OK)
		return "no reference";
	if (ref->tid == d->tid)
		return "reference";
	return d->ns[t] == task_ns_ino(ref, t) ? "same" : "differs";
}

static const struct task *pane_ref(struct pane_lines *pl,
    const struct process *p)
{
	return p && p->ns_ref_tid > 0 ?
	    snapshot_task(pl->ui->snap, p->ns_ref_tid) : NULL;
}

/* "  net  4026532318 differs  qa1": the name is untrusted bytes. */
static void ns_line(struct pane_lines *pl, const struct task_detail *d,
    const struct task *ref, int t, int label_w, const char *label)
{
	struct buf *b = &pl->ui->text;
	enum theme_elem style = THEME_PANE;
	const char *rel = ns_relation(d, ref, t);
	enum ns_type plain = t == NS_PID_FOR_CHILDREN ? NS_PID :
	    t == NS_TIME_FOR_CHILDREN ? NS_TIME : (enum ns_type)t;
	const struct ns_name *name = detail_ns_name(source_detail(pl->ui->src), plain,
	    d->ns[t]);

	if (strcmp(rel, "differs") == 0)
		style = t == NS_NET ? THEME_NETNS : THEME_NSDIFF;
	buf_reset(b);
	buf_printf(b, "  %-*s %-10llu %-9s", label_w, label,
	    (unsigned long long)d->ns[t], rel);
	if (name != NULL) {
		buf_adds(b, " ");
		buf_add(b, name->name, name->name_len);
	}
	pane_put(pl, style, b->data, b->len);
}

static void ns_table(struct pane_lines *pl, const struct task_detail *d,
    const struct task *ref)
{
	/* "time_for_children" is long: a narrow pane names the two
	 * *_for_children types "pid/child" and "time/child" instead. */
	bool wide = pl->r->w >= 44;
	int label_w = wide ? 18 : 10;

	for (int t = 0; t < NS_COUNT; t++) {
		const char *label = wide ? ns_type_name(t) : ns_short_name(t);
		if (d->ns_state[t] != FIELD_OK)
			pane_printf(pl, THEME_ERROR, "  %-*s %s", label_w,
			    label, field_state_str(d->ns_state[t]));
		else
			ns_line(pl, d, ref, t, label_w, label);
	}
}

static void container_line(struct pane_lines *pl, const struct task_detail *d)
{
	struct cgroup_unit u;
	struct buf *b = &pl->ui->text;

	if (detail_read_cgroup(source_detail(pl->ui->src), d->tgid, d->tid, &u) !=
	    FIELD_OK || u.kind == CGROUP_NONE)
		return;
	buf_reset(b);
	buf_printf(b, "  %-10s%s ", cgroup_kind_is_container(u.kind) ?
	    "container" : "unit", cgroup_kind_name(u.kind));
	buf_add(b, u.id, cgroup_short_id_len(&u));
	if (cgroup_short_id_len(&u) < u.id_len)
		buf_adds(b, "...");
	pane_put(pl, THEME_PANE, b->data, b->len);
}

static void relatives_line(struct pane_lines *pl, const struct task_detail *d)
{
	const struct ns_facts *net = d->ns_state[NS_NET] != FIELD_OK ? NULL :
	    detail_ns_facts(source_detail(pl->ui->src), NS_NET, d->ns[NS_NET], d->tgid,
	    d->tid);
	const struct ns_facts *pid = d->ns_state[NS_PID] != FIELD_OK ? NULL :
	    detail_ns_facts(source_detail(pl->ui->src), NS_PID, d->ns[NS_PID], d->tgid,
	    d->tid);
	char owner[32] = "-", parent[32] = "-";

	if (net && net->rel.owner_state == FIELD_OK)
		snprintf(owner, sizeof owner, "%llu",
		    (unsigned long long)net->rel.owner);
	if (pid && pid->rel.parent_state == FIELD_OK)
		snprintf(parent, sizeof parent, "%llu",
		    (unsigned long long)pid->rel.parent);
	else if (pid && pid->rel.parent_state == FIELD_DENIED)
		snprintf(parent, sizeof parent, "none visible");
	pane_printf(pl, THEME_PANE, "  %-10suser %s; pid parent %s", "net owner",
	    owner, parent);
}

#define PANE_MOVES 3	/* changes the pane lists, the latest first */

static void history_lines(struct pane_lines *pl, const struct task_detail *d)
{
	const struct task *t = snapshot_task(pl->ui->snap, d->tid);
	size_t kept;

	if (t == NULL || t->tgid != d->tgid)
		return;
	kept = ns_history_kept(t);
	for (size_t k = 0; k < kept && k < PANE_MOVES; k++) {
		const struct ns_change *c = ns_history_at(t, kept - 1 - k);
		double s = pl->ui->snap->wall - c->wall;
		pane_printf(pl, c->type == NS_NET ? THEME_NETNS : THEME_PANE,
		    "  %-10s%s %llu -> %llu, %.0f s ago", k ? "" : "moved",
		    ns_type_name(c->type), (unsigned long long)c->from,
		    (unsigned long long)c->to, s < 0 ? 0 : s);
	}
	if (ns_history_changes(t) > PANE_MOVES)
		pane_printf(pl, THEME_PANE, "  %-10s(%u moves in all)", "",
		    ns_history_changes(t));
	if (t->born_foreign)
		pane_wrapped(pl, THEME_NETNS, "  born into a netns not its "
		    "process's: the thread that created it had called setns");
}

/* ---- a netns's contents as lines, for one block or two side by side */

struct block {
	char		 line[BLOCK_LINES][BLOCK_LINE_MAX];
	enum theme_elem	 style[BLOCK_LINES];
	int		 n;
};

static void block_add(struct block *bl, enum theme_elem style,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void block_add(struct block *bl, enum theme_elem style,
    const char *fmt, ...)
{
	va_list ap;

	if (bl->n == BLOCK_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(bl->line[bl->n], BLOCK_LINE_MAX, fmt, ap);
	va_end(ap);
	bl->style[bl->n++] = style;
}

static const char *why(enum field_state st, int err, bool entering)
{
	if (st == FIELD_DENIED)
		return entering ? "permission denied (entering a netns needs "
		    "CAP_SYS_ADMIN)" : "permission denied (needs ptrace access)";
	if (st == FIELD_GONE)
		return "gone (the thread exited)";
	/* the system's words: "Resource temporarily unavailable" is the
	 * receive deadline, "Protocol error" a dump that made no sense */
	if (st == FIELD_UNAVAILABLE && err > 0)
		return strerror(err);
	return field_state_str(st);
}

static void block_ifs(struct block *bl, const struct netns_contents *c)
{
	char addr[NETNS_ADDR_TEXT];

	if (c->links_state != FIELD_OK) {
		block_add(bl, THEME_ERROR, " interfaces: %s",
		    why(c->links_state, c->links_errno, true));
		return;
	}
	for (size_t i = 0; i < c->nifs; i++) {
		const struct netns_if *f = &c->ifs[i];
		const char *up = !f->up ? "down" :
		    f->running || f->loopback ? "up" : "up, no carrier";

		block_add(bl, f->up ? THEME_PANE : THEME_NETNS, " %s %s", f->name,
		    up);
		for (size_t j = 0; j < c->naddrs; j++) {
			const struct netns_addr *a = &c->addrs[j];
			if (a->ifindex != f->index)
				continue;
			netns_addr_text(a->family, a->addr, addr, sizeof addr);
			block_add(bl, THEME_PANE, "   %s/%u", addr, a->prefix);
		}
	}
	if (c->nifs == 0)
		block_add(bl, THEME_PANE, " (no interfaces)");
	if (c->ifs_truncated || c->addrs_truncated)
		block_add(bl, THEME_PANE, " ... more not read");
}

static void block_listeners(struct block *bl, const struct netns_contents *c)
{
	char ep[NETNS_ADDR_TEXT];

	if (c->listen_state != FIELD_OK) {
		block_add(bl, THEME_ERROR, " listening: %s",
		    why(c->listen_state, 0, false));
		return;
	}
	block_add(bl, THEME_PANE, c->nlisten ? " listening" :
	    " listening: nothing");
	for (size_t i = 0; i < c->nlisten; i++) {
		const struct netns_listener *l = &c->listen[i];
		netns_endpoint_text(l->family, l->addr, l->port, ep, sizeof ep);
		block_add(bl, THEME_PANE, "   %s %s",
		    l->proto == NETNS_TCP ? "tcp" : "udp", ep);
	}
	if (c->listen_truncated)
		block_add(bl, THEME_PANE, "   ... more not read");
}

static void block_fill(struct pane_lines *pl, struct block *bl,
    const char *whose, int tgid, int tid, uint64_t ino)
{
	const struct ns_name *name = detail_ns_name(source_detail(pl->ui->src), NS_NET, ino);
	const struct netns_contents *c = detail_netns(source_detail(pl->ui->src), ino,
	    tgid, tid);

	bl->n = 0;
	/* by its name when it has one (the table above gives the inode);
	 * the name is sanitized when the line is drawn */
	if (name != NULL)
		block_add(bl, THEME_PANE_TITLE, "%s netns %.*s", whose,
		    (int)name->name_len, name->name);
	else
		block_add(bl, THEME_PANE_TITLE, "%s netns %llu", whose,
		    (unsigned long long)ino);
	if (c == NULL) {
		block_add(bl, THEME_ERROR, " out of memory");
		return;
	}
	block_ifs(bl, c);
	block_listeners(bl, c);
}

static void blocks_put(struct pane_lines *pl, const struct block *a,
    const struct block *b)
{
	if (b == NULL || pl->r->w < 56) {
		for (int i = 0; i < a->n; i++)
			pane_put(pl, a->style[i], a->line[i], strlen(a->line[i]));
		if (b != NULL)
			blocks_put(pl, b, NULL);
		return;
	}
	for (int i = 0; i < a->n || i < b->n; i++) {
		const char *l = i < a->n ? a->line[i] : "";
		const char *r = i < b->n ? b->line[i] : "";
		pane_put2(pl, i < a->n ? a->style[i] : THEME_PANE, l, strlen(l),
		    i < b->n ? b->style[i] : THEME_PANE, r, strlen(r));
	}
}

static void netns_blocks(struct pane_lines *pl, const struct task_detail *d,
    const struct task *ref)
{
	static struct block mine, theirs;
	bool differs = ref && ref->tid != d->tid &&
	    task_ns_state(ref, NS_NET) == FIELD_OK &&
	    d->ns[NS_NET] != task_ns_ino(ref, NS_NET);

	if (d->ns_state[NS_NET] != FIELD_OK)
		return;
	pane_printf(pl, THEME_PANE, "%s", "");
	block_fill(pl, &mine, differs ? "its" : "the", d->tgid, d->tid,
	    d->ns[NS_NET]);
	if (!differs) {
		blocks_put(pl, &mine, NULL);
		return;
	}
	block_fill(pl, &theirs, ref->tid == d->tgid ? "leader's" : "reference's",
	    d->tgid, ref->tid, task_ns_ino(ref, NS_NET));
	blocks_put(pl, &mine, &theirs);
}

/* ---- how to get in --------------------------------------------------- */

/* nsenter's option for each type, or NULL (the *_for_children links are
 * entered as what they point at). */
static const char *nsenter_option(int t)
{
	switch (t) {
	case NS_CGROUP: return "--cgroup";
	case NS_IPC: return "--ipc";
	case NS_MNT: return "--mount";
	case NS_NET: return "--net";
	case NS_PID: return "--pid";
	case NS_TIME: return "--time";
	case NS_USER: return "--user";
	case NS_UTS: return "--uts";
	default: return NULL;
	}
}

/* A name as one shell word: quoted unless it is plain. */
static void shell_quote(struct buf *b, const char *s, size_t len)
{
	bool plain = len > 0;

	for (size_t i = 0; i < len && plain; i++)
		plain = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    (s[i] != '\0' && strchr("._-+@%:", s[i]) != NULL);
	if (plain) {
		buf_add(b, s, len);
		return;
	}
	buf_addc(b, '\'');
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, s[i]);
	buf_addc(b, '\'');
}

static void enter_lines(struct pane_lines *pl, const struct task_detail *d)
{
	const struct task *t = snapshot_task(pl->ui->snap, d->tid);
	unsigned types = t && t->ns_differs ? t->ns_differs : NET_BIT;
	struct buf *b = &pl->ui->text;
	const struct ns_name *name = d->ns_state[NS_NET] != FIELD_OK ? NULL :
	    detail_ns_name(source_detail(pl->ui->src), NS_NET, d->ns[NS_NET]);

	pane_printf(pl, THEME_PANE, "%s", "");
	pane_printf(pl, THEME_PANE_TITLE, "enter its namespaces");
	/* the path names the thread itself, whatever nsenter's version:
	 * -t TID would open /proc/TID/ns, or a pidfd that a thread that is
	 * not a leader cannot have on older kernels */
	buf_reset(b);
	buf_adds(b, "  nsenter");
	for (int k = 0; k < NS_COUNT; k++)
		if ((types & (1u << k)) && nsenter_option(k))
			buf_printf(b, " %s=/proc/%d/task/%d/ns/%s",
			    nsenter_option(k), d->tgid, d->tid, ns_type_name(k));
	pane_wrapped(pl, THEME_PANE, b->data);
	if (d->tid == d->tgid)
		pane_printf(pl, THEME_PANE, "  nsenter -t %d -n", d->tid);
	if (name != NULL && name->rank == 3) {	/* ip's own directory */
		buf_reset(b);
		buf_adds(b, "  ip netns exec ");
		shell_quote(b, name->name, name->name_len);
		buf_adds(b, " sh");
		pane_put(pl, THEME_PANE, b->data, b->len);
	}
}

void pane_namespaces(struct pane_lines *pl, const struct task_detail *d,
    const struct process *p)
{
	const struct task *ref = pane_ref(pl, p);

	if (ref)
		pane_printf(pl, THEME_PANE_TITLE, "namespaces (reference: thread %d)",
		    ref->tid);
	else
		pane_printf(pl, THEME_PANE_TITLE, "namespaces (no reference thread)");
	ns_table(pl, d, ref);
	container_line(pl, d);
	relatives_line(pl, d);
	history_lines(pl, d);
	/* the commands before the contents: a router's tables are long */
	enter_lines(pl, d);
	netns_blocks(pl, d, ref);
}
