#!/usr/bin/env bash
# The layout report on the bundled editions: the summary line of `compose check --layout-report`
# for each, as reviewed (a change in paging shows here first), every finding a located warning,
# and the same summary from `compose render --stats`.
#   layout-report.sh COMPOSE SOURCE.xml WORK_DIR
set -uo pipefail
compose=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# edition options | expected summary line
expected=(
  "--lang en|layout: 13 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
  "--lang es|layout: 13 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
  "--edition parallel|layout: 22 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
  "--lang en --layout a4|layout: 13 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
  "--edition parallel --layout a4|layout: 22 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
)
for entry in "${expected[@]}"; do
  options=${entry%%|*} want=${entry#*|}
  # shellcheck disable=SC2086
  "$compose" check "$source" $options --layout-report >"$work/out.txt" 2>"$work/err.txt"
  got=$(grep '^layout: ' "$work/out.txt")
  [[ "$got" == "$want" ]] || fail "check $options --layout-report: '$got', expected '$want'"
  # every finding is a warning at a line and column of the source, naming its page
  findings=$(grep -c 'warning: ' "$work/err.txt")
  located=$(grep -cE '^[^:]+\.xml:[0-9]+:[0-9]+: warning: .*page [0-9]+' "$work/err.txt")
  [[ "$findings" == "$located" ]] || fail "check $options: $findings findings, $located located at the source and a page"
  counted=$(grep -oE '[0-9]+ (columns?|stranded|orphans?|widows?|figures?|hyphenated)' <<<"$got" | awk '{s += $1} END {print s + 0}')
  [[ "$findings" == "$counted" ]] || fail "check $options: $findings warnings for $counted findings in the summary"
done

# a report that names six tall photos at once: the last two land two pages after their place,
# and the report says so at their lines
mkdir -p "$work/far"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<report xml:lang="en" layout="a4" id="far"><meta><series>Tests</series><title>Far</title></meta>'
  echo '<section id="s"><h>Six photos named at once</h><p>Six photos follow.</p>'
  for n in 1 2 3 4 5 6; do
    echo "<figure id=\"f$n\" src=\"photos/$n.jpg\" placement=\"top\"><caption>Photo $n.</caption></figure>"
  done
  echo '<p>The end.</p></section></report>'
} >"$work/far/report.xml"
"$compose" check "$work/far/report.xml" --draft --layout-report >"$work/far/out.txt" 2>"$work/far/err.txt"
grep -q '^layout: 3 pages; .* 2 figures more than a page from their place' "$work/far/out.txt" ||
  fail "six photos at once: $(grep '^layout' "$work/far/out.txt")"
[[ $(grep -cE 'report\.xml:(8|9):[0-9]+: warning: a figure is set on page 3, 2 pages after' "$work/far/err.txt") == 2 ]] ||
  fail "the two far photos are not named at their lines: $(grep 'figure is set' "$work/far/err.txt")"

# render --stats prints the same line
"$compose" render "$source" --lang en --stats -o "$work/en.pdf" >"$work/stats.txt" 2>/dev/null || fail "render --stats"
grep -qxF "${expected[0]#*|}" "$work/stats.txt" || fail "render --stats does not print the layout report's summary"

# without the option, check says nothing of the layout
"$compose" check "$source" >"$work/plain.txt" 2>"$work/plain-err.txt"
grep -q 'layout' "$work/plain.txt" "$work/plain-err.txt" && fail "check without --layout-report reports the layout"

((failures == 0)) && echo "layout report: all editions as expected"
exit $((failures > 0))
