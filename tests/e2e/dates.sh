#!/usr/bin/env bash
# The PDF's date never comes from the clock:
#   dates.sh COMPOSE EXAMPLE_SOURCE.xml WORK_DIR
# - without <published> or SOURCE_DATE_EPOCH the PDF has no CreationDate or ModDate;
# - <published date="2015-03-02"/> gives both, at midnight UTC;
# - SOURCE_DATE_EPOCH overrides it; two renders with it are byte-identical, and renders with two
#   different values differ only in the date strings;
# - a malformed SOURCE_DATE_EPOCH is refused with exit status 2 and writes nothing.
set -uo pipefail
compose=$1 example=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"
render() {
  local source=$1 out=$2
  shift 2
  env "$@" "$compose" render "$source" -o "$out" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; fail "render $source $*"; }
}
dates() { TZ=UTC pdfinfo "$1" | grep -E '^(CreationDate|ModDate):' | sed 's/  */ /g'; }

undated=$work/undated.xml published=$work/published.xml
cp "$example" "$undated"
sed 's|</title>|</title>\n    <published date="2015-03-02"/>|' "$example" >"$published"
grep -q '<published' "$published" || fail "could not add <published> to the example (it needs a <title> in <meta>)"

render "$undated" "$work/undated.pdf" -u SOURCE_DATE_EPOCH
[[ -z "$(dates "$work/undated.pdf")" ]] || fail "a PDF without <published> or SOURCE_DATE_EPOCH carries a date: $(dates "$work/undated.pdf")"

render "$published" "$work/published.pdf" -u SOURCE_DATE_EPOCH
expected=$'CreationDate: Mon Mar 2 00:00:00 2015 UTC\nModDate: Mon Mar 2 00:00:00 2015 UTC'
[[ "$(dates "$work/published.pdf")" == "$expected" ]] || fail "<published> gave: $(dates "$work/published.pdf")"

render "$published" "$work/epoch-a.pdf" SOURCE_DATE_EPOCH=1415285100
render "$published" "$work/epoch-b.pdf" SOURCE_DATE_EPOCH=1415285100
expected=$'CreationDate: Thu Nov 6 14:45:00 2014 UTC\nModDate: Thu Nov 6 14:45:00 2014 UTC'
[[ "$(dates "$work/epoch-a.pdf")" == "$expected" ]] || fail "SOURCE_DATE_EPOCH gave: $(dates "$work/epoch-a.pdf")"
cmp -s "$work/epoch-a.pdf" "$work/epoch-b.pdf" || fail "two renders with the same SOURCE_DATE_EPOCH differ"

render "$published" "$work/epoch-c.pdf" SOURCE_DATE_EPOCH=1700000000
cmp -s "$work/epoch-a.pdf" "$work/epoch-c.pdf" && fail "SOURCE_DATE_EPOCH did not change the PDF"
# the Info dictionary's dates, the XMP's (the same instants), and the trailer's /ID (derived from
# the content, the XMP included)
strip_dates() {
  LC_ALL=C sed -E -e 's/D:[0-9]{14}Z00.00./D:DATE/g' -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/DATE/g' \
    -e 's|/ID \[ *<[0-9A-Fa-f]{32}> *<[0-9A-Fa-f]{32}> *\]|/ID []|' "$1"
}
cmp -s <(strip_dates "$work/epoch-a.pdf") <(strip_dates "$work/epoch-c.pdf") ||
  fail "renders with two SOURCE_DATE_EPOCH values differ in more than their dates"
for pdf in undated published epoch-a; do check_readers "$work/$pdf.pdf" "$work/readers-$pdf"; done

for bad in abc -5 1.5 99999999999999 "12 "; do
  rm -f "$work/bad.pdf"
  SOURCE_DATE_EPOCH=$bad "$compose" render "$published" -o "$work/bad.pdf" >/dev/null 2>"$work/err.txt"
  status=$?
  (( status == 2 )) || fail "SOURCE_DATE_EPOCH='$bad' gave exit status $status, expected 2"
  grep -q "SOURCE_DATE_EPOCH='$bad' is not a number of seconds" "$work/err.txt" || fail "SOURCE_DATE_EPOCH='$bad': $(cat "$work/err.txt")"
  [[ ! -e "$work/bad.pdf" ]] || fail "SOURCE_DATE_EPOCH='$bad' wrote a PDF"
done

(( failures == 0 )) && echo "ok: dates"
exit $((failures > 0))
