#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasktop/util.h"
#include "users.h"

void user_cache_init(struct user_cache *c)
{
	intmap_init(&c->names);
}

void user_cache_free(struct user_cache *c)
{
	size_t it = 0;
	void *name;

	while (intmap_next(&c->names, &it, NULL, &name))
		free(name);
	intmap_free(&c->names);
}

static char *dup_or_die(const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		oom_abort("user name");
	return d;
}

/* getpwuid_r may need a larger buffer (ERANGE) with long NSS entries. */
static char *user_lookup(uid_t uid)
{
	size_t cap = 1024;
	struct passwd pw, *found = NULL;
	char *buf = NULL, *name = NULL;
	int err;

	for (;;) {
		char *grown = realloc(buf, cap);

		if (grown == NULL)
			break;
		buf = grown;
		err = getpwuid_r(uid, &pw, buf, cap, &found);
		if (err != ERANGE || cap >= (1u << 20))
			break;
		cap *= 2;
	}
	if (found != NULL && found->pw_name != NULL && found->pw_name[0])
		name = dup_or_die(found->pw_name);
	free(buf);
	return name;
}

const char *user_cache_name(struct user_cache *c, uid_t uid)
{
	char *name = intmap_get(&c->names, (int)uid);
	char num[24];

	if (name != NULL)
		return name;
	name = user_lookup(uid);
	if (name == NULL) {
		snprintf(num, sizeof num, "%u", (unsigned)uid);
		name = dup_or_die(num);
	}
	intmap_put(&c->names, (int)uid, name);
	return name;
}
