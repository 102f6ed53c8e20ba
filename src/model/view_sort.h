/*
 * view_sort.h - siblings (or the flat list) in the order the view asks.
 */
#ifndef TASKTOP_MODEL_VIEW_SORT_H
#define TASKTOP_MODEL_VIEW_SORT_H

#include <stdbool.h>
#include <stddef.h>

#include "tasktop/model.h"

void view_sort_tasks(struct task **list, size_t n, enum sort_key key,
    bool descending);
void view_sort_processes(struct process **list, size_t n, enum sort_key key,
    bool descending);

#endif
