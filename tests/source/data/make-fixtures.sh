#!/usr/bin/env bash
# Writes the spreadsheet and dialect fixtures of tests/source/data. The real ones are saved by
# LibreOffice (apt-get install libreoffice-calc-nogui); the broken ones are written by python3's
# zipfile from parts written here, each broken in one way. Run it from anywhere; it rewrites the
# files in place (they are committed, so the tests do not need LibreOffice).
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
mkdir semicolon tab
# semicolon, double quote, Windows-1252 (rtl_TextEncoding 1); tab, UTF-16 (65535)
soffice --headless "$csv_in" --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1,1' --outdir semicolon participants.csv >/dev/null
soffice --headless "$csv_in" --convert-to 'txt:Text - txt - csv (StarCalc):9,34,65535,1' --outdir tab participants.csv >/dev/null
cp participants.xlsx participants.ods "$here/"
cp semicolon/participants.csv "$here/participants-semicolon-1252.csv"
cp tab/participants.txt "$here/participants-tab-utf16.txt"
cp "$here/features.fods" .
soffice --headless --convert-to xlsx features.fods >/dev/null
soffice --headless --convert-to ods features.fods >/dev/null
cp features.xlsx features.ods "$here/"

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
# a zip bomb in small: a sheet padded with 2 MB of spaces, 2 KB packed (the tests lower the
# file-size limit to 64 KB, so that parts may unpack to 512 KB; tests/e2e/spreadsheets.sh makes
# one to beat the default limits)
bomb = sheet.replace("<sheetData>", "<sheetData>" + " " * (2 << 20), 1)
with zipfile.ZipFile(f"{here}/broken-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for n, d in parts.items():
        z.writestr(n, bomb.encode() if n == "xl/worksheets/sheet1.xml" else d)
PY
ls -l "$here"
