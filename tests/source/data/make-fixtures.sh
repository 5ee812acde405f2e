#!/usr/bin/env bash
# Writes the spreadsheet and dialect fixtures of tests/source/data. The real ones are saved by
# LibreOffice (apt-get install libreoffice-calc-nogui), one by openpyxl (python3-openpyxl); the
# broken ones are written by python3's zipfile from parts written here, each broken in one way.
# Run it from anywhere; it rewrites the files in place (they are committed, so the tests need
# neither LibreOffice nor openpyxl).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"  # LibreOffice's profile, not the user's
cd "$work"
csv_in='--infilter=CSV:44,34,76,1'  # comma, double quote, UTF-8, from line 1
cp "$root/sources/mexico-2014/participants.csv" participants.csv
soffice --headless "$csv_in" --convert-to xlsx participants.csv >/dev/null
soffice --headless "$csv_in" --convert-to ods participants.csv >/dev/null
soffice --headless --convert-to xls participants.xlsx >/dev/null  # Excel 97-2003, read through FreeXL
mkdir semicolon tab
# semicolon, double quote, Windows-1252 (rtl_TextEncoding 1); tab, UTF-16 (65535)
soffice --headless "$csv_in" --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1,1' --outdir semicolon participants.csv >/dev/null
soffice --headless "$csv_in" --convert-to 'txt:Text - txt - csv (StarCalc):9,34,65535,1' --outdir tab participants.csv >/dev/null
cp participants.xlsx participants.ods participants.xls "$here/"
cp semicolon/participants.csv "$here/participants-semicolon-1252.csv"
cp tab/participants.txt "$here/participants-tab-utf16.txt"
cp "$here/features.fods" .
soffice --headless --convert-to xlsx features.fods >/dev/null
soffice --headless --convert-to ods features.fods >/dev/null
cp features.xlsx features.ods "$here/"
# broken-freexl-crash.xls is participants.xls with six bytes changed (at 1650, 2952, 6270, 7593,
# 10191 and 11863), found by mutating it: FreeXL 1.0.6 crashes on it. It is kept as it is.
# the first bytes of an Excel 97-2003 workbook (an OLE compound file), a truncated one
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' >"$here/legacy.xls"

# a third writer: openpyxl (apt-get install python3-openpyxl), as scripts that export lists use it
/usr/bin/python3 - "$here" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Dates"
ws.append(["name", "when", "n"])
ws.append(["a", datetime.date(2014, 11, 6), 3.25])
ws.append(["b", datetime.datetime(2014, 11, 7, 9, 30), 1234567])
ws["B3"].number_format = "d mmm yyyy h:mm"
ws.merge_cells("A4:A5")
ws["A4"] = "merged"
ws["B5"] = "x"
wb.save(f"{sys.argv[1]}/openpyxl.xlsx")
PY

python3 - "$here" <<'PY'
import sys, zipfile, io
here = sys.argv[1]
src = zipfile.ZipFile(f"{here}/participants.xlsx")
parts = {n: src.read(n) for n in src.namelist()}

def write(name, replace={}, extra={}):
    with zipfile.ZipFile(f"{here}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, replace.get(n, data))
        for n, data in extra.items():
            z.writestr(n, data)

# cut off halfway, as an interrupted download or copy leaves it
data = open(f"{here}/participants.xlsx", "rb").read()
open(f"{here}/broken-truncated.xlsx", "wb").write(data[: len(data) // 2])
# a sheet that declares an external entity (XXE) and uses it in a cell
sheet = parts["xl/worksheets/sheet1.xml"].decode()
xxe = sheet.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
xxe = xxe.replace('<v>3</v>', '<v>&xxe;</v>', 1)
write("broken-entity.xlsx", {"xl/worksheets/sheet1.xml": xxe.encode()})
# a shared string of 10 MB, in cell C7
sst = parts["xl/sharedStrings.xml"].decode()
sst = sst.replace("</sst>", '<si><t>' + "x" * (10 << 20) + '</t></si></sst>')
count = sst.count("<si>") - 1
import re
rows = re.sub(r'(<c r="C7"[^>]*t="s"[^>]*>)<v>\d+</v>', lambda m: m.group(1) + f"<v>{count}</v>", sheet, count=1)
write("broken-bigcell.xlsx", {"xl/sharedStrings.xml": sst.encode(), "xl/worksheets/sheet1.xml": rows.encode()})
# a workbook as other writers make them, written here by hand: prefixed names (x:), no shared
# strings (inline strings, rich text runs), booleans, a formula's cached string, an error value,
# a built-in date format (14) in the 1904 date system, a cell escape, rows and cells without r=
ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
hand = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>',
    "book/main.xml": f'<?xml version="1.0"?><x:workbook {ns}><x:workbookPr date1904="1"/><x:sheets>'
                     '<x:sheet name="Notes" sheetId="2" r:id="rId7"/><x:sheet name="List" sheetId="1" r:id="rId3"/></x:sheets></x:workbook>',
    "book/_rels/main.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/../sheets/list.xml"/>'
                                '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/notes.xml"/>'
                                '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "book/styles.xml": f'<?xml version="1.0"?><x:styleSheet {ns}><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>',
    "book/sheets/notes.xml": f'<?xml version="1.0"?><x:worksheet {ns}><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>note</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    "book/sheets/list.xml": f'<?xml version="1.0"?><x:worksheet {ns}><x:sheetData>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>present</x:t></x:is></x:c>'
        '<x:c t="inlineStr"><x:is><x:t>since</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>check</x:t></x:is></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Gail </x:t></x:r><x:r><x:t xml:space="preserve">Super</x:t></x:r><x:rPh><x:t>IGNORED</x:t></x:rPh></x:is></x:c>'
        '<x:c t="b"><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="str"><x:f>A2&amp;"!"</x:f><x:v>Gail Super!</x:v></x:c></x:row>'
        '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>Tab_x0009_bed</x:t></x:is></x:c><x:c r="B4" t="b"><x:v>0</x:v></x:c>'
        '<x:c r="C4" s="1"><x:v>4018</x:v></x:c><x:c r="D4" t="e"><x:v>#N/A</x:v></x:c></x:row>'
        '</x:sheetData></x:worksheet>',
}
with zipfile.ZipFile(f"{here}/handwritten.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in hand.items():
        z.writestr(n, d)

# a zip bomb in small: a sheet padded with 2 MB of spaces, 2 KB packed (the tests lower the
# file-size limit to 64 KB, so that parts may unpack to 512 KB; tests/e2e/spreadsheets.sh makes
# one to beat the default limits)
bomb = sheet.replace("<sheetData>", "<sheetData>" + " " * (2 << 20), 1)
with zipfile.ZipFile(f"{here}/broken-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for n, d in parts.items():
        z.writestr(n, bomb.encode() if n == "xl/worksheets/sheet1.xml" else d)
PY
ls -l "$here"
