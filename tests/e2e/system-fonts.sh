#!/usr/bin/env bash
# Fonts for every script (issue 17):
#   system-fonts.sh COMPOSE SOURCE_ROOT WORK_DIR
# 1. the bundled fonts come first: the Mexico report renders to the same bytes with the system's
#    fonts hidden from fontconfig (FONTCONFIG_FILE naming a configuration with no font folder);
# 2. tests/e2e/scripts renders its Chinese, Japanese, Korean, Hindi, Tamil, Bengali, Thai and
#    Amharic names from the system's fonts: embedded, subset, Noto Sans CJK as CID Type 0C, and
#    every name in pdftotext's output, every code shown with a ToUnicode entry;
# 3. with the system's fonts hidden, render and check both fail with an error at the line:col of
#    each character no font has, naming the package that covers it, and write no PDF;
# 4. a name in a data file with a character no font has is an error at the CSV's line:col.
set -uo pipefail
compose=$1 root=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL [system-fonts]: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"
cd "$root" || exit 2
cat >"$work/no-fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>NO_FONTS_CACHE</cachedir></fontconfig>
XML
sed -i "s|NO_FONTS_CACHE|$work/fc-cache|" "$work/no-fonts.conf"
hidden=(env FONTCONFIG_FILE="$work/no-fonts.conf")

# 1.
"$compose" render sources/mexico-2014/report.xml -o "$work/mexico.pdf" >/dev/null 2>&1 || fail "render of the Mexico report failed"
"${hidden[@]}" "$compose" render sources/mexico-2014/report.xml -o "$work/mexico-hidden.pdf" >/dev/null 2>&1 ||
  fail "render of the Mexico report failed with the system's fonts hidden"
cmp -s "$work/mexico.pdf" "$work/mexico-hidden.pdf" || fail "the Mexico report's bytes depend on the system's fonts"

# 2.
"$compose" render tests/e2e/scripts/report.xml -o "$work/scripts.pdf" >/dev/null 2>"$work/scripts.err" ||
  fail "render of examples/scripts failed: $(cat "$work/scripts.err")"
[[ -s "$work/scripts.err" ]] && fail "render of examples/scripts printed: $(cat "$work/scripts.err")"
# --stats names every font set, the system's marked as such
"$compose" render tests/e2e/scripts/report.xml -o "$work/scripts-stats.pdf" --stats >"$work/stats.txt" 2>&1 ||
  fail "render --stats failed"
grep -q -E "^  NotoSerif-Regular  fonts/noto-serif/NotoSerif-Regular.ttf$" "$work/stats.txt" ||
  fail "--stats does not name the bundled serif: $(cat "$work/stats.txt")"
grep -q -E "^  NotoSansCJKsc-Regular  /.*NotoSansCJK.*\.ttc  \(system\)$" "$work/stats.txt" ||
  fail "--stats does not name the system's CJK font: $(cat "$work/stats.txt")"
pdffonts "$work/scripts.pdf" >"$work/fonts.txt" 2>&1 || fail "pdffonts failed"
for face in NotoSansCJKsc-Regular NotoSansCJKtc-Regular NotoSansCJKjp-Regular NotoSansCJKkr-Regular; do
  grep -q -E "^[A-Z]{6}\+$face +CID Type 0C +Identity-H +yes +yes +yes" "$work/fonts.txt" ||
    fail "$face is not an embedded, subset CID Type 0C font with ToUnicode: $(cat "$work/fonts.txt")"
done
# every font (which ones cover Devanagari, Tamil, Bengali, Thai and Ethiopic depends on what is
# installed): embedded, subset, Identity-H, with ToUnicode
fonts=$(tail -n +3 "$work/fonts.txt" | wc -l)
((fonts >= 12)) || fail "expected at least 12 fonts (4 bundled or CJK faces and one per other script): $(cat "$work/fonts.txt")"
bad=$(tail -n +3 "$work/fonts.txt" | grep -v -E "^[A-Z]{6}\+[^ ]+ +CID (TrueType|Type 0C) +Identity-H +yes +yes +yes " || true)
[[ -z "$bad" ]] || fail "fonts not embedded as subsets with ToUnicode: $bad"
pdftotext -enc UTF-8 "$work/scripts.pdf" "$work/scripts.txt" || fail "pdftotext failed"
for name in 李小龙 陳美玲 山田花子 김민준 "प्रिया शर्मा" "கார்த்திக் ராஜா" "সুমন দাস" "สมชาย ใจดี" "አበበ ቢቂላ"; do
  grep -q -F "$name" "$work/scripts.txt" || fail "pdftotext does not give $name"
