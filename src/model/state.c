/*
 * state.c - which state letters are shown: the kernel's, never the
 * model's '?' for "unknown" nor a byte that is not a letter.
 */
#include "config.h"

#include "tasktop/model.h"

bool state_letter_known(char state)
{
	return state > ' ' && state < 0x7f && state != '?';
}
