#!/usr/bin/env bash
# Text every reader can search (issue 16, item 1):
#   hyphens.sh COMPOSE SOURCE_ROOT WORK_DIR
# For the Mexico report's English, Spanish and parallel editions, and the examples with
# right-to-left and other-script text:
# 1. every code shown in every font has a ToUnicode entry and no marked content carries an empty
#    /ActualText (tounicode.py over `qpdf --qdf` output: fonts and content streams walked);
# 2. every word hyphenated at a line's end (the `h` lines of `compose dump --stage lines`) is
#    whole in poppler's text (pdftotext -raw: the inserted hyphen extracts as U+002D, which
#    poppler joins to the next line), and MuPDF's text ends the line with '-' (no U+FFFD, no
#    control character); at least 50 such words per edition, so the check has something to check.
set -uo pipefail
compose=$1 root=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL [hyphens]: $*" >&2; failures=$((failures + 1)); }
cd "$root" || exit 2
source=sources/mexico-2014/report.xml

check_codes() {  # PDF NAME
  qpdf --qdf --object-streams=disable "$1" "$work/$2.qdf.pdf" || { fail "qpdf --qdf failed on $2"; return; }
  python3 "$here/tounicode.py" "$work/$2.qdf.pdf" >"$work/$2.codes" || { fail "$2: $(cat "$work/$2.codes")"; return; }
  echo "$2: $(cat "$work/$2.codes")"
}

for edition in "en" "es --lang es" "parallel --edition parallel"; do
  read -r name options <<<"$edition"
  # shellcheck disable=SC2086
  "$compose" render $source $options -o "$work/$name.pdf" >/dev/null 2>"$work/$name.err" || { fail "render $name: $(cat "$work/$name.err")"; continue; }
  # shellcheck disable=SC2086
  "$compose" dump --stage lines $source $options >"$work/$name.lines" 2>/dev/null || { fail "dump $name failed"; continue; }
  check_codes "$work/$name.pdf" "$name"
  pdftotext -raw -enc UTF-8 "$work/$name.pdf" "$work/$name.poppler.txt" || fail "pdftotext failed on $name"
  python3 "$here/hyphens.py" "$work/$name.lines" "$work/$name.poppler.txt" 50 >"$work/$name.poppler.out" ||
    fail "pdftotext, $name: $(cat "$work/$name.poppler.out")"
  head -1 "$work/$name.poppler.out" | sed "s/^/$name, pdftotext: /"
  mutool draw -q -F txt -o "$work/$name.mupdf.txt" "$work/$name.pdf" 2>/dev/null || fail "mutool draw -F txt failed on $name"
  python3 "$here/hyphens.py" --hyphen-only "$work/$name.lines" "$work/$name.mupdf.txt" 50 >"$work/$name.mupdf.out" ||
    fail "mutool, $name: $(cat "$work/$name.mupdf.out")"
  head -1 "$work/$name.mupdf.out" | sed "s/^/$name, mutool: /"
done

for example in examples/*/report.xml; do
  name=$(basename "$(dirname "$example")")
  "$compose" render "$example" -o "$work/example-$name.pdf" >/dev/null 2>"$work/example-$name.err" || { fail "render $example: $(cat "$work/example-$name.err")"; continue; }
  check_codes "$work/example-$name.pdf" "example-$name"
done

((failures == 0)) || exit 1
echo "hyphens: every code has a ToUnicode entry; hyphenated words whole in poppler's text, hyphen kept by MuPDF"
