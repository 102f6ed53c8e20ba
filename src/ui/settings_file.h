/*
 * settings_file.h - the settings file: where it is, reading and replacing it
 * (settings_file.c).  Parsing and formatting are in tasktop/ui.h
 * (settings.c).
 */
#ifndef TASKTOP_UI_SETTINGS_FILE_H
#define TASKTOP_UI_SETTINGS_FILE_H

#include <stddef.h>

#include "tasktop/ui.h"

/* Each returns 0, or -1 with a message in err naming the file.
 * settings_save writes s's settings (s->has) into the file as it is then,
 * through a symbolic link, and not at all when that changes nothing. */
int settings_path(char *out, size_t size);
int settings_load(const char *path, struct settings *s, char *err,
    size_t errlen);
int settings_save(const char *path, const struct settings *s, char *err,
    size_t errlen);
/* A regular file of at most cap - 1 bytes: 0, or -errno (-EINVAL: not a
 * regular file, -EFBIG: larger). */
int ui_read_regular_file(const char *path, char *buf, size_t cap,
    size_t *len);

#endif
