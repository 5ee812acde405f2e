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
source "$(dirname "$0")/readers.sh"
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
pdftotext -f 1 -l 1 "$work/parallel.pdf" "$work/parallel-1.txt"
grep -q "The realization of security" "$work/parallel-1.txt" || fail "page 1 of the parallel edition lacks the English text"
grep -q "Garantizar la seguridad" "$work/parallel-1.txt" || fail "page 1 of the parallel edition lacks the Spanish text"

# navigation: the outline lists every section and annex, cross-references are internal links
qpdf --json "$work/public.pdf" > "$work/public.json"
python3 - "$work/public.json" <<'PY' || fail "outline or internal links missing"
import json, sys
d = json.load(open(sys.argv[1]))
outline = d.get("outlines", [])
titles = [o.get("title", "") for o in outline]
links = [a for p in d["pages"] for a in [] ]
objects = d.get("qpdf", [{}, {}])[1] if isinstance(d.get("qpdf"), list) else d.get("objects", {})
dest_links = sum(1 for k, v in objects.items() if isinstance(v, dict) and isinstance(v.get("value"), dict)
                 and v["value"].get("/Subtype") == "/Link" and "/Dest" in v["value"])
ok = len(titles) >= 5 and any("Annex I:" in t for t in titles) and any("Annex II:" in t for t in titles) and dest_links >= 2
print("outline:", titles, "internal links:", dest_links)
sys.exit(0 if ok else 1)
PY

# data regenerated: a participant added to the data appears in its sorted place
cp -r "$(dirname "$source")" "$work/copy"
printf 'Aaron Abarca,Causa en Común,aaron@example.org\r\n' >> "$work/copy/participants.csv"
"$compose" render "$work/copy/report.xml" --audience internal --only annexes -o "$work/added.pdf" >/dev/null 2>&1 || fail "render with an added row"
pdftotext "$work/added.pdf" "$work/added.txt"
first=$(grep -n -m1 "Aaron Abarca" "$work/added.txt" | cut -d: -f1)
next=$(grep -n -m1 "Alejandro Espriú" "$work/added.txt" | cut -d: -f1)
[[ -n "$first" && -n "$next" && "$first" -lt "$next" ]] || fail "the added participant is not in its sorted place (line ${first:-none}, before ${next:-none})"

# translation completeness: a Spanish paragraph removed is reported at its line:col
python3 - "$source" "$work/copy/report.xml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# drop the Spanish variant of the first <p> of the findings section
at = text.index('<section id="findings">')
p = text.index("<p>", at)
es = text.index('<t xml:lang="es">', p)
end = text.index("</t>", es) + len("</t>")
open(sys.argv[2], "w", encoding="utf-8").write(text[:es] + text[end:])
print(text[:p].count("\n") + 1)
PY
line=$(python3 -c "import sys; t=open('$source',encoding='utf-8').read(); a=t.index('<section id=\"findings\">'); print(t[:t.index('<p>', a)].count('\n')+1)")
if "$compose" check "$work/copy/report.xml" --lang es > /dev/null 2> "$work/missing.txt"; then fail "check --lang es passed with a paragraph untranslated"; fi
grep -q "report.xml:$line:[0-9]*: error: <p> has no 'es' text" "$work/missing.txt" || { fail "the missing Spanish paragraph is not reported at line $line"; cat "$work/missing.txt" >&2; }

render -o "$work/again.pdf"
cmp -s "$work/public.pdf" "$work/again.pdf" || fail "two renders of the same source differ"

for pdf in public internal annexes parallel added again; do check_readers "$work/$pdf.pdf" "$work/readers-$pdf"; done

if (( failures > 0 )); then echo "$failures check(s) failed" >&2; exit 1; fi
echo "editions: public, internal, annexes only, parallel and reproducible output checked"
