/*
 * ustack.h - b: the user stack of the selected thread, unwound by the helper
 * process whose fd the event loop watches (ustack.c).
 */
#ifndef TASKTOP_UI_USTACK_H
#define TASKTOP_UI_USTACK_H

#include <stdbool.h>
#include <stdint.h>

struct ui;

/* b: the user stack of the selected thread (ustack.c). */
struct unwinder;
struct unwind_result;
struct ui_ustack {
	struct unwinder	*unwinder;		/* made on the first b */
	int		 sel_pid, sel_tid;	/* the selection b was pressed on */
	int		 tgid, tid;		/* the thread unwound; tid 0: off */
	uint32_t	 request;		/* in flight; 0 none */
	bool		 due;			/* to send once the frame is drawn */
	double		 asked;			/* when it was sent */
	struct unwind_result *result;		/* the latest, or NULL */
	double		 result_mono;
};

/* ustack.c: b, and the helper's fd in the event loop.  The unwinder is
 * shared by every view that unwinds (results carry their request id). */
struct unwinder *ui_unwinder(struct ui *ui);
void ustack_start(struct ui *ui);
void ustack_follow(struct ui *ui);	/* after a detail read: still on it? */
void ustack_refresh(struct ui *ui);	/* at each refresh: unwind again */
void ustack_send_due(struct ui *ui);	/* after a frame: send what is due */
void ustack_service(struct ui *ui, double now);
int ustack_fd(const struct ui *ui);
int ustack_timeout_ms(const struct ui *ui, double now);
void ustack_free(struct ui *ui);
/* The result shown for tid (NULL: none yet; *waiting: one is asked for). */
const struct unwind_result *ustack_for(const struct ui *ui, int tid,
    bool *waiting);
bool ustack_on(const struct ui *ui, int tid);

#endif
