/*
 * netns_text.c - a network namespace's contents as text: addresses and
 * endpoints.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <sys/socket.h>

#include "tasktop/nsinfo.h"

void netns_addr_text(int family, const uint8_t addr[16], char *out,
    size_t size)
{
	char text[INET6_ADDRSTRLEN];

	if (inet_ntop(family == AF_INET6 ? AF_INET6 : AF_INET, addr, text,
	    sizeof text) == NULL)
		snprintf(text, sizeof text, "?");
	snprintf(out, size, "%s", text);
}

void netns_endpoint_text(int family, const uint8_t addr[16], unsigned port,
    char *out, size_t size)
{
	char text[INET6_ADDRSTRLEN];

	netns_addr_text(family, addr, text, sizeof text);
	if (family == AF_INET6)
		snprintf(out, size, "[%s]:%u", text, port);
	else
		snprintf(out, size, "%s:%u", text, port);
}
