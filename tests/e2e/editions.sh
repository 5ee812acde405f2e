#!/usr/bin/env bash
# Editions of the Mexico report beyond the plain English one:
#   editions.sh COMPOSE SOURCE.xml WORK_DIR
# - public (the default) and internal audiences: the public PDF holds no email address in its
#   text, its metadata or its (uncompressed) bytes; the internal one shows them;
# - --only annexes: only the annex pages, labelled with the full report's page numbers;
# - --edition parallel: English and Spanish on the same pages, the outline present, the file
#   valid and readable by poppler, mupdf and ghostscript;
# - reproducible: two renders are byte-identical.
set -uo pipefail
compose=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
render() { "$compose" render "$source" "$@" 2>"$work/err.txt" >/dev/null || { cat "$work/err.txt" >&2; fail "render $*"; }; }

email='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}'

render -o "$work/public.pdf"
render --audience internal -o "$work/internal.pdf"
pdftotext "$work/public.pdf" "$work/public.txt"
pdftotext "$work/internal.pdf" "$work/internal.txt"
if grep -Eq "$email" "$work/public.txt"; then fail "the public edition's text shows email addresses"; fi
qpdf --qdf --object-streams=disable "$work/public.pdf" "$work/public-qdf.pdf"
# ToUnicode maps and content are hex; look for the addresses as text in the whole file too
if grep -aEq "$email" "$work/public-qdf.pdf"; then fail "an email address is in the public PDF's bytes"; fi
if pdfinfo "$work/public.pdf" | grep -Eq "$email"; then fail "an email address is in the public PDF's metadata"; fi
count=$(grep -Ec "$email" "$work/internal.txt")
(( count >= 40 )) || fail "the internal edition shows $count email lines, expected the participants' (>= 40)"
grep -q "ernestolpv@insyde.org.mx" "$work/internal.txt" || fail "a known address is missing from the internal edition"

render --only annexes -o "$work/annexes.pdf"
pages=$(pdfinfo "$work/annexes.pdf" | awk '/^Pages:/ {print $2}')
full=$(pdfinfo "$work/public.pdf" | awk '/^Pages:/ {print $2}')
(( pages > 0 && pages < full )) || fail "--only annexes gave $pages pages of $full"
first_label=$(qpdf --json "$work/annexes.pdf" | python3 -c "import json,sys; print(json.load(sys.stdin)['pagelabels'][0]['label'].get('/St', 1))")
(( first_label == full - pages + 1 )) || fail "the annexes' first page is labelled $first_label, expected $((full - pages + 1))"
pdftotext "$work/annexes.pdf" "$work/annexes.txt"
grep -q "Annex I" "$work/annexes.txt" || fail "--only annexes lacks Annex I"
if grep -q "The realization of security" "$work/annexes.txt"; then fail "--only annexes has the body's text"; fi

render --edition parallel -o "$work/parallel.pdf"
qpdf --check "$work/parallel.pdf" >/dev/null || fail "qpdf rejects the parallel edition"
pdftotext -f 1 -l 1 "$work/parallel.pdf" "$work/parallel-1.txt"
grep -q "The realization of security" "$work/parallel-1.txt" || fail "page 1 of the parallel edition lacks the English text"
grep -q "Garantizar la seguridad" "$work/parallel-1.txt" || fail "page 1 of the parallel edition lacks the Spanish text"
pdftoppm -r 20 -png "$work/parallel.pdf" "$work/parallel" 2>"$work/poppler.err" || fail "poppler could not render the parallel edition"
[[ -s "$work/poppler.err" ]] && fail "poppler: $(cat "$work/poppler.err")"
gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage "$work/parallel.pdf" >"$work/gs.out" 2>&1 || fail "ghostscript failed"
[[ -s "$work/gs.out" ]] && fail "ghostscript: $(cat "$work/gs.out")"

render -o "$work/again.pdf"
cmp -s "$work/public.pdf" "$work/again.pdf" || fail "two renders of the same source differ"

if (( failures > 0 )); then echo "$failures check(s) failed" >&2; exit 1; fi
echo "editions: public, internal, annexes only, parallel and reproducible output checked"
