/*
 * process.h - a thread group's life in the snapshot: its threads, the
 * fields that follow from them, its name.
 */
#ifndef TASKTOP_MODEL_PROCESS_H
#define TASKTOP_MODEL_PROCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/model.h"

struct process *process_new(int pid);
void process_free(struct process *p);
/* Put t as p's next thread this refresh (in place: see process.c). */
void process_add_thread(struct process *p, struct task *t);
/* The last refresh's threads while this one puts (prev_nthreads of them). */
struct task *const *process_prev_threads(const struct process *p);
/* After the sweep: the last refresh's are no more needed. */
void process_drop_prev(struct process *p);
/* The group's shared memory fields from t's record (t of p, its record
 * just taken; ps NULL: its stat was not reread, so the group's stay);
 * true when they changed. */
bool process_take_mm(struct process *p, const struct task *t,
    const struct proc_stat *ps, unsigned generation);
/* Ascending tid (a source may put them in any order), the leader first;
 * sets p->leader. */
void process_order_threads(struct process *p);
/* The thread whose files speak for the process: the live leader, else the
 * first live thread, else any; NULL when it has none. */
struct task *process_info_thread(const struct process *p);
/* Per-refresh fields from the threads: state, ppid, rss, kernel_thread,
 * CPU% (over interval seconds).  True when the identity (cmdline, user) is
 * due: new, or its info thread is new or renamed (exec) in this
 * generation. */
bool process_update(struct process *p, unsigned generation, long page_kb,
    long hz, double interval);
/* Whether p is a kernel thread, from its ppid and cmdline. */
void process_set_kernel_thread(struct process *p);
/* The comm shown for the process (its info thread's). */
size_t process_comm(const struct process *p, const char **comm);
/* The length of p's cmdline without its trailing NULs; 0 when the name
 * shown is "[comm]". */
size_t process_cmdline_shown_len(const struct process *p);

#endif
