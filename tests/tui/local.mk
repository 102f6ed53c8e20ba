# tests/tui: tmux drives the real binary (send-keys, capture-pane -e).
# Root only, and tmux needed: each script skips with exit 77 otherwise.
TUI_TESTS = \
	tests/tui/tree_expand.sh \
	tests/tui/netns_highlight.sh \
	tests/tui/side_pane_ns.sh \
	tests/tui/side_pane_stack.sh \
	tests/tui/search.sh \
	tests/tui/filter.sh \
	tests/tui/attach.sh \
	tests/tui/help.sh \
	tests/tui/resize.sh \
	tests/tui/quit.sh \
	tests/tui/sigterm.sh \
	tests/tui/signal.sh \
	tests/tui/signal_prompt.sh \
	tests/tui/signal_thread_exit.sh \
	tests/tui/keys_encodings.sh \
	tests/tui/terminals.sh \
	tests/tui/wchan_denied.sh \
	tests/tui/layout_cursor.sh \
	tests/tui/ssh.sh \
	tests/tui/prompt_edges.sh \
	tests/tui/hostile.sh \
	tests/tui/nobody.sh \
	tests/tui/leader_exit.sh \
	tests/tui/cursor_detail.sh \
	tests/tui/mouse.sh \
	tests/tui/habits.sh \
	tests/tui/tag_signal.sh \
	tests/tui/renice.sh \
	tests/tui/netns_names.sh \
	tests/tui/settings.sh \
	tests/tui/columns.sh \
	tests/tui/stack_groups.sh \
	tests/tui/env_files.sh \
	tests/tui/meters.sh \
	tests/tui/counters.sh \
	tests/tui/repaint_writes.sh
# b: the user stack in the side pane
TUI_TESTS += tests/tui/ustack.sh
check_SCRIPTS += $(TUI_TESTS)
TESTS += $(TUI_TESTS)
EXTRA_DIST += $(TUI_TESTS) tests/tui/lib.sh
