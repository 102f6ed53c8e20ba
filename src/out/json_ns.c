/*
 * json_ns.c - the namespace keys of --json: each snapshot's "namespaces"
 * (every namespace a shown thread is in, with its name, container or unit,
 * who is in it and who holds it; with --netns what a network namespace
 * holds), and each thread's "ns_change" and "born_foreign"
 * (docs/ARCHITECTURE.md, "Namespace names and contents").
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <sys/socket.h>

#include "tasktop/out.h"
#include "internal.h"

static void key(struct buf *out, const char *k)
{
	buf_printf(out, "\"%s\":", k);
}

static void u64_or_null(struct buf *out, bool known, uint64_t v)
{
	if (known)
		buf_printf(out, "%" PRIu64, v);
	else
		buf_adds(out, "null");
}

static void state_error(struct buf *out, const char *k, enum field_state st)
{
	key(out, k);
	if (st == FIELD_OK)
		buf_adds(out, "null");
	else
		json_escape(out, field_state_str(st), strlen(field_state_str(st)));
}

void json_ns_change(struct buf *out, const struct task *t)
{
	const struct ns_change *last = ns_history_last(t);

	key(out, "ns_change");
	if (last == NULL) {
		buf_adds(out, "null");
	} else {
		buf_printf(out, "{\"type\":\"%s\",\"from\":%" PRIu64 ",\"to\":%"
		    PRIu64 ",", ns_type_name(last->type), last->from, last->to);
		key(out, "time");
		if (isfinite(last->wall))
			buf_printf(out, "%.2f", last->wall);
		else
			buf_adds(out, "null");
		buf_printf(out, ",\"changes\":%u}", ns_history_changes(t));
	}
	buf_adds(out, ",\"ns_changes\":[");
	for (size_t i = 0; i < ns_history_kept(t); i++) {
		const struct ns_change *c = ns_history_at(t, i);
		buf_printf(out, "%s{\"type\":\"%s\",\"from\":%" PRIu64 ",\"to\":%"
		    PRIu64 ",", i ? "," : "", ns_type_name(c->type), c->from, c->to);
		key(out, "time");
		if (isfinite(c->wall))
			buf_printf(out, "%.2f}", c->wall);
		else
			buf_adds(out, "null}");
	}
	buf_printf(out, "],\"born_foreign\":%s", t->born_foreign ? "true" : "false");
}

static void contents_interfaces(struct buf *out, const struct netns_contents *c)
{
	char text[NETNS_ADDR_TEXT];

	key(out, "interfaces");
	if (c->links_state != FIELD_OK) {
		buf_adds(out, "null,");
		state_error(out, "interfaces_error", c->links_state);
		return;
	}
	buf_addc(out, '[');
	for (size_t i = 0; i < c->nifs; i++) {
		const struct netns_if *f = &c->ifs[i];
		bool first = true;

		buf_printf(out, "%s{\"index\":%d,", i ? "," : "", f->index);
		key(out, "name");
		json_escape(out, f->name, strlen(f->name));
		buf_printf(out, ",\"up\":%s,\"carrier\":%s,\"addresses\":[",
		    f->up ? "true" : "false", f->running ? "true" : "false");
		for (size_t j = 0; j < c->naddrs; j++) {
			if (c->addrs[j].ifindex != f->index)
				continue;
			netns_addr_text(c->addrs[j].family, c->addrs[j].addr, text,
			    sizeof text);
			buf_printf(out, "%s\"%s/%u\"", first ? "" : ",", text,
			    c->addrs[j].prefix);
			first = false;
		}
		buf_adds(out, "]}");
	}
	buf_adds(out, "],\"interfaces_error\":null");
}

static void contents_listening(struct buf *out, const struct netns_contents *c)
{
	char text[NETNS_ADDR_TEXT];

	key(out, "listening");
	if (c->listen_state != FIELD_OK) {
		buf_adds(out, "null,");
		state_error(out, "listening_error", c->listen_state);
		return;
	}
	buf_addc(out, '[');
	for (size_t i = 0; i < c->nlisten; i++) {
		const struct netns_listener *l = &c->listen[i];
		netns_addr_text(l->family, l->addr, text, sizeof text);
		buf_printf(out, "%s{\"proto\":\"%s\",\"address\":\"%s\",\"port\":%u}",
		    i ? "," : "", l->proto == NETNS_TCP ? "tcp" : "udp", text,
		    l->port);
	}
	buf_adds(out, "],\"listening_error\":null");
}

static void contents(struct buf *out, const struct netns_contents *c)
{
	key(out, "contents");
	if (c == NULL) {
		buf_adds(out, "null");
		return;
	}
	buf_addc(out, '{');
	contents_interfaces(out, c);
	buf_addc(out, ',');
	contents_listening(out, c);
	buf_printf(out, ",\"truncated\":%s}", c->ifs_truncated ||
	    c->addrs_truncated || c->listen_truncated ? "true" : "false");
}

static void name_keys(struct buf *out, const struct ns_name *name)
{
	key(out, "name");
	if (name == NULL) {
		buf_adds(out, "null,\"path\":null,");
		return;
	}
	json_escape(out, name->name, name->name_len);
	buf_addc(out, ',');
	key(out, "path");
	json_escape(out, name->path, name->path_len);
	buf_addc(out, ',');
}

/* "container" and "container_kind" for a container, "unit" for a systemd
 * service or session (the full id: the side pane shows it short). */
