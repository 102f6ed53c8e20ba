# src/util: buffers, untrusted text, JSON escaping, the int hash table, the
# out-of-memory abort, clocks and sizes.
src_util_libutil_a_SOURCES += src/util/buf.c src/util/intmap.c \
	src/util/text.c src/util/json.c src/util/grow.c src/util/oom.c \
	src/util/clock.c src/util/units.c
