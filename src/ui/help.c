/*
 * help.c - every key, for the help screen (F1 or ?).
 */
#include "config.h"

#include "help.h"

const struct help_entry help_entries[] = {
	{ "Up Down PgUp PgDn Home End", "move the selection" },
	{ "j / g G", "down / first / last row" },
	{ "Right +", "expand a process into its threads" },
	{ "Left -", "collapse (on a thread: go to its process)" },
	{ "*", "expand all; again: collapse all" },
	{ "Tab", "focus the side pane (scroll it) / back to the tree" },
	{ "v", "side pane beside the tree / not (the tree takes the width)" },
	{ "Enter", "narrow terminal: show the side pane" },
	{ "F3 /", "search by name, pid or tid (Enter keeps, Esc cancels)" },
	{ "n N", "next / previous match" },
	{ "F4 \\", "filter rows by name, command line, pid or tid (empty: none)" },
	{ "p", "attach: type a pid or tid and jump there" },
	{ "b", "unwind the user stack: kernel then user frames, again at each refresh" },
	{ "F5 t", "tree / flat list" },
	{ "F6 < >", "sort by the next / previous column" },
	{ "I", "invert the sort order" },
	{ "P M T", "sort by CPU% / memory / TIME+" },
	{ "H", "flat list of threads instead of processes" },
	{ "K", "hide / show kernel threads" },
	{ "u", "show one user's processes (pick from a list)" },
	{ "F2 S", "setup: choose and order the columns (saved on quit)" },
	{ "#", "hide / show the header's meters" },
	{ "e", "the process's environment (scroll; any other key closes)" },
	{ "l", "its open files: files, pipes, sockets with their netns" },
	{ "F", "follow the selected row: it keeps its line" },
	{ "space", "tag / untag the selected process or thread" },
	{ "c", "tag the process and all below it" },
	{ "U", "untag all" },
	{ "k F9", "send a signal to the thread or process, or to every tagged "
	    "task (asks first)" },
	{ "k: 1-8 Left Right Up Down", "signal prompt: choose the signal" },
	{ "k: t", "signal prompt: the thread alone / its whole process (no tags)" },
	{ "Enter / Esc Ctrl-C", "in a prompt (/ \\ p k): accept, send / cancel" },
	{ "F7 ]", "lower the nice value: more priority (asks first)" },
	{ "F8 [", "raise the nice value: less priority (asks first)" },
	{ "} {", "next / previous thread marked ! (netns not its process's)" },
	{ "o", "every namespace: name, container, processes, threads, holder" },
	{ "B", "the process's threads grouped by identical stack, largest "
	    "group first" },
	{ "B: Enter Right Left", "in the grouped view: unfold a group (its "
	    "chain and tids) / fold" },
	{ "B: Enter on a tid", "in the grouped view: select that thread in the "
	    "tree" },
	{ "B: b", "in the grouped view: unwind every thread (one stopped at a "
	    "time) and group by kernel and user stacks" },
	{ "B: s", "in the grouped view: sample 3 s, 20 times a second: each "
	    "group's share of thread-time" },
	{ "B: Esc q", "in the grouped view: back to the tree" },
	{ "Z", "pause / resume refreshing" },
	{ "mouse click", "select a row" },
	{ "F1 ? h", "this help" },
	{ "q F10", "quit" },
};

const size_t help_nentries = sizeof help_entries / sizeof help_entries[0];
