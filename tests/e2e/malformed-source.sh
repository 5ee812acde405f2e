#!/usr/bin/env bash
# A malformed source gives a file:line:col diagnostic and a non-zero exit, and an existing
# output file is left byte-for-byte untouched (compose writes to a temporary file and renames).
#   malformed-source.sh COMPOSE WORK_DIR
set -uo pipefail
compose=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
source "$(dirname "$0")/readers.sh"

# the output that must survive: a PDF's first bytes, then arbitrary ones, so any rewrite would show
out="$work/out.pdf"
printf '%%PDF-1.3\nthe previous good output\n\x00\x01\x02' >"$out"
touch -d '2001-02-03 04:05:06' "$out"
before=$(sha256sum <"$out")
stamp_before=$(stat -c %Y "$out")

# not well-formed: <p> is closed by </section> on line 6, column 5
cat >"$work/broken.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xml:lang="en" layout="a4">
  <meta><series>S</series><title>Broken</title></meta>
  <section id="s">
    <p>An unclosed paragraph
    </section>
</report>
XML
"$compose" render "$work/broken.xml" -o "$out" >"$work/stdout" 2>"$work/stderr"
code=$?
((code != 0)) || fail "compose render exited 0 on a malformed source"
grep -q -E "^$work/broken\.xml:6:[0-9]+: error: malformed XML" "$work/stderr" ||
  { fail "no file:line:col diagnostic for the malformed XML; stderr was:"; cat "$work/stderr" >&2; }
[[ "$(sha256sum <"$out")" == "$before" ]] || fail "the existing output was changed"
[[ "$(stat -c %Y "$out")" == "$stamp_before" ]] || fail "the existing output was touched"
leftovers=$(find "$work" -name '.out.pdf.*' | wc -l)
((leftovers == 0)) || fail "a temporary file was left behind"

# an unknown element: located, with a suggestion, same guarantees
cat >"$work/typo.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xml:lang="en" layout="a4">
  <meta><series>S</series><title>Typo</title></meta>
  <section id="s">
    <finidng><lead>L</lead><p>B</p></finidng>
  </section>
</report>
XML
"$compose" render "$work/typo.xml" -o "$out" >"$work/stdout" 2>"$work/stderr"
code=$?
((code != 0)) || fail "compose render exited 0 on an unknown element"
grep -q -F "$work/typo.xml:5:5: error: unknown element <finidng>; did you mean <finding>?" "$work/stderr" ||
  { fail "no located diagnostic for <finidng>; stderr was:"; cat "$work/stderr" >&2; }
[[ "$(sha256sum <"$out")" == "$before" ]] || fail "the existing output was changed"

# bytes that are not UTF-8, on line 5 column 10 ("    <p>Ol" then 0xE1 from Latin-1)
printf '<?xml version="1.0" encoding="UTF-8"?>\n<report xml:lang="en" layout="a4">\n  <meta><series>S</series><title>T</title></meta>\n  <section id="s">\n    <p>Ol\xe1</p>\n  </section>\n</report>\n' >"$work/latin1.xml"
"$compose" check "$work/latin1.xml" >"$work/stdout" 2>"$work/stderr"
code=$?
((code != 0)) || fail "compose check exited 0 on Latin-1 bytes"
grep -q -F "$work/latin1.xml:5:10: error: invalid UTF-8" "$work/stderr" ||
  { fail "no located diagnostic for the bad byte; stderr was:"; cat "$work/stderr" >&2; }

# and the good output is still replaced by a good run
cat >"$work/good.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xml:lang="en" layout="a4">
  <meta><series>S</series><title>Good</title></meta>
  <section id="s"><p>Fine.</p></section>
</report>
XML
"$compose" render "$work/good.xml" -o "$out" >"$work/stdout" 2>"$work/stderr" || fail "a good source failed to render"
head -c 5 "$out" | grep -q '%PDF-' || fail "the good run did not replace the output with a PDF"
check_readers "$out" "$work/readers"

# never over the source itself, nor over an existing file that is not a PDF
cp "$work/good.xml" "$work/self.xml"
"$compose" render "$work/self.xml" -o "$work/self.xml" >"$work/stdout" 2>"$work/stderr" && fail "the PDF replaced its source"
grep -q -F "$work/self.xml: error: is the source itself" "$work/stderr" || { fail "no error for -o SOURCE:"; cat "$work/stderr" >&2; }
cmp -s "$work/good.xml" "$work/self.xml" || fail "the source was changed"
printf 'name,email\nAna,ana@example.org\n' >"$work/people.csv"
"$compose" render "$work/good.xml" -o "$work/people.csv" >"$work/stdout" 2>"$work/stderr" && fail "the PDF replaced a CSV file"
grep -q -F "$work/people.csv: error: exists and is not a PDF" "$work/stderr" || { fail "no error for -o DATA.csv:"; cat "$work/stderr" >&2; }
grep -q 'Ana,ana@example.org' "$work/people.csv" || fail "the CSV file was changed"
: >"$work/empty.pdf"
"$compose" render "$work/good.xml" -o "$work/empty.pdf" >"$work/stdout" 2>"$work/stderr" || fail "an empty file was not replaced"

# a flood of errors (300 rows of 129 cells) shows the first hundred, then how many more
python3 - "$work/flood.xml" <<'PY'
import sys
cells = ''.join(f'<cell>c{i}</cell>' for i in range(129))
rows = ''.join(f'<row>{cells}</row>\n' for _ in range(300))
open(sys.argv[1], 'w').write('<report xml:lang="en"><meta><title>T</title></meta><section id="s"><p>x</p>'
                             f'<table>\n{rows}</table></section></report>')
PY
"$compose" check "$work/flood.xml" >"$work/stdout" 2>"$work/stderr" && fail "compose check exited 0 on 300 bad rows"
(( $(grep -c ': error: a table row has more than 128 cells' "$work/stderr") == 100 )) || fail "not exactly 100 errors shown"
grep -q -x "compose: 200 more diagnostics not shown" "$work/stderr" || fail "no count of the errors not shown: $(tail -1 "$work/stderr")"
grep -q -F "$work/flood.xml:2:" "$work/stderr" || fail "the first error (line 2) is not among those shown"

((status == 0)) && echo "malformed sources: located diagnostics, non-zero exits, output untouched"
exit $status
