/*
 * imagecache.c - the uncompressed images of debug files (debugimage.c), by
 * build ID, for the helper's sessions (docs/ARCHITECTURE.md "User stacks").
 * An image is made in a memfd by a thread, started as soon as a thread's
 * pcs name the module (debuginfo_prefetch), and finished by the main thread
 * when libdw asks for the module's debug file (the smaller part of the plan
 * there if the thread has not begun it); all the sessions of the helper
 * share it.  The thread only copies and inflates: libdw, ptrace and this
 * cache stay on the helper's main thread.  Whatever goes wrong, the entry is plain: libdw
 * gets the file itself, as without an image.
 */
#include "config.h"

#include <errno.h>
#include <libdeflate.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>

#include "internal.h"

#define CACHE_MAX	32		/* debug files remembered */
#define CACHE_MAX_BYTES	(256ull << 20)	/* of images kept (libdw's maps stay) */
#define BUILD_ID_MAX	64

enum image_state { IMAGE_FREE, IMAGE_PLAIN, IMAGE_BUILDING, IMAGE_READY };

struct image {
	enum image_state state;
	unsigned char	 id[BUILD_ID_MAX];
	int		 idlen;
	char		*path;
	int		 memfd;
	const unsigned char *in;	/* the file, mapped */
	size_t		 inlen;
	unsigned char	*out;		/* the memfd, mapped */
	uint64_t	 size;		/* of the image */
	struct debugimage_plan plan;
	pthread_t	 thread;
	bool		 started;
	bool		 ok[2];		/* each part of the plan built */
	atomic_flag	 second;	/* part 1 taken, by the thread or main */
	double		 used;
};

static struct image cache[CACHE_MAX];
static int disabled = -1;	/* TASKTOP_DEBUG_IMAGE=0: tests of the plain path */

static bool images_off(void)
{
	if (disabled < 0) {
		const char *e = getenv("TASKTOP_DEBUG_IMAGE");
		disabled = e != NULL && strcmp(e, "0") == 0;
	}
	return disabled;
}

static struct image *lookup(const unsigned char *id, int len)
{
	if (len <= 0 || len > BUILD_ID_MAX)
		return NULL;
	for (size_t i = 0; i < CACHE_MAX; i++)
		if (cache[i].state != IMAGE_FREE && cache[i].idlen == len &&
		    memcmp(cache[i].id, id, (size_t)len) == 0)
			return &cache[i];
	return NULL;
}

bool imagecache_known(const unsigned char *id, int len)
{
	return images_off() || lookup(id, len) != NULL;
}

static void build_part(struct image *img, int part)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();

	img->ok[part] = d != NULL &&
	    debugimage_build(&img->plan, part, img->in, img->out, d);
	libdeflate_free_decompressor(d);
}

/* The thread: part 0 (the largest inflation), then part 1 unless the main
 * thread took it meanwhile. */
static void *work(void *arg)
{
	struct image *img = arg;

	build_part(img, 0);
	if (!atomic_flag_test_and_set(&img->second))
		build_part(img, 1);
	return NULL;
}

static void unmap_inputs(struct image *img)
{
	if (img->in != NULL)
		munmap((void *)img->in, img->inlen);
	if (img->out != NULL)
		munmap(img->out, img->plan.size);
	img->in = NULL;
	img->out = NULL;
	debugimage_plan_free(&img->plan);
}

/* Part 1 here unless the thread has it, then wait for the thread; READY
 * when both parts were built. */
static void finish(struct image *img)
{
	bool ok;

	if (img->state != IMAGE_BUILDING)
		return;
	if (!atomic_flag_test_and_set(&img->second))
		build_part(img, 1);
	if (img->started)
		pthread_join(img->thread, NULL);
	ok = img->ok[0] && img->ok[1];
	unmap_inputs(img);
	img->state = ok ? IMAGE_READY : IMAGE_PLAIN;
	if (!ok) {
		close(img->memfd);
		img->memfd = -1;
	}
}

static void release(struct image *img)
{
	finish(img);
	if (img->memfd >= 0)
		close(img->memfd);
	free(img->path);
	memset(img, 0, sizeof *img);
	img->memfd = -1;
}

/* A free entry, else the least recently used: one that is plain first. */
static struct image *slot(void)
{
	struct image *oldest = NULL;

