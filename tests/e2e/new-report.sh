#!/usr/bin/env bash
# compose new: a new report's folder that checks, renders and validates as it is.
#   new-report.sh COMPOSE TEXT_IN_ORDER PROJECT_DIR WORK_DIR
# Its English and Spanish editions then go through render-and-check.sh like every other source.
set -uo pipefail
compose=$1 text_in_order=$2 project=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"
run() { "$compose" "$@" >"$work/out.txt" 2>"$work/err.txt"; }

dir=$work/sources/cape-town-2015
run new "$dir" --from 2015-03-10 --to 2015-03-12 || fail "compose new: $(cat "$work/err.txt")"
for f in report.xml participants.csv participants.xlsx agenda.xml; do [[ -s "$dir/$f" ]] || fail "compose new wrote no $f"; done
[[ -d "$dir/photos" ]] || fail "compose new made no photos/ folder"
grep -q "created $dir/report.xml" "$work/out.txt" || fail "compose new does not say what it created: $(cat "$work/out.txt")"
if grep -q '@[A-Z]*@' "$dir/report.xml" "$dir/agenda.xml"; then fail "a placeholder is left: $(grep -o '@[A-Z]*@' "$dir"/*.xml | head -3)"; fi
xmllint --noout --relaxng "$project/compose/source/schema/report.rng" "$dir/report.xml" 2>"$work/err.txt" ||
  fail "report.xml does not validate: $(cat "$work/err.txt")"
xmllint --noout --relaxng "$project/compose/source/schema/agenda.rng" "$dir/agenda.xml" 2>"$work/err.txt" ||
  fail "agenda.xml does not validate: $(cat "$work/err.txt")"
(( $(grep -c '<day ' "$dir/agenda.xml") == 3 )) || fail "three days (10 to 12 March) should give three agenda days"
grep -q 'id="csd-cape-town-2015"' "$dir/report.xml" || fail "the report's id is not taken from the folder"

for lang in en es; do
  run check "$dir/report.xml" --lang "$lang" || fail "compose check --lang $lang: $(cat "$work/err.txt")"
  # what check reports of a new report is the bracketed text left to replace, as warnings, each one
  others=$(grep -v -e '^ ' -e '^[0-9]* warnings$' -e ': warning: placeholder text left in: \[' "$work/err.txt")
  [[ -z $others ]] || fail "compose check --lang $lang printed: $others"
  brackets=$(cat "$dir/report.xml" "$dir/agenda.xml" | grep -o '> *\[' | wc -l)
  (( brackets >= 10 )) || fail "only $brackets bracketed texts counted in the new report"
  [[ $(grep -c ': warning: placeholder text left in: \[' "$work/err.txt") == "$brackets" ]] ||
    fail "check --lang $lang warned about $(grep -c 'placeholder text left in' "$work/err.txt") placeholders, not $brackets"
  run render "$dir/report.xml" --lang "$lang" -o "$work/$lang.pdf" || fail "render --lang $lang: $(cat "$work/err.txt")"
done
for lang in en es; do
  bash "$(dirname "$0")/render-and-check.sh" "$compose" "$text_in_order" "$dir/report.xml" "$work/check-$lang" "$lang" ||
    fail "the $lang edition does not pass render-and-check.sh"
done
run render "$dir/report.xml" --edition parallel -o "$work/parallel.pdf" || fail "render --edition parallel: $(cat "$work/err.txt")"
check_readers "$work/parallel.pdf" "$work/readers-parallel"
pdftotext "$work/en.pdf" "$work/en.txt"
grep -q "Report from Cape Town" "$work/en.txt" || fail "the title does not name the place read from the folder"
grep -q "March 10–12, 2015" "$work/en.txt" || fail "the dates are not on the title page"
pdftotext "$work/es.pdf" "$work/es.txt"
# the place's Spanish name is left to the author, bracketed like the other texts to replace
grep -q "Informe desde \[Cape Town\]" "$work/es.txt" || fail "the Spanish title is missing"
# the commented-out examples of the agenda are valid when uncommented
sed -e 's/<!-- <talk>/<talk>/' -e 's|</moderator> -->|</moderator>|' "$dir/agenda.xml" > "$work/agenda-examples.xml"
grep -q "<moderator><name>" "$work/agenda-examples.xml" || fail "the agenda has no moderator example"
xmllint --noout --relaxng "$project/compose/source/schema/agenda.rng" "$work/agenda-examples.xml" 2> "$work/xmllint.txt" ||
  fail "the agenda's examples are not valid: $(cat "$work/xmllint.txt")"
grep -q "10 al 12 de marzo de 2015" "$work/es.txt" || fail "the Spanish dates are missing: $(grep -i marzo "$work/es.txt")"

# the .xlsx participants template: the same bytes on every run, whatever the time zone; read by
# compose as the CSV is (the same pages in both languages, and with rows added, the same annex)
TZ=Pacific/Kiritimati run new "$work/again" --from 2015-03-10 || fail "compose new again: $(cat "$work/err.txt")"
cmp -s "$dir/participants.xlsx" "$work/again/participants.xlsx" || fail "participants.xlsx differs between two runs"
python3 - "$dir/participants.xlsx" <<'PY' || fail "participants.xlsx is not the workbook expected"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
assert names == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                 "xl/worksheets/sheet1.xml"], names
assert all(i.date_time == (2000, 1, 1, 0, 0, 0) for i in z.infolist())
sheet = z.read("xl/worksheets/sheet1.xml").decode()
for column in ("name", "organization", "email"):
    assert ">" + column + "</t>" in sheet, column
