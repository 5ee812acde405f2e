#!/usr/bin/env bash
# Bidirectional text end to end (issue 4, item 6):
#   bidi.sh COMPOSE SOURCE_ROOT WORK_DIR
# 1. examples/bidi: the Arabic and Hebrew names are right-to-left runs in the page dump, their
#    glyphs in visual order (clusters decreasing from left to right);
# 2. the PDF's text (pdftotext, default and -raw modes) gives the names' letters in logical order;
# 3. a paragraph with an Arabic name and a character no font has (U+0378, unassigned: no bundled
#    or system font can have it) is an error at the line:col of that character, and no PDF.
set -uo pipefail
compose=$1 root=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL [bidi]: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"
name="محمد عبد الله"
hebrew="דוד לוי"

cd "$root" || exit 2
"$compose" dump --stage pages examples/bidi/report.xml >"$work/dump.txt" 2>"$work/dump.err" || { cat "$work/dump.err" >&2; exit 1; }
# the glyph line after each rtl run: clusters must fall strictly from left to right
for text in "$name" "$hebrew"; do
  # a run line: "run font F size S at X Y line L rtl [hscale H%] "text""
  pattern=" rtl (hscale [0-9.]+% )?\"$text\""
  grep -q -E "$pattern" "$work/dump.txt" || fail "no right-to-left run \"$text\" in the page dump"
  clusters=$(grep -A1 -E "$pattern" "$work/dump.txt" | sed -n 2p | grep -o '@[0-9]*' | tr -d '@' | tr '\n' ' ')
  prev=1000000
  for c in $clusters; do
    ((c < prev)) || { fail "glyphs of \"$text\" are not in visual order: clusters $clusters"; break; }
    prev=$c
  done
done

"$compose" render examples/bidi/report.xml -o "$work/bidi.pdf" >/dev/null 2>"$work/render.err" || { cat "$work/render.err" >&2; exit 1; }
[[ -s "$work/render.err" ]] && fail "render printed diagnostics: $(cat "$work/render.err")"
strip_controls() { perl -CSD -pe 's/[\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]//g'; }
pdftotext -enc UTF-8 "$work/bidi.pdf" - | strip_controls >"$work/text.txt"
grep -q -F "$name" "$work/text.txt" || fail "pdftotext does not give \"$name\" in logical order: $(grep -F 'met with' "$work/text.txt")"
grep -q -F "$hebrew" "$work/text.txt" || fail "pdftotext does not give \"$hebrew\" in logical order"
pdftotext -raw -enc UTF-8 "$work/bidi.pdf" - | strip_controls | tr -d ' \n' >"$work/raw.txt"
grep -q -F "$(printf '%s' "$name" | tr -d ' ')" "$work/raw.txt" || fail "pdftotext -raw does not give \"$name\" in logical order"

# 3. a character no font has: the error names its own line:col, on the line of its element and
#    on a continuation line of a paragraph (whitespace collapsed, runs of one style merged)
mkdir -p "$work/missing"
unassigned=$(printf '\xCD\xB8')  # U+0378
cat >"$work/missing/report.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<report xml:lang="en" layout="a4" id="bidi-missing">
  <meta>
    <series>Examples</series>
    <title>A missing character</title>
  </meta>
  <section id="s">
    <p>The delegation met with $name of the observatory.</p>
    <p><em>The sign ͸</em> has no glyph in any font.</p>
    <p>Nor <em>has</em> the same sign written on
      a later line: ͸.</p>
  </section>
</report>
XML
if "$compose" render "$work/missing/report.xml" -o "$work/missing.pdf" >/dev/null 2>"$work/missing.err"; then
  fail "render of a source with a character no font has exited 0"
fi
[[ -e "$work/missing.pdf" ]] && fail "render of a source with a character no font has wrote a PDF"
for at in 9:21 11:21; do
  expected="$work/missing/report.xml:$at: error: no font has the character U+0378"
  grep -q -F "$expected" "$work/missing.err" || fail "expected '$expected', got: $(cat "$work/missing.err")"
done
((failures == 0)) || cat "$work/missing.err" >&2
# --allow-missing-glyphs: the PDF is written, the character drawn as a box, a warning at each place
"$compose" render "$work/missing/report.xml" --allow-missing-glyphs -o "$work/allowed.pdf" >/dev/null 2>"$work/allowed.err" ||
  fail "render --allow-missing-glyphs exited non-zero: $(cat "$work/allowed.err")"
[[ -s "$work/allowed.pdf" ]] || fail "render --allow-missing-glyphs wrote no PDF"
for at in 9:21 11:21; do
  grep -q -F "$work/missing/report.xml:$at: warning: " "$work/allowed.err" || fail "no warning at $at with --allow-missing-glyphs: $(cat "$work/allowed.err")"
done
grep -q "error:" "$work/allowed.err" && fail "--allow-missing-glyphs still gave an error: $(cat "$work/allowed.err")"

check_readers "$work/bidi.pdf" "$work/readers-bidi"

((failures == 0)) || exit 1
echo "bidi: right-to-left runs in visual order, extracted in logical order; a character no font has is an error"
