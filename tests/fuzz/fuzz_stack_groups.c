/*
 * Fuzzes the stack grouping (src/model/stack_group*.c, stack_frame.c) on
 * kernel frames from untrusted bytes: the input's lines, split into
 * threads at each empty line, each thread's frames as the kernel would
 * print them.  Checks: every thread lands in exactly one group, the
 * weights add up, groups come largest first with ascending distinct tids,
 * a thread fed again with its own frames joins its own group, and the
 * texts made from a group hold no NUL and no newline.
 */
#include "config.h"

#include "fuzz.h"
#include "tasktop/stack_group.h"

#define THREADS_MAX	32
#define FRAMES_MAX	16

struct fuzz_threads {
	const char	*frames[THREADS_MAX][FRAMES_MAX];
	int		 n[THREADS_MAX];
	int		 count;
};

/* Lines of buf (NULs made '?', newlines made NULs), an empty one ends a
 * thread. */
static void split(char *buf, size_t len, struct fuzz_threads *ft)
{
	size_t at = 0;

	ft->count = 0;
	memset(ft->n, 0, sizeof ft->n);
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\0')
			buf[i] = '?';
	while (at < len && ft->count < THREADS_MAX) {
		char *nl = memchr(buf + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - buf) : len;
		if (end == at) {
			if (ft->n[ft->count] > 0)
				ft->count++;
		} else if (ft->n[ft->count] < FRAMES_MAX) {
			ft->frames[ft->count][ft->n[ft->count]++] = buf + at;
		}
		if (nl == NULL)
			break;
		*nl = '\0';
		at = end + 1;
	}
	if (ft->count < THREADS_MAX && ft->n[ft->count] > 0)
		ft->count++;
}

static struct stack_sample sample(const struct fuzz_threads *ft, int i,
    int tid)
{
	struct stack_sample s = {
		.tid = tid, .state = "RSDTtZI?"[i % 8], .cpu_valid = i % 3 != 0,
		.cpu_percent = (double)i,
		.kernel_state = i % 5 == 4 ? FIELD_DENIED : FIELD_OK,
		.kernel = ft->frames[i], .nkernel = ft->n[i],
		.kernel_truncated = i % 7 == 6, .user_state = FIELD_UNREAD,
		.wchan = i % 2 ? ft->frames[i][0] : NULL, .syscall = "futex",
	};
	return s;
}

static void check_text(const struct stack_group *g)
{
	struct buf b;

	buf_init(&b);
	stack_group_summary(&b, g, " <- ");
	FUZZ_CHECK(b.len > 0 && strlen(b.data) == b.len);
	FUZZ_CHECK(memchr(b.data, '\n', b.len) == NULL);
	buf_reset(&b);
	stack_group_states(&b, g);
	FUZZ_CHECK(b.len > 0 && strlen(b.data) == b.len);
	for (int i = 0, n = stack_group_chain_lines(g); i < n; i++) {
		buf_reset(&b);
		stack_group_chain_line(g, i, &b);
		FUZZ_CHECK(memchr(b.data ? b.data : "", '\n', b.len) == NULL);
	}
	buf_free(&b);
}

static void check_groups(const struct stack_groups *gs, int threads)
{
	unsigned long sum = 0;
	size_t tids = 0;

	FUZZ_CHECK(gs->total == (unsigned long)threads);
	for (size_t i = 0; i < gs->n; i++) {
		const struct stack_group *g = &gs->g[i];
		FUZZ_CHECK(g->weight > 0 && g->ntids == g->weight);
		FUZZ_CHECK(i == 0 || gs->g[i - 1].weight >= g->weight);
		for (size_t k = 1; k < g->ntids; k++)
			FUZZ_CHECK(g->tids[k - 1] < g->tids[k]);
		sum += g->weight;
		tids += g->ntids;
		check_text(g);
	}
	FUZZ_CHECK(sum == gs->total && tids == (size_t)threads);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_threads ft;
	/* frames are strings (the parser's NUL-terminated text): one more
	 * byte ends the last line */
	char *buf = malloc(size + 1);
	struct stack_groups gs;

	FUZZ_CHECK(buf != NULL);
	memcpy(buf, data, size);
	buf[size] = '\0';
	split(buf, size, &ft);
	stack_groups_init(&gs);
	for (int i = 0; i < ft.count; i++) {
		struct stack_sample s = sample(&ft, i, 1000 + i);
		stack_groups_add(&gs, &s);
	}
	stack_groups_finish(&gs);
	check_groups(&gs, ft.count);
	/* each thread again, under another tid: into the group of its own */
	for (int i = 0; i < ft.count; i++) {
		struct stack_sample s = sample(&ft, i, 2000 + i);
		const struct stack_group *own = stack_groups_find_tid(&gs, 1000 + i);
		size_t before = gs.n;
		FUZZ_CHECK(own != NULL);
		unsigned long w = own->weight;
		uint64_t hash = own->hash;
		stack_groups_add(&gs, &s);
		FUZZ_CHECK(gs.n == before);
		for (size_t k = 0; k < gs.n; k++)
			if (gs.g[k].hash == hash && gs.g[k].weight == w + 1)
				hash = 0;
		FUZZ_CHECK(hash == 0);
	}
	stack_groups_finish(&gs);
	check_groups(&gs, 2 * ft.count);
	stack_groups_free(&gs);
	free(buf);
	return 0;
}
