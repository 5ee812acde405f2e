#!/usr/bin/env bash
# svg-vs-pdf.sh COMPOSE COMPARE_PAGES SOURCE WORK MAX_POPPLER MAX_MUPDF [render options...]
#
# Renders SOURCE to a PDF and to a folder of SVG pages, then checks that they show the same pages:
# - as many SVG files as PDF pages, each well-formed XML, each as wide and high (in points) as its
#   PDF page (pdfinfo);
# - every page the same at 96 dpi: the SVG pages rasterised by Chromium headless (all of them in
#   one screenshot of an HTML page that stacks them at their own size, one browser start instead of
#   one per page) and cut apart with pnmcut; the PDF by pdftoppm (poppler) and by mutool (MuPDF);
#   compare_pages: the same size in pixels, and at most MAX_POPPLER (MAX_MUPDF) percent of the
#   pixels differing after a 3x3 blur. MuPDF and Chromium place glyph edges alike (no pixel of the
#   Mexico report differs); poppler rounds glyph positions its own way, so its bound is wider;
# - page 1's words, as Chromium prints them from the SVG's invisible text, those of the PDF's page 1.
# Keeps the images in WORK (differing pixels in red in diff-NNN.ppm) to look at.
set -euo pipefail
compose=$1 compare=$2 source=$3 work=$4 max=$5 max_mupdf=$6
shift 6
for tool in chromium pdftoppm pdfinfo mutool pngtopnm pnmcut xmllint; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (.ci/install-deps)"; exit 1; }
done
rm -rf "$work"
mkdir -p "$work"

"$compose" render "$source" -o "$work/report.pdf" "$@" >/dev/null
"$compose" render "$source" --format svg -o "$work/svg" "$@" > "$work/svg.out"
cat "$work/svg.out"
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
mapfile -t files < <(cd "$work/svg" && ls | sort -V)
[[ ${#files[@]} -eq $pages ]] || { echo "FAIL: ${#files[@]} SVG files for $pages PDF pages"; exit 1; }
xmllint --noout "$work"/svg/*.svg

# page sizes in points: the PDF's from pdfinfo, the SVG's from its width and height
mapfile -t pdf_sizes < <(pdfinfo -f 1 -l "$pages" "$work/report.pdf" | awk '/^Page +[0-9]+ size:/ {print $4, $6}')
html="$work/pages.html"
echo '<!DOCTYPE html><html><body style="margin:0;background:#fff">' > "$html"
tops=() heights=() widths=()
top=0 width=0
for ((i = 0; i < pages; i++)); do
  file=${files[$i]}
  expected=$(printf 'page-%03d.svg' $((i + 1)))
  [[ $file == "$expected" ]] || { echo "FAIL: page $((i + 1)) is $file, not $expected"; exit 1; }
  svg_size=$(head -c 400 "$work/svg/$file" | sed -n 's/.* width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p')
  read -r pw ph <<< "${pdf_sizes[$i]}"
  read -r sw sh <<< "$svg_size"
  awk -v a="$pw" -v b="$sw" -v c="$ph" -v d="$sh" 'BEGIN { exit !((a - b) ^ 2 < 1e-4 && (c - d) ^ 2 < 1e-4) }' ||
    { echo "FAIL: page $((i + 1)) is $sw x $sh pt in SVG, $pw x $ph pt in the PDF"; exit 1; }
  # pdftoppm's page in pixels at 96 dpi
  pdftoppm -r 96 -f $((i + 1)) -l $((i + 1)) -singlefile "$work/report.pdf" "$work/pdf-$((i + 1))"
  read -r w h < <(head -c 64 "$work/pdf-$((i + 1)).ppm" | awk 'NR == 2 {print $1, $2}')
  tops+=("$top") heights+=("$h") widths+=("$w")
  # at its own size: the SVG's width and height say how big it is drawn
  echo "<div style=\"height:${h}px;overflow:hidden\"><img style=\"display:block\" src=\"svg/$file\"></div>" >> "$html"
  top=$((top + h))
  ((w > width)) && width=$w
done
echo '</body></html>' >> "$html"

# its own profile folder: nothing read from or written to the user's, no clash with another run
chromium --headless --disable-gpu --no-sandbox --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/chromium-profile" --window-size="$width,$top" --screenshot="$work/svg-pages.png" "file://$html" >/dev/null 2>&1
pngtopnm "$work/svg-pages.png" > "$work/svg-pages.ppm"

status=0
# the text: page 1 printed by Chromium (which prints the invisible <text> of each run: the words
# the browser's search and selection find) has the PDF's page 1's words, in the same order
chromium --headless --disable-gpu --no-sandbox --user-data-dir="$work/chromium-profile" --no-pdf-header-footer \
  --print-to-pdf="$work/chromium-page-1.pdf" "file://$work/svg/${files[0]}" >/dev/null 2>&1
words() { pdftotext "$@" - | tr -s ' \n\f' '\n\n\n'; }
if diff <(words -f 1 -l 1 "$work/report.pdf") <(words "$work/chromium-page-1.pdf") >"$work/text.diff"; then
  echo "page 001: the same $(words -f 1 -l 1 "$work/report.pdf" | wc -l) words as the PDF's, in order"
else
  echo "FAIL: page 001's text in Chromium differs from the PDF's (< PDF, > SVG):"
  head -20 "$work/text.diff"
  status=1
fi
for ((i = 0; i < pages; i++)); do
  n=$(printf '%03d' $((i + 1)))
  pnmcut -left 0 -top "${tops[$i]}" -width "${widths[$i]}" -height "${heights[$i]}" "$work/svg-pages.ppm" > "$work/svg-$n.ppm"
  mutool draw -q -r 96 -o "$work/mupdf-$n.pnm" "$work/report.pdf" $((i + 1)) 2>/dev/null
  if result=$("$compare" "$work/pdf-$((i + 1)).ppm" "$work/svg-$n.ppm" "$max" "$work/diff-$n.ppm"); then
    echo "page $n: poppler: $result"
  else
    echo "FAIL: page $n: poppler: $result (at most $max% may differ)"
    status=1
  fi
  if result=$("$compare" "$work/mupdf-$n.pnm" "$work/svg-$n.ppm" "$max_mupdf" "$work/diff-mupdf-$n.ppm"); then
    echo "page $n: mupdf: $result"
  else
    echo "FAIL: page $n: mupdf: $result (at most $max_mupdf% may differ)"
    status=1
  fi
done
exit $status
