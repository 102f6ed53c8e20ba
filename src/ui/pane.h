/*
 * pane.h - the side pane's line writer (side_pane.c), shared by the files
 * that each draw one part of the pane (side_pane_ns.c, pane_chain.c): lines
 * are numbered from the top of the pane's text, so scrolling and clipping
 * live in one place.
 */
#ifndef TASKTOP_UI_PANE_H
#define TASKTOP_UI_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/detail.h"
#include "tasktop/model.h"
#include "tasktop/ui.h"

struct ui;
struct rect;

struct pane_lines {
	struct ui	*ui;
	const struct rect *r;
	int		 line;		/* next line's number, from 0 */
};

/* One line of raw (untrusted) bytes, sanitized and fitted. */
void pane_put(struct pane_lines *pl, enum theme_elem style, const char *s,
    size_t len);
/* One line of two halves, each fitted into its half of the pane. */
void pane_put2(struct pane_lines *pl, enum theme_elem left_style,
    const char *left, size_t left_len, enum theme_elem right_style,
    const char *right, size_t right_len);
void pane_printf(struct pane_lines *pl, enum theme_elem style,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Our own printable text over as many lines as it takes. */
void pane_wrapped(struct pane_lines *pl, enum theme_elem style,
    const char *s);

/* side_pane_ns.c: the namespace table with names, the thread's container,
 * its last namespace change, its netns beside its leader's, and the
 * commands that enter them. */
void pane_namespaces(struct pane_lines *pl, const struct task_detail *d,
    const struct process *p);
/* The kernel stack section of a detail (side_pane.c). */
void pane_stack(struct pane_lines *pl, const struct task_detail *d);
/* pane_chain.c: after b, the call chain of the thread d shows, kernel
 * frames then user frames.  False when b is not on for it (then
 * pane_stack instead). */
bool pane_call_chain(struct pane_lines *pl, const struct task_detail *d);

#endif
