#!/usr/bin/env bash
# Tagged PDF (PDF/UA-1, on by default) and PDF/A-2u (--pdfa), checked on every bundled source:
#   tagged.sh COMPOSE ROOT WORK_DIR PDFJS_DIR
# - pdfua_check.py (the machine-checkable PDF/UA-1 rules, and PDF/A-2u's with --pdfa) passes on
#   every example and on the Mexico report in English, Spanish and the parallel edition;
# - qpdf --check is clean and poppler's pdfinfo -struct-text shows the tree: the title and
#   section headings, the figures with their alternative text, the tables with their header
#   cells, the Spanish column of the parallel edition in Spanish;
# - --pdfa output is byte-reproducible (same source, same SOURCE_DATE_EPOCH, same bytes) and
#   --no-tags gives a PDF with no structure tree;
# - pdf.js (pdfjs-dist in PDFJS_DIR; missing: a failure) finds headings, figures with alt text, a
#   table with TH cells and links in getStructTree(), and no control character in the text.
set -uo pipefail
compose=$1 root=$2 work=$3 pdfjs=$4
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check="python3 $(dirname "$0")/pdfua_check.py"
export SOURCE_DATE_EPOCH=1415285100
render() {
  local out=$1
  shift
  "$compose" render "$@" -o "$out" 2>"$work/err.txt" >/dev/null || { cat "$work/err.txt" >&2; fail "render $* -o $out"; return 1; }
  qpdf --check "$out" >"$work/qpdf.txt" 2>&1 || { cat "$work/qpdf.txt" >&2; fail "qpdf --check $out"; }
}

for source in "$root"/examples/*/report.xml; do
  name=$(basename "$(dirname "$source")")
  render "$work/$name.pdf" "$source" && { $check "$work/$name.pdf" || fail "PDF/UA checks on $name"; }
  render "$work/$name-a.pdf" "$source" --pdfa && { $check --pdfa "$work/$name-a.pdf" || fail "PDF/A checks on $name"; }
done

mexico=$root/sources/mexico-2014/report.xml
render "$work/mexico.pdf" "$mexico" && { $check "$work/mexico.pdf" || fail "PDF/UA checks on the Mexico report"; }
render "$work/mexico-es.pdf" "$mexico" --lang es && { $check "$work/mexico-es.pdf" || fail "PDF/UA checks on the Spanish edition"; }
render "$work/mexico-parallel.pdf" "$mexico" --edition parallel &&
  { $check "$work/mexico-parallel.pdf" || fail "PDF/UA checks on the parallel edition"; }
render "$work/mexico-a.pdf" "$mexico" --pdfa && { $check --pdfa "$work/mexico-a.pdf" || fail "PDF/A checks on the Mexico report"; }
render "$work/mexico-a2.pdf" "$mexico" --pdfa
cmp -s "$work/mexico-a.pdf" "$work/mexico-a2.pdf" || fail "two --pdfa renders of the same source differ"
head -c 8 "$work/mexico-a.pdf" | grep -q '%PDF-1.7' || fail "the --pdfa PDF's header is not %PDF-1.7"

# the tree as poppler reads it
pdfinfo -struct-text "$work/mexico.pdf" >"$work/struct.txt" 2>&1 || fail "pdfinfo -struct-text"
for want in '^Document' '^    H1 (block)' '"Report from Mexico"' '"Findings and main points of' '^      Figure' \
  '^    Table (block)' '^      THead' '^          TH:' '/Scope /Column' '"Name"' '^      TBody' '^      Link (inline)'; do
  grep -q -- "$want" "$work/struct.txt" || fail "pdfinfo -struct-text of the Mexico report lacks $want"
done
# the parallel edition's Spanish part carries its language
qpdf --json "$work/mexico-parallel.pdf" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
langs = {o["value"].get("/Lang") for o in objs.values() if isinstance(o.get("value"), dict) and "/S" in o["value"] and "/P" in o["value"]}
sys.exit(0 if "u:es" in langs else 1)' || fail "no element of the parallel edition is in Spanish (/Lang es)"

# pdf.js, as Firefox reads it
for pdf in mexico mexico-es mexico-parallel mexico-a; do
  node "$(dirname "$0")/pdfjs_struct.js" "$pdfjs" "$work/$pdf.pdf" 2>"$work/pdfjs-err.txt" >>"$work/pdfjs.txt" ||
    { grep FAIL "$work/pdfjs-err.txt" >&2; fail "pdf.js on $pdf.pdf"; }
done

# --no-tags: none of it
render "$work/untagged.pdf" "$mexico" --no-tags
qpdf --show-object=trailer "$work/untagged.pdf" >/dev/null
if qpdf --qdf --object-streams=disable "$work/untagged.pdf" - | grep -aq '/StructTreeRoot'; then
  fail "--no-tags wrote a structure tree"
fi
$check "$work/untagged.pdf" >/dev/null && fail "the checker passed an untagged PDF"

# --pdfa without a profile is an error, not a PDF
COMPOSE_ICC_PROFILE=/nonexistent/sRGB.icc "$compose" render "$mexico" --pdfa -o "$work/noprofile.pdf" 2>"$work/err.txt" >/dev/null &&
  fail "--pdfa with a missing ICC profile succeeded"
grep -q 'needs an sRGB ICC profile' "$work/err.txt" || { cat "$work/err.txt" >&2; fail "--pdfa with a missing profile: no diagnostic"; }
[[ -e "$work/noprofile.pdf" ]] && fail "--pdfa with a missing profile left a PDF"

((failures == 0)) || { echo "$failures failure(s)" >&2; exit 1; }
echo "tagged PDF checks passed"