done
qpdf --qdf --object-streams=disable "$work/scripts.pdf" "$work/scripts.qdf.pdf" || fail "qpdf --qdf failed"
python3 "$(dirname "$0")/tounicode.py" "$work/scripts.qdf.pdf" >"$work/codes.txt" || fail "$(cat "$work/codes.txt")"
check_readers "$work/scripts.pdf" "$work/readers-scripts"

# 3. (line:col of a character: its line and its column in code points, from the file itself)
at() { python3 -c 'import sys
for n, l in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if sys.argv[2] in l: print(f"{n}:{l.index(sys.argv[2]) + 1}"); break' "$1" "$2"; }
han=$(at tests/e2e/scripts/report.xml 李) deva=$(at tests/e2e/scripts/report.xml प)
for command in render check; do
  out=()
  [[ $command == render ]] && out=(-o "$work/hidden.pdf")
  if "${hidden[@]}" "$compose" $command tests/e2e/scripts/report.xml "${out[@]}" >/dev/null 2>"$work/hidden-$command.err"; then
    fail "$command with the system's fonts hidden exited 0"
  fi
  for expected in "tests/e2e/scripts/report.xml:$han: error: no font has the character U+674E '李' (Han); apt-get install fonts-noto-cjk" \
                  "tests/e2e/scripts/report.xml:$deva: error: no font has the character U+092A 'प' (Devanagari); apt-get install fonts-lohit-deva"; do
    grep -q -F "$expected" "$work/hidden-$command.err" || fail "$command: expected '$expected', got: $(head -5 "$work/hidden-$command.err")"
  done
done
[[ -e "$work/hidden.pdf" ]] && fail "a PDF was written though characters had no font"

# 4.
mkdir -p "$work/csv"
cp sources/mexico-2014/report.xml sources/mexico-2014/*.csv sources/mexico-2014/*.xml "$work/csv/" 2>/dev/null
cp -r sources/mexico-2014/photos "$work/csv/" 2>/dev/null
sed -i '3s/^\([^,]*\)/\1 \xCD\xB8/' "$work/csv/participants.csv"  # U+0378, unassigned
col=$(( $(head -3 "$work/csv/participants.csv" | tail -1 | cut -d, -f1 | wc -m) - 1 ))
if "$compose" check "$work/csv/report.xml" >/dev/null 2>"$work/csv.err"; then fail "check of a CSV with a character no font has exited 0"; fi
grep -q -F "$work/csv/participants.csv:3:$col: error: no font has the character U+0378" "$work/csv.err" ||
  fail "expected an error at participants.csv:3:$col, got: $(cat "$work/csv.err")"

# CJK text justified by spacing its characters: every line of a long Chinese paragraph but the
# last fills the measure (the glue between ideographs stretches), and no line starts with "。" or "，"
mkdir -p "$work/cjk"
{
  printf '<report xml:lang="zh-Hans" layout="a4"><meta><title>T</title></meta><section id="s"><p>'
  for _ in 1 2 3 4; do printf '公民安全对话是一个由研究人员、政策制定者和民间社会组织组成的网络，旨在分享关于减少暴力和加强法治的知识与经验。'; done
  printf '</p></section></report>\n'
} > "$work/cjk/report.xml"
"$compose" dump --stage lines "$work/cjk/report.xml" > "$work/cjk/lines.txt" 2>&1 || fail "dump of a Chinese paragraph failed"
body=$(grep -c -- ' -- ' "$work/cjk/lines.txt")
((body >= 4)) || fail "the Chinese paragraph has only $body full lines: $(cat "$work/cjk/lines.txt")"
while read -r width; do
  set=${width%/*} measure=${width#*/}
  [[ "$set" == "$measure" ]] || fail "a Chinese line is not justified: $width"
done < <(grep -- ' -- ' "$work/cjk/lines.txt" | grep -o -E '[0-9.]+/[0-9.]+')
grep -q -E ' --  [。，、]|-l  [。，、]' "$work/cjk/lines.txt" && fail "a Chinese line starts with closing punctuation: $(cat "$work/cjk/lines.txt")"

((failures == 0)) || exit 1
echo "system-fonts: bundled fonts first (same bytes), every script from the system's fonts, a missing character an error"