	for (size_t i = 0; i < CACHE_MAX; i++) {
		struct image *c = &cache[i];
		if (c->state == IMAGE_FREE)
			return c;
		if (oldest == NULL ||
		    (c->state == IMAGE_PLAIN) > (oldest->state == IMAGE_PLAIN) ||
		    ((c->state == IMAGE_PLAIN) == (oldest->state == IMAGE_PLAIN) &&
		    c->used < oldest->used))
			oldest = c;
	}
	release(oldest);
	return oldest;
}

/* Room for an image of size bytes: the least recently used images go
 * (a session that maps one keeps it until it ends). */
static void make_room(const struct image *keep, uint64_t size)
{
	for (;;) {
		struct image *oldest = NULL;
		uint64_t total = size;

		for (size_t i = 0; i < CACHE_MAX; i++) {
			struct image *c = &cache[i];
			if (c == keep || c->memfd < 0 || c->state == IMAGE_FREE)
				continue;
			total += c->size;
			if (oldest == NULL || c->used < oldest->used)
				oldest = c;
		}
		if (total <= CACHE_MAX_BYTES || oldest == NULL)
			return;
		release(oldest);
	}
}

/* The file mapped and planned; false (plain) when there is nothing to do
 * or the plan is refused. */
static bool plan(struct image *img, int fd)
{
	struct stat st;
	const char *why;
	void *in;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > DEBUGIMAGE_MAX_TOTAL)
		return false;
	in = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (in == MAP_FAILED)
		return false;
	img->in = in;
	img->inlen = (size_t)st.st_size;
	if (debugimage_plan(img->in, img->inlen, &img->plan, &why) !=
	    DEBUGIMAGE_OK)
		return false;
	/* the pages at once: short of memory, the file stays plain rather
	 * than a write to the map dying of SIGBUS (and one call is cheaper
	 * than a fault a page: ~1 ms of libc's 9 MB) */
	img->memfd = memfd_create("tasktop-debug-image", MFD_CLOEXEC);
	if (img->memfd < 0 || ftruncate(img->memfd, (off_t)img->plan.size) != 0 ||
	    fallocate(img->memfd, 0, 0, (off_t)img->plan.size) != 0)
		return false;
	img->size = img->plan.size;
	make_room(img, img->size);
	img->out = mmap(NULL, img->plan.size, PROT_READ | PROT_WRITE, MAP_SHARED,
	    img->memfd, 0);
	if (img->out == MAP_FAILED) {
		img->out = NULL;
		return false;
	}
	return true;
}

/* The thread, with every signal blocked: signals are the main thread's
 * (SIGCHLD for the tracee stops, stop.c).  Part 1 waits for whichever of
 * it and the main thread is free first: meanwhile the main thread unwinds,
 * and part 0 has a CPU to itself more often. */
static void start_thread(struct image *img)
{
	sigset_t all, old;

	atomic_flag_clear(&img->second);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	img->started = pthread_create(&img->thread, NULL, work, img) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!img->started)	/* no thread: all of it here */
		work(img);
}

void imagecache_start(const unsigned char *id, int len, int fd,
    const char *path)
{
	struct image *img;

	if (images_off() || len <= 0 || len > BUILD_ID_MAX || lookup(id, len)) {
		close(fd);
		return;
	}
	img = slot();
	img->memfd = -1;
	memcpy(img->id, id, (size_t)len);
	img->idlen = len;
	img->used = helper_clock();
	img->path = strdup(path);
	img->state = IMAGE_PLAIN;
	if (img->path != NULL && plan(img, fd)) {
		img->state = IMAGE_BUILDING;
		start_thread(img);
	} else {
		unmap_inputs(img);
		if (img->memfd >= 0)
			close(img->memfd);
		img->memfd = -1;
	}
	close(fd);	/* the mapping stays */
}

int imagecache_take(const unsigned char *id, int len, char **path)
{
	struct image *img = lookup(id, len);
	int fd;

	*path = NULL;
	if (img == NULL)
		return -1;
	img->used = helper_clock();
	finish(img);
	if (img->state != IMAGE_READY)
		return -1;
	*path = strdup(img->path);
	fd = fcntl(img->memfd, F_DUPFD_CLOEXEC, 0);
	if (*path == NULL || fd < 0) {
		free(*path);
		*path = NULL;
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}
