#!/usr/bin/env bash
# Thread names with escape sequences, CR, tab, invalid UTF-8 and wide
# characters: --json stays valid and round-trips them; -b never lets a raw
# control byte through.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/lib.sh"
require_root
require_tools
nsdemo_start --hostile

# nsdemo's hostile names in its order, as our JSON spells them; as jq
# string literals they also say what a JSON reader must decode.
spelled=('\u001b]0;pwn\u0007' 'cls\u001b[2J' 'cr\rret' 'tab\there'
	'bad\u00ff\u00fe' '线程名字')
assert_eq "hostile threads" ${#spelled[@]} ${#DEMO_HOSTILE[@]}

json_of "$DEMO_PID"
assert_no_control_bytes "--json output" "$JSON"
jq -e . "$JSON" >/dev/null || fail "--json output is not valid JSON"
for i in "${!DEMO_HOSTILE[@]}"; do
	tid=${DEMO_HOSTILE[$i]}
	assert_jq "comm of hostile thread $tid decodes to ${spelled[$i]}" "$JSON" \
		"$(thread_q "$tid").comm == \"${spelled[$i]}\"" true
	grep -qiF "\"${spelled[$i]}\"" "$JSON" ||
		fail "the JSON text does not spell a name as \"${spelled[$i]}\""
done

# -b shows each control or invalid byte as \xNN (text.h); the wide name is
# kept whole under UTF-8 and escaped byte by byte under ASCII.
shown=('\x1b]0;pwn\x07' 'cls\x1b[2J' 'cr\x0dret' 'tab\x09here' 'bad\xff\xfe')
declare -A shown_wide
shown_wide=([C.UTF-8]='线程名字' [C]='\xe7\xba\xbf\xe7\xa8\x8b\xe5\x90\x8d\xe5\xad\x97')
for locale in C.UTF-8 C; do
	out=$WORK/batch.$locale
	LC_ALL=$locale run_tasktop "$out" -b -H -n 1 -p "$DEMO_PID"
	assert_no_control_bytes "-b -H output in $locale" "$out"
	for i in "${!DEMO_HOSTILE[@]}"; do
		name=${shown[$i]:-${shown_wide[$locale]}}
		grep -qE "^ *${DEMO_HOSTILE[$i]}[ !*] " "$out" ||
			fail "$locale: no row for thread ${DEMO_HOSTILE[$i]}"
		grep -qF "{$name}" "$out" ||
			fail "$locale: a thread name is not shown as '{$name}':
$(cat "$out")"
	done
done
echo "PASS: $test_name"
