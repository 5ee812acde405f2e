#!/usr/bin/env bash
# Tables are never refused for one long word: a cell whose word is wider than the table breaks
# it between two characters, with a warning at the cell (code cell-word-broken), the render
# succeeds, and no glyph of any run reaches past the table's right edge; the other columns of a
# table keep their natural widths.
#   long-words.sh COMPOSE DATA_DIR WORK_DIR
set -uo pipefail
compose=$1 data=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# every run's right end (its x plus its glyphs' advances) against the widest rule's right end
inside_rules() {
  awk '
    /^ *run font/ { x = $6; getline; n = split($0, g, " "); w = 0
                    for (i = 1; i <= n; i++) { split(g[i], p, "+"); w += p[2] }
                    if (x + w > right_run) right_run = x + w }
    /^ *shape line/ { if ($5 > right_rule) right_rule = $5 }
    END { if (right_run > right_rule + 0.5) { printf "a run ends at %.2f, the table at %.2f\n", right_run, right_rule; exit 1 } }' "$1"
}

# one cell holding a 128-character checksum
source="$data/tests/e2e/data/long-word-cell/report.xml"
"$compose" render "$source" -o "$work/checksum.pdf" >"$work/out.txt" 2>"$work/err.txt" ||
  fail "the render of a table with one long word failed: $(cat "$work/err.txt")"
grep -q 'report.xml:7:18: warning: the word .cf83e1357eefb8bdf1542850d66d8007d620e405….* broken between two characters' "$work/err.txt" ||
  fail "no warning at the cell: $(cat "$work/err.txt")"
"$compose" dump --stage pages "$source" >"$work/checksum.dump" 2>/dev/null
inside_rules "$work/checksum.dump" || fail "checksum: a run sticks out of the table"
grep -q '"cf83e1357eefb8bdf' "$work/checksum.dump" || fail "the checksum's first characters are not set"

# a participants list whose organisation is 120 characters without a break: the names keep
# their column, only the long cells break, one warning for each of them
mkdir -p "$work/list"
{
  echo "name,organization"
  for i in 0 1 2 3 4 5 6 7; do
    if ((i % 3 == 0)); then echo "Person $i,$(printf 'X%.0s' $(seq 1 120))"; else echo "Person $i,Short Org"; fi
  done
} >"$work/list/participants.csv"
cat >"$work/list/report.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xml:lang="en" layout="a4" id="long">
  <meta><series>Tests</series><title>Long cells</title></meta>
  <data id="participants" src="participants.csv"/>
  <annex id="a"><h>Participants</h>
    <table data="participants"><column field="name">Name</column><column field="organization">Organization</column></table>
  </annex>
</report>
XML
"$compose" render "$work/list/report.xml" -o "$work/list.pdf" >"$work/list-out.txt" 2>"$work/list-err.txt" ||
  fail "the participants list with long cells failed: $(cat "$work/list-err.txt")"
[[ $(grep -c 'warning: the word .XXXX.*broken between two characters' "$work/list-err.txt") == 3 ]] ||
  fail "expected 3 warnings, one per long cell: $(cat "$work/list-err.txt")"
grep -q "the word 'Person" "$work/list-err.txt" && fail "a name was broken: $(cat "$work/list-err.txt")"
"$compose" dump --stage pages "$work/list/report.xml" >"$work/list.dump" 2>/dev/null
inside_rules "$work/list.dump" || fail "participants: a run sticks out of the table"
grep -q '"Person 0"' "$work/list.dump" || fail "a name is not set whole on its line"

((failures == 0)) && echo "long words: broken in their cells, tables inside the page"
exit $((failures > 0))
