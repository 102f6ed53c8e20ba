# src/ui: the interactive view (the only layer that knows about curses)
src_ui_libui_a_SOURCES += \
	src/ui/columns.h src/ui/draw.h src/ui/format.h src/ui/help.h \
	src/ui/keys.h src/ui/keyseq.h src/ui/layout.h src/ui/meters.h \
	src/ui/ns_ui.h src/ui/prompt.h src/ui/renice.h src/ui/selection.h \
	src/ui/settings_file.h src/ui/settings_ui.h src/ui/setup.h \
	src/ui/signal_prompt.h src/ui/state.h src/ui/tags.h src/ui/terminal.h \
	src/ui/text_view.h src/ui/theme.h src/ui/user_menu.h src/ui/ustack.h \
	src/ui/view_state.h \
	src/ui/loop.c \
	src/ui/screen.c src/ui/draw.c src/ui/header.c src/ui/tree_pane.c \
	src/ui/side_pane.c src/ui/keys.c src/ui/keyseq.c src/ui/key_aliases.c \
	src/ui/prompt.c src/ui/selection.c \
	src/ui/view_state.c src/ui/search.c src/ui/attach.c src/ui/signal.c \
	src/ui/help.c src/ui/layout.c src/ui/columns.c \
	src/ui/format.c src/ui/palette.c src/ui/theme.c src/ui/theme_load.c \
	src/ui/fatal.c src/ui/preflight.c src/ui/tags.c src/ui/user_menu.c \
	src/ui/renice.c src/ui/cells.c \
	src/ui/setup.c src/ui/settings.c src/ui/settings_file.c \
	src/ui/settings_ui.c src/ui/meters.c src/ui/text_view.c \
	src/ui/environ_view.c src/ui/fd_view.c \
	src/ui/pane.h src/ui/side_pane_ns.c src/ui/ns_ui.c src/ui/ns_view.c \
	src/ui/groups_view.h src/ui/groups_view.c src/ui/groups_draw.c \
	src/ui/ustack.c src/ui/pane_chain.c
# Uninstalled builds find themes/ in the source tree.
src_ui_libui_a_CPPFLAGS = $(AM_CPPFLAGS) -DTASKTOP_SRCDIR='"$(abs_top_srcdir)"'
