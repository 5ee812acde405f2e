#!/usr/bin/env bash
# End-to-end check of one report source:
#   render-and-check.sh COMPOSE TEXT_IN_ORDER SOURCE.xml WORK_DIR [LANG]
# (with LANG, the edition in that language: compose render --lang LANG)
# renders SOURCE.xml with the built compose, then checks the PDF with the tools a reader's
# software would use: qpdf --check; pdffonts (every font embedded, subset, Identity-H, with
# ToUnicode); pdftotext (every word of the source, in order: see text_in_order.cpp); and
# poppler (pdftoppm), mupdf (mutool draw) and ghostscript (nullpage) render every page with
# nothing at all on stderr. Any failure exits non-zero with the reason on stderr.
set -uo pipefail

compose=$1 text_in_order=$2 source=$3 work=$4 lang=${5:-}
name=$(basename "$(dirname "$source")")${lang:+ ($lang)}
lang_option=()
[[ -n "$lang" ]] && lang_option=(--lang "$lang")
rm -rf "$work" && mkdir -p "$work"
pdf="$work/report.pdf"
failures=0
fail() { echo "FAIL [$name]: $*" >&2; failures=$((failures + 1)); }

# 1. render: exit 0, and no diagnostic at all (a warning in an example is a bug in the example)
# the internal edition: every column of the source is shown (the public one withholds some)
if ! "$compose" render "$source" "${lang_option[@]}" --audience internal -o "$pdf" >"$work/render.out" 2>"$work/render.err"; then
  cat "$work/render.err" >&2
  echo "FAIL [$name]: compose render exited non-zero" >&2
  exit 1
fi
if [[ -s "$work/render.err" ]]; then
  fail "compose render printed diagnostics:"; cat "$work/render.err" >&2
fi
[[ -s "$pdf" ]] || { echo "FAIL [$name]: no PDF written" >&2; exit 1; }

# 2. qpdf --check, poppler, mupdf and ghostscript (readers.sh)
source "$(dirname "$0")/readers.sh"
check_readers "$pdf" "$work"
pages=$readers_pages

# 3. pdffonts: after the two header lines, one row per font:
#    name  type (one to three words)  encoding  emb  sub  uni  object-number  generation
if ! pdffonts "$pdf" >"$work/fonts.out" 2>"$work/fonts.err"; then
  fail "pdffonts failed"
fi
[[ -s "$work/fonts.err" ]] && { fail "pdffonts complained:"; cat "$work/fonts.err" >&2; }
fonts=0
while read -r line; do
  [[ -z "$line" ]] && continue
  fonts=$((fonts + 1))
  read -r -a f <<<"$line"
  n=${#f[@]}
  encoding=${f[n-6]} emb=${f[n-5]} sub=${f[n-4]} uni=${f[n-3]} fontname=${f[0]}
  [[ "$encoding" == "Identity-H" ]] || fail "font $fontname: encoding $encoding, not Identity-H"
  [[ "$emb" == yes ]] || fail "font $fontname is not embedded"
  [[ "$sub" == yes ]] || fail "font $fontname is not a subset"
  [[ "$uni" == yes ]] || fail "font $fontname has no ToUnicode map"
  [[ "$fontname" =~ ^[A-Z]{6}\+ ]] || fail "font $fontname has no subset tag"
done < <(tail -n +3 "$work/fonts.out")
((fonts > 0)) || fail "pdffonts lists no font"

# 3b. nothing of the machine that made it: no absolute path of the source, the project or the
#     working folder, no user or host name, in the PDF's uncompressed bytes
qpdf --qdf --object-streams=disable "$pdf" "$work/qdf.pdf" 2>/dev/null
for leak in "$(cd "$(dirname "$source")" && pwd)" "$(pwd)" "$HOME" "$(uname -n)" "${USER:-$(id -un)}"; do
  [[ ${#leak} -ge 4 ]] || continue  # too short to tell from text ("root" is checked below)
  grep -a -q -F "$leak" "$work/qdf.pdf" && fail "the PDF holds '$leak', of the machine that made it"
done
grep -a -q -E "/(root|home|tmp|work)/" "$work/qdf.pdf" && fail "the PDF holds an absolute path: $(grep -a -o -E "/(root|home|tmp|work)/[^ )>]*" "$work/qdf.pdf" | head -1)"

# 4. pdftotext: every word of the source, in order. -raw keeps the content stream's order, the
#    order the layout placed lines in (text_in_order.cpp says why the default mode is not used).
if pdftotext -raw -enc UTF-8 "$pdf" "$work/text.txt" 2>"$work/pdftotext.err"; then
  [[ -s "$work/pdftotext.err" ]] && { fail "pdftotext complained:"; cat "$work/pdftotext.err" >&2; }
  "$text_in_order" "$source" "$work/text.txt" $lang || fail "words of the source are missing from the PDF's text"
else
  fail "pdftotext failed:"; cat "$work/pdftotext.err" >&2
fi

if ((failures > 0)); then
  echo "$name: $failures check(s) failed; files in $work" >&2
  exit 1
fi
echo "$name: $pages page(s), $fonts font(s): qpdf, pdffonts, pdftotext, pdftoppm, mutool, gs all clean"
