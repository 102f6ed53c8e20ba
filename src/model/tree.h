/*
 * tree.h - parent, children and roots from each process's ppid.
 */
#ifndef TASKTOP_MODEL_TREE_H
#define TASKTOP_MODEL_TREE_H

#include "tasktop/model.h"

void tree_build(struct snapshot *s);

#endif
