#!/usr/bin/env bash
# Annex data as organisers keep it, end to end: the Mexico report with its participants list
# saved by LibreOffice as .xlsx, .ods, .xls (Excel 97-2003), semicolon CSV in Windows-1252 and tab-separated UTF-16
# (tests/source/data) renders the same pages as with the bundled CSV (the display list dump in
# English, Spanish and the parallel edition; the PDF's text); broken workbooks are located errors;
# `compose data diff` names exactly the rows that changed.
# usage: spreadsheets.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 root=$2 work=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
rm -rf "$work" && mkdir -p "$work"
data=$root/tests/source/data
src=$work/mexico
cp -r "$root/sources/mexico-2014" "$src"
cp "$data/participants.xlsx" "$data/participants.ods" "$data/participants.xls" "$data/participants-semicolon-1252.csv" \
  "$data/participants-tab-utf16.txt" "$src/"

# report-NAME.xml: the Mexico report with its people <data> replaced
with_data() {
  local name=$1 data_element=$2
  sed "s|<data id=\"people\" src=\"participants.csv\" key=\"name\"/>|$data_element|" "$src/report.xml" >"$src/report-$name.xml"
  grep -q -F "$data_element" "$src/report-$name.xml" || fail "report-$name.xml: the <data> was not replaced"
}
with_data xlsx '<data id="people" src="participants.xlsx" key="name"/>'
with_data ods '<data id="people" src="participants.ods" key="name" sheet="participants"/>'
with_data xls '<data id="people" src="participants.xls" key="name"/>'
with_data semicolon '<data id="people" src="participants-semicolon-1252.csv" key="name" delimiter="semicolon" encoding="windows-1252"/>'
with_data utf16 '<data id="people" src="participants-tab-utf16.txt" key="name" delimiter="tab" encoding="UTF-16"/>'
with_data semicolon-unsaid '<data id="people" src="participants-semicolon-1252.csv" key="name" encoding="windows-1252"/>'

for v in xlsx ods xls semicolon utf16; do
  if ! xmllint --noout --relaxng "$root/compose/source/schema/report.rng" "$src/report-$v.xml" 2>"$work/schema-$v.err"; then
    fail "report-$v.xml does not validate:"; cat "$work/schema-$v.err" >&2
  fi
done

