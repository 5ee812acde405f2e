#!/usr/bin/env bash
# No redacted value, nor its order, reaches the public output: the Mexico report and a table using
# every table attribute on the fields that are not withheld (sort, group, filter, separator,
# empty) are rendered for the public and the internal audience; the e-mails appear in the
# internal dump and PDF text only, and the public rows' order does not depend on them.
set -u
compose=$1
project=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v pdftotext > /dev/null || { echo "SKIP: pdftotext missing"; exit 77; }

check_public() {  # source, its participants file, what it is, an address the internal edition shows
  local src=$1 csv=$2 what=$3 address=$4
  # every address of the data
  grep -oE '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+' "$csv" | sort -u > "$work/addresses"
  [ -s "$work/addresses" ] || fail "$what: no addresses in $csv"
  "$compose" dump --stage pages "$src" > "$work/public.dump" 2> "$work/err" || fail "$what: public dump failed: $(cat "$work/err")"
  "$compose" render "$src" -o "$work/public.pdf" > /dev/null 2>&1 || fail "$what: public render failed"
  "$compose" dump --stage pages "$src" --audience internal > "$work/internal.dump" 2>/dev/null || true
  "$compose" render "$src" --audience internal -o "$work/internal.pdf" > /dev/null 2>&1 || fail "$what: internal render failed"
  pdftotext "$work/public.pdf" "$work/public.txt"
  pdftotext "$work/internal.pdf" "$work/internal.txt"
  if grep -qF -f "$work/addresses" "$work/public.dump" "$work/public.txt"; then
    fail "$what: an e-mail address in the public output: $(grep -hoF -f "$work/addresses" "$work/public.dump" "$work/public.txt" | head -1)"
  fi
  grep -qF "$address" "$work/internal.txt" || fail "$what: '$address' missing from the internal edition"
  grep -qF "$address" "$work/internal.dump" || fail "$what: '$address' missing from the internal dump"
}

check_public "$project/sources/mexico-2014/report.xml" "$project/sources/mexico-2014/participants.csv" "the Mexico report" "alejandro_espriu@insyde.org.mx"

# every attribute, on fields that are not withheld; the e-mails are ordered against the names so
# that an order by e-mail would show
cat > "$work/p.csv" <<'CSV'
name,organization,email,city
Ana Dulce,Comisión Nacional,zz@example.org,México
Bruno Costa,Global Commission,yy@example.org,Lisboa
Carla Diaz,Comisión Nacional,xx@example.org,
Dario Eco,Global Commission,ww@example.org aa@example.org,Roma Milano
CSV
cat > "$work/report.xml" <<'XML'
<report xml:lang="en">
  <meta><title>Every attribute</title></meta>
  <data id="p" src="p.csv" key="name"/>
  <annex id="a">
    <h>Participants</h>
    <table data="p" sort="-name" group="organization" filter="organization~o; name!=Nobody">
      <column field="name" title="Name"/>
      <column field="city" title="City" empty="—" separator=" "/>
      <column field="email" title="Mail" redact="public" empty="***" separator=" "/>
    </table>
  </annex>
</report>
XML
check_public "$work/report.xml" "$work/p.csv" "every table attribute" "aa@example.org"
# the public rows in the order the names give, grouped by organization
order=$(grep -oE 'Ana Dulce|Bruno Costa|Carla Diaz|Dario Eco' "$work/public.txt" | tr '\n' ,)
[ "$order" = "Carla Diaz,Ana Dulce,Dario Eco,Bruno Costa," ] || fail "public rows in the order $order"
echo "ok: redaction"