PY
xlsx_report() {  # FOLDER: its report.xml read from participants.xlsx, as report-xlsx.xml
  sed 's|src="participants.csv"|src="participants.xlsx"|' "$1/report.xml" >"$1/report-xlsx.xml"
  grep -q 'src="participants.xlsx"' "$1/report-xlsx.xml" || fail "the report names no participants.csv to replace"
}
xlsx_report "$dir"
for lang in en es; do
  run dump --stage pages "$dir/report.xml" --lang "$lang" && cp "$work/out.txt" "$work/csv-$lang.dump" ||
    fail "dump --lang $lang: $(cat "$work/err.txt")"
  run dump --stage pages "$dir/report-xlsx.xml" --lang "$lang" && cp "$work/out.txt" "$work/xlsx-$lang.dump" ||
    fail "dump with participants.xlsx --lang $lang: $(cat "$work/err.txt")"
  cmp -s "$work/csv-$lang.dump" "$work/xlsx-$lang.dump" || fail "participants.xlsx gives other pages than participants.csv ($lang)"
done
# the template filled as an organiser would (the same rows in both), the same annex
filled=$work/filled && cp -r "$dir" "$filled"
printf '%s\n' 'María López,"Causa en Común, A.C.",maria@example.org' 'Sean Tait,APCOF,sean@apcof.org.za' >>"$filled/participants.csv"
python3 - "$filled/participants.xlsx" <<'PY' || fail "cannot fill participants.xlsx"
import sys, zipfile
path = sys.argv[1]
parts = {i.filename: zipfile.ZipFile(path).read(i.filename) for i in zipfile.ZipFile(path).infolist()}
def row(n, cells):
    return f'<row r="{n}">' + "".join(f'<c r="{chr(65 + i)}{n}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(cells)) + "</row>"
extra = row(2, ["María López", "Causa en Común, A.C.", "maria@example.org"]) + row(3, ["Sean Tait", "APCOF", "sean@apcof.org.za"])
parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", extra.encode() + b"</sheetData>")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
xlsx_report "$filled"
run dump --stage pages "$filled/report.xml" --lang en && cp "$work/out.txt" "$work/filled-csv.dump" || fail "dump of the filled CSV"
run dump --stage pages "$filled/report-xlsx.xml" --lang en && cp "$work/out.txt" "$work/filled-xlsx.dump" || fail "dump of the filled .xlsx"
grep -q "María López" "$work/filled-xlsx.dump" || fail "the annex from the filled .xlsx lacks its participant"
cmp -s "$work/filled-csv.dump" "$work/filled-xlsx.dump" || fail "the filled .xlsx gives another annex than the filled CSV"

# the bracketed texts replaced, check has nothing more to say
cp -r "$dir" "$work/replaced"
sed -i 's/>\[\(.*\)\]</>\1</' "$work/replaced/report.xml" "$work/replaced/agenda.xml"
run check "$work/replaced/report.xml" || fail "check of the replaced report: $(cat "$work/err.txt")"
[[ ! -s "$work/err.txt" ]] || fail "check of the replaced report printed: $(cat "$work/err.txt")"
grep -q ": ok$" "$work/out.txt" || fail "check of the replaced report did not say ok"

# never over an existing folder; nothing changed by the attempt
before=$(cat "$dir/report.xml")
run new "$dir" && fail "compose new wrote over an existing folder"
grep -q "already exists and is not an empty folder" "$work/err.txt" || fail "no clear error for an existing folder: $(cat "$work/err.txt")"
[[ "$(cat "$dir/report.xml")" == "$before" ]] || fail "a refused compose new changed the folder"

# a place given, escaped; today's date when none is given; an empty folder may be filled
mkdir -p "$work/empty"
run new "$work/empty" --place 'Bogotá & Medellín' || fail "compose new into an empty folder: $(cat "$work/err.txt")"
grep -q 'Report from Bogotá &amp; Medellín' "$work/empty/report.xml" || fail "--place is not written, escaped"
grep -Eq '<dates from="[0-9]{4}-[0-9]{2}-[0-9]{2}" to="[0-9]{4}-[0-9]{2}-[0-9]{2}"/>' "$work/empty/report.xml" ||
  fail "no dates given should give today's"
run check "$work/empty/report.xml" || fail "the second new report does not check: $(cat "$work/err.txt")"

# bad dates: a located error, exit 1, no folder left behind
for spec in "--from 2015-02-30" "--from 2015-03-10 --to 2015-03-09" "--from 2015-03-01 --to 2015-04-15"; do
  rm -rf "$work/bad"
  # shellcheck disable=SC2086
  run new "$work/bad" $spec
  status=$?
  (( status == 1 )) || fail "compose new $spec: exit status $status, expected 1"
  grep -q "^$work/bad: error: " "$work/err.txt" || fail "compose new $spec: $(cat "$work/err.txt")"
  [[ ! -e "$work/bad" ]] || fail "compose new $spec left a folder"
  if ls -A "$work" | grep -q '^\.bad\.'; then fail "compose new $spec left a temporary folder"; fi
done
run render "$dir/report.xml" --place X && fail "--place is accepted outside compose new"

(( failures == 0 )) && echo "ok: compose new"
exit $((failures > 0))
