/*
 * view_prefix.c - the lines that show a row's place in the tree, the same
 * for the tree pane and batch output; plain ASCII outside a UTF-8 locale.
 */
#include "config.h"

#include "tasktop/model.h"

struct tree_glyphs {
	const char	*pipe;		/* an ancestor with later siblings */
	const char	*blank;
	const char	*branch;	/* this row, siblings follow */
	const char	*last;		/* this row, the last sibling */
};

static const struct tree_glyphs utf8_glyphs = {
	"\u2502 ", "  ", "\u251c\u2500", "\u2514\u2500",
};

static const struct tree_glyphs ascii_glyphs = {
	"| ", "  ", "|-", "`-",
};

#define MORE_BITS 64

void view_tree_prefix(struct buf *out, const struct view_row *row,
    enum text_mode mode, bool space)
{
	const struct tree_glyphs *g = mode == TEXT_UTF8 ? &utf8_glyphs :
	    &ascii_glyphs;
	int d;

	if (row->depth <= 0)
		return;
	for (d = 1; d < row->depth; d++) {
		bool more = d < MORE_BITS && (row->more >> d) & 1u;

		buf_adds(out, more ? g->pipe : g->blank);
	}
	buf_adds(out, row->last ? g->last : g->branch);
	if (space)
		buf_addc(out, ' ');
}