static void cgroup_keys(struct buf *out, const struct ns_facts *f)
{
	const struct cgroup_unit *u = f ? &f->cgroup : NULL;
	bool known = f && f->cgroup_state == FIELD_OK && u->kind != CGROUP_NONE;
	bool container = known && cgroup_kind_is_container(u->kind);

	key(out, "container");
	if (container) {
		json_escape(out, u->id, u->id_len);
		buf_printf(out, ",\"container_kind\":\"%s\",",
		    cgroup_kind_name(u->kind));
	} else {
		buf_adds(out, "null,\"container_kind\":null,");
	}
	key(out, "unit");
	if (known && !container) {
		buf_printf(out, "{\"kind\":\"%s\",\"name\":",
		    cgroup_kind_name(u->kind));
		json_escape(out, u->id, u->id_len);
		buf_adds(out, "},");
	} else {
		buf_adds(out, "null,");
	}
}

static void entry(struct buf *out, const struct snapshot *s,
    const struct ns_entry *e, struct detail_reader *c, bool with_contents)
{
	int tid = e->holder_pid > 0 ? e->holder_pid : e->holder_tid;
	const struct task *t = snapshot_task(s, tid);
	const struct ns_facts *f = t == NULL ? NULL :
	    detail_ns_facts(c, e->type, e->ino, t->tgid, tid);

	buf_printf(out, "{\"type\":\"%s\",\"inode\":%" PRIu64 ",",
	    ns_type_name(e->type), e->ino);
	name_keys(out, detail_ns_name(c, e->type, e->ino));
	cgroup_keys(out, f);
	buf_printf(out, "\"processes\":%zu,\"partial_processes\":%zu,"
	    "\"threads\":%zu,", e->ref_processes,
	    e->processes - e->ref_processes, e->threads);
	key(out, "holder_pid");
	if (e->holder_pid > 0)
		buf_printf(out, "%d,", e->holder_pid);
	else
		buf_adds(out, "null,");
	buf_printf(out, "\"holder_tid\":%d,", e->holder_tid);
	key(out, "owner_userns");
	u64_or_null(out, f && f->rel.owner_state == FIELD_OK, f ? f->rel.owner : 0);
	buf_addc(out, ',');
	key(out, "parent");
	u64_or_null(out, f && f->rel.parent_state == FIELD_OK,
	    f ? f->rel.parent : 0);
	if (with_contents && e->type == NS_NET) {
		buf_addc(out, ',');
		contents(out, t == NULL ? NULL :
		    detail_netns(c, e->ino, t->tgid, tid));
	}
	buf_addc(out, '}');
}

void json_namespaces(struct buf *out, const struct snapshot *s,
    struct ns_overview *o, struct detail_reader *c, bool with_contents)
{
	ns_overview_build(o, s);
	key(out, "namespaces");
	buf_addc(out, '[');
	for (size_t i = 0; i < o->n; i++) {
		if (i > 0)
			buf_addc(out, ',');
		entry(out, s, &o->v[i], c, with_contents);
	}
	buf_addc(out, ']');
}
