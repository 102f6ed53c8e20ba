#!/usr/bin/env bash
# The man page is clean for groff (-ww: every warning), and README.md, the
# help screen (src/ui/help.c), the man page and --help agree: the same keys
# in the same order, and every option of --help in the man page.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh" || exit 99
MAN=$top_srcdir/doc/tasktop.1
HELP_KEYS=$top_builddir/tests/unit/help_keys
command -v groff >/dev/null || skip "needs groff (Debian: groff-base)"
[ -x "$HELP_KEYS" ] || fail "no $HELP_KEYS"

warnings=$(groff -man -ww -z "$MAN" 2>&1) || fail "groff failed: $warnings"
[ -z "$warnings" ] || fail "groff -man -ww -z reports:
$warnings"

# The man page's keys: the .B line after each .TP in the KEYS section,
# with roff's escapes for backslash and minus undone.
sed -n '/^\.SH KEYS/,/^\.SH /p' "$MAN" | awk 'prev == ".TP" { print } { prev = $0 }' |
	sed -e 's/^\.B //' -e 's/\\e/\\/g' -e 's/\\-/-/g' >"$WORK/man"
# README's: the first column of the table under "### Keys", in backticks.
sed -n '/^### Keys/,/^#/p' "$top_srcdir/README.md" | grep '^| `' |
	sed -e 's/^| `\([^`]*\)`.*/\1/' >"$WORK/readme"
"$HELP_KEYS" >"$WORK/help" || fail "help_keys failed"
[ -s "$WORK/help" ] || fail "the help screen lists no key"
diff -u "$WORK/help" "$WORK/man" >"$WORK/diff" ||
	fail "help screen (-) and man page (+) list different keys:
$(cat "$WORK/diff")"
diff -u "$WORK/help" "$WORK/readme" >"$WORK/diff" ||
	fail "help screen (-) and README.md (+) list different keys:
$(cat "$WORK/diff")"

# Every long option of --help is in the man page's OPTIONS.
"$TASKTOP" --help | grep -o -E -- '--[a-z][a-z-]*' | sort -u >"$WORK/options"
[ -s "$WORK/options" ] || fail "--help lists no option"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN" | sed 's/\\-/-/g' >"$WORK/man_options"
while read -r opt; do
	grep -q -E -- "(^|[^a-z-])$opt([^a-z-]|$)" "$WORK/man_options" ||
		fail "the man page's OPTIONS lacks $opt (from --help)"
done <"$WORK/options"
echo "PASS: $test_name"