# the same display list, page for page, in each edition
for edition in "--lang en" "--lang es" "--edition parallel"; do
  tag=${edition//[- ]/}
  "$compose" dump --stage pages "$src/report.xml" $edition >"$work/csv-$tag.dump" 2>"$work/csv-$tag.err" ||
    fail "dump of the bundled report ($edition) failed"
  for v in xlsx ods xls semicolon utf16; do
    if ! "$compose" dump --stage pages "$src/report-$v.xml" $edition >"$work/$v-$tag.dump" 2>"$work/$v-$tag.err"; then
      fail "dump with the $v participants ($edition) failed:"; cat "$work/$v-$tag.err" >&2
    fi
    cmp -s "$work/csv-$tag.dump" "$work/$v-$tag.dump" ||
      { fail "the $v participants ($edition) give other pages than the CSV:"; diff "$work/csv-$tag.dump" "$work/$v-$tag.dump" | head -5 >&2; }
  done
done
# and the same text in the PDF
"$compose" render "$src/report.xml" -o "$work/csv.pdf" >/dev/null || fail "render with the CSV failed"
pdftotext -layout "$work/csv.pdf" "$work/csv.txt"
for v in xlsx ods xls; do
  "$compose" render "$src/report-$v.xml" -o "$work/$v.pdf" >/dev/null || fail "render with the $v participants failed"
  pdftotext -layout "$work/$v.pdf" "$work/$v.txt"
  cmp -s "$work/csv.txt" "$work/$v.txt" || fail "the $v participants give another PDF text than the CSV"
done
grep -q "Zara Snapp" "$work/xlsx.txt" || fail "the annex from the .xlsx lacks its last participant"

# expect NAME STATUS TEXT: `compose check report-NAME.xml` exits STATUS and prints TEXT (a whole line)
expect() {
  local name=$1 status=$2 text=$3 got=0
  "$compose" check "$src/report-$name.xml" >"$work/$name.out" 2>"$work/$name.err" || got=$?
  ((got == status)) || fail "check report-$name.xml: exit status $got, not $status"
  grep -q -x -F -- "$text" "$work/$name.err" || { fail "check report-$name.xml does not say: $text"; cat "$work/$name.err" >&2; }
}
expect semicolon-unsaid 1 "$src/participants-semicolon-1252.csv:1:7: error: a semicolon after a closing quote, where a comma was expected: the file seems separated by semicolons; add delimiter=\"semicolon\" to its <data>"

for broken in truncated entity bigcell; do
  cp "$data/broken-$broken.xlsx" "$src/"
  with_data "$broken" "<data id=\"people\" src=\"broken-$broken.xlsx\" key=\"name\"/>"
done
expect truncated 1 "$src/broken-truncated.xlsx: error: cannot open the file as a zip archive: Not a zip archive; a spreadsheet file is a zip archive: is it truncated, or not the spreadsheet it is named as?"
expect entity 1 "$src/broken-entity.xlsx:xl/worksheets/sheet1.xml:2:11: error: a DOCTYPE is not allowed: data files never read external DTDs or entities"
expect bigcell 1 "$src/broken-bigcell.xlsx:participants!C7: error: a cell holds 10485760 bytes, more than the limit of 64 KB; raise the limit with --limit cell-size=N"
# a zip bomb against the default limits: a sheet of 200 MB of spaces, packed to a few hundred KB
python3 - "$data/participants.xlsx" "$src/broken-bomb.xlsx" <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for n in src.namelist():
        d = src.read(n)
        if n == "xl/worksheets/sheet1.xml":
            d = d.replace(b"<sheetData>", b"<sheetData>" + b" " * (200 << 20), 1)
        z.writestr(n, d)
PY
with_data bomb '<data id="people" src="broken-bomb.xlsx" key="name"/>'
expect bomb 1 "$src/broken-bomb.xlsx: error: 'xl/worksheets/sheet1.xml' unpacks to more than 128 MB (a zip bomb?); the limit is 8 times the file-size limit; raise it with --limit file-size=N"

# compose data diff: the same rows in another kind of file are no change (exit 0) ...
status=0
"$compose" data diff "$src/participants.csv" "$src/participants.xlsx" >"$work/diff-same.out" 2>&1 || status=$?
((status == 0)) || { fail "data diff of the CSV and the .xlsx: exit status $status, not 0"; cat "$work/diff-same.out" >&2; }
grep -q "52 rows -> 52; 0 added, 0 removed, 0 changed, 52 unchanged" "$work/diff-same.out" ||
  { fail "data diff of the CSV and the .xlsx does not say nothing changed"; cat "$work/diff-same.out" >&2; }
# ... and a new version names exactly what changed (exit 1): one removed, one renamed, one added
{
  head -n 1 "$src/participants.csv"
  tail -n +2 "$src/participants.csv" | grep -v '^Sean Tait,' |
    sed 's/^Zara Snapp,Global Commission on Drug Policy,/Zara Snapp,Global Commission on Drug Policy (GCDP),/'
  echo 'Ana Núñez,Instituto Igarapé,ana@igarape.org.br'
} >"$src/participants-v2.csv"
status=0
"$compose" data diff "$src/participants.ods" "$src/participants-v2.csv" >"$work/diff.out" 2>"$work/diff.err" || status=$?
((status == 1)) || fail "data diff of two versions: exit status $status, not 1"
# the people checks rerun on the new version: the bundled list's one malformed email, at its new row
grep -q -x -F "$src/participants-v2.csv:17:1: warning: 'seminariomujeresen' in the email of 'Corina Giacomello' is not an email address; the field reads 'seminariomujeresen espiral@gmail.com'" "$work/diff.err" ||
  { fail "data diff does not run the people checks on the new version"; cat "$work/diff.err" >&2; }
[[ $(grep -c ': warning: ' "$work/diff.err") == 1 ]] || { fail "data diff warns about more than the one email"; cat "$work/diff.err" >&2; }
cat >"$work/diff.expected" <<EOF
$src/participants.ods -> $src/participants-v2.csv, rows matched by name: 52 rows -> 52; 1 added, 1 removed, 1 changed, 50 unchanged
+ Ana Núñez  ($src/participants-v2.csv:53)
    organization: "Instituto Igarapé"
    email: "ana@igarape.org.br"
- Sean Tait  ($src/participants.ods:participants:51)
    organization: "African Policing Civilian Oversight Forum, APCOF"
    email: "sean@apcof.org.za"
~ Zara Snapp  ($src/participants.ods:participants:53 -> $src/participants-v2.csv:52)
    organization: "Global Commission on Drug Policy" -> "Global Commission on Drug Policy (GCDP)"
EOF
diff -u "$work/diff.expected" "$work/diff.out" >&2 || fail "data diff of two versions is not what changed"
"$compose" data diff "$src/participants.ods" "$src/participants-v2.csv" --format json >"$work/diff.json" 2>/dev/null
python3 - "$work/diff.json" <<'PY' || fail "data diff --format json is not the change"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["key"] == "name", d["key"]
assert [r["key"] for r in d["added"]] == ["Ana Núñez"], d["added"]
assert [r["key"] for r in d["removed"]] == ["Sean Tait"], d["removed"]
assert [c["key"] for c in d["changed"]] == ["Zara Snapp"], d["changed"]
assert d["changed"][0]["fields"] == {"organization": {"old": "Global Commission on Drug Policy", "new": "Global Commission on Drug Policy (GCDP)"}}
assert d["unchanged"] == 50 and d["rows"] == {"old": 52, "new": 52}
PY
# with --report, the people the report names are matched against the new version: Sean Tait,
# removed, is still in a caption and the agenda; the bundled report's own data is not read
status=0
"$compose" data diff "$src/participants.ods" "$src/participants-v2.csv" --report "$src/report.xml" >/dev/null 2>"$work/diff-report.err" || status=$?
((status == 1)) || fail "data diff --report: exit status $status, not 1"
for expected in "$src/report.xml:160:234: warning: caption 'Sean Tait' is not among the participants; record <guest name=\"Sean Tait\"/> if that is right" \
  "$src/agenda.xml:245:7: warning: speaker 'Sean Tait' is not among the participants; record <guest name=\"Sean Tait\"/> if that is right"; do
  grep -q -x -F "$expected" "$work/diff-report.err" || { fail "data diff --report does not say: $expected"; cat "$work/diff-report.err" >&2; }
done
# the report's corrections applied to the new version, as to its own data: Heidy Cristina Gómez's
# name and Corina Giacomello's email are settled
[[ $(grep -c ': warning: ' "$work/diff-report.err") == 2 ]] || { fail "data diff --report warns about more than Sean Tait"; cat "$work/diff-report.err" >&2; }
grep -q "Sean Tait" "$work/diff.err" && fail "without --report, data diff matched the report's people"
"$compose" data diff "$src/participants.csv" "$src/participants.xlsx" --report "$src/report.xml" >/dev/null 2>"$work/diff-report-same.err"
grep -q "Sean Tait" "$work/diff-report-same.err" && fail "data diff --report of the same list warns about Sean Tait"
status=0
"$compose" data diff "$src/participants.csv" "$src/participants.xlsx" --report "$src/missing.xml" >/dev/null 2>"$work/diff-report-missing.err" || status=$?
((status == 2)) || fail "data diff --report with a missing report: exit status $status, not 2"
status=0
"$compose" data diff "$src/participants.csv" "$src/broken-truncated.xlsx" >"$work/diff-broken.out" 2>&1 || status=$?
((status == 2)) || fail "data diff with a broken file: exit status $status, not 2"

((failures == 0)) || { echo "$failures failure(s)" >&2; exit 1; }
echo "spreadsheets: ok"
