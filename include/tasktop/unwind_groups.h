/*
 * unwind_groups.h - stack groups of kernel and user chains together, from
 * the unwinder's results (docs/ARCHITECTURE.md "Stack groups"): the kernel
 * frames each result carries were read just before its thread was stopped,
 * so neither part shows the stop itself.
 */
#ifndef TASKTOP_UNWIND_GROUPS_H
#define TASKTOP_UNWIND_GROUPS_H

#include "tasktop/intmap.h"
#include "tasktop/model.h"
#include "tasktop/stack_group.h"
#include "tasktop/unwind.h"

/*
 * Reset gs and group p's live threads by the results in results (tid ->
 * struct unwind_result *), with the snapshot's states and CPU%.  A thread
 * without a result (it started after the unwind) has neither chain: it is
 * grouped apart, as "not unwound".
 */
void stack_collect_unwound(const struct snapshot *s, const struct process *p,
    const struct intmap *results, struct stack_groups *gs);

#endif
