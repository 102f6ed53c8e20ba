/*
 * users.h - uid -> user name, looked up once per uid for the snapshot's
 * lifetime.
 */
#ifndef TASKTOP_MODEL_USERS_H
#define TASKTOP_MODEL_USERS_H

#include <sys/types.h>

#include "tasktop/intmap.h"

struct user_cache {
	struct intmap	 names;		/* (int)uid -> char * */
};

void user_cache_init(struct user_cache *c);
void user_cache_free(struct user_cache *c);
/* The login name of uid, or its decimal form; lives as long as the cache. */
const char *user_cache_name(struct user_cache *c, uid_t uid);

#endif
