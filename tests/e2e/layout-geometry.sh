#!/usr/bin/env bash
# The Mexico report in one layout: the page dump's geometry (page_geometry) and, in the PDF, the
# participants table's header on every page of Annex I.
#   layout-geometry.sh COMPOSE PAGE_GEOMETRY SOURCE.xml LAYOUT LEFT TOP RIGHT BOTTOM WORK
set -uo pipefail
compose=$1 geometry=$2 source=$3 layout=$4 left=$5 top=$6 right=$7 bottom=$8 work=$9
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL [$layout]: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"
"$compose" dump --stage pages "$source" --layout "$layout" > "$work/pages.txt" || exit 1
"$geometry" "$work/pages.txt" "$left" "$top" "$right" "$bottom" || exit 1
"$compose" render "$source" --layout "$layout" --audience internal -o "$work/report.pdf" > /dev/null || exit 1
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
annex_pages=0
for ((p = 1; p <= pages; p++)); do
  pdftotext -f "$p" -l "$p" "$work/report.pdf" "$work/page.txt"
  # a page showing participants (their emails) must show the table's header
  if grep -q "@insyde.org.mx\|@ideaspaz.org\|@igarape.org.br\|@causaencomun.org.mx" "$work/page.txt"; then
    annex_pages=$((annex_pages + 1))
    grep -q "Organization" "$work/page.txt" || { echo "page $p shows participants without the table's header" >&2; exit 1; }
  fi
done
(( annex_pages >= 2 )) || { echo "the participants table spans $annex_pages page(s), expected several" >&2; exit 1; }
check_readers "$work/report.pdf" "$work/readers"
((failures == 0)) || exit 1
echo "$layout: participants on $annex_pages pages, each with the header"
