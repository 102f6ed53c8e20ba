#include "config.h"

#include <errno.h>

#include "tasktop/proc.h"

const char *field_state_str(enum field_state st)
{
	switch (st) {
	case FIELD_OK:
		return "ok";
	case FIELD_GONE:
		return "gone";
	case FIELD_DENIED:
		return "permission denied";
	case FIELD_UNAVAILABLE:
		return "unavailable";
	case FIELD_UNREAD:
		break;
	}
	return "not read";
}

enum field_state field_state_from_errno(int err)
{
	switch (err) {
	case 0:
		return FIELD_OK;
	case ENOENT:
	case ESRCH:
		return FIELD_GONE;
	case EACCES:
	case EPERM:
		return FIELD_DENIED;
	default:
		return FIELD_UNAVAILABLE;
	}
}
