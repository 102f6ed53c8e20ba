/* help_keys - print the help screen's keys, one entry a line, for
 * tests/integration/docs_agree.sh to compare with README.md and the man
 * page. */
#include "config.h"

#include <stdio.h>

#include "ui/help.h"

int main(void)
{
	for (size_t i = 0; i < help_nentries; i++)
		printf("%s\n", help_entries[i].keys);
	return 0;
}
