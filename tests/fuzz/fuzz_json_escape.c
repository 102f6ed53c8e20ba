/*
 * Fuzzes json_escape: the output appended is one valid JSON string literal
 * that decodes, under our raw-byte convention, to exactly the input; it
 * holds no raw control byte, DEL, U+2028 or U+2029.
 */
#include "config.h"

#include "fuzz.h"
#include "json_string_check.h"
#include "tasktop/text.h"

#define PREFIX "{\"comm\":"

static void check_no_raw_controls(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_CHECK(c >= 0x20 && c != 0x7f);
		/* U+2028 and U+2029 are E2 80 A8 and E2 80 A9 */
		FUZZ_CHECK(!(c == 0xe2 && i + 2 < n && s[i + 1] == '\x80'
		    && (s[i + 2] == '\xa8' || s[i + 2] == '\xa9')));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_copy(data, size);
	struct buf out;
	size_t prefix = strlen(PREFIX), decoded_len;

	buf_init(&out);
	buf_adds(&out, PREFIX);
	json_escape(&out, in, size);
	FUZZ_CHECK(out.len >= prefix + 2 && out.data[out.len] == '\0');
	FUZZ_CHECK(memcmp(out.data, PREFIX, prefix) == 0);
	const char *lit = out.data + prefix;
	size_t lit_len = out.len - prefix;
	check_no_raw_controls(lit, lit_len);
	uint8_t *decoded = malloc(lit_len);
	FUZZ_CHECK(decoded != NULL);
	FUZZ_CHECK(json_string_decode(lit, lit_len, decoded, &decoded_len));
	FUZZ_CHECK(decoded_len == size && memcmp(decoded, data, size) == 0);
	free(decoded);
	buf_free(&out);
	free(in);
	return 0;
}
