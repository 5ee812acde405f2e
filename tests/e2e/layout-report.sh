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
  "--lang en|layout: 13 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 3 figures more than a page from their place, 0 hyphenated names"
  "--lang es|layout: 13 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 3 figures more than a page from their place, 0 hyphenated names"
  "--edition parallel|layout: 23 pages; 6 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
  "--lang en --layout a4|layout: 13 pages; 0 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 3 figures more than a page from their place, 0 hyphenated names"
  "--edition parallel --layout a4|layout: 22 pages; 2 columns more than 25% empty, 0 stranded headings or leads, 0 stranded group rows, 0 orphans, 0 widows, 0 figures more than a page from their place, 0 hyphenated names"
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

# render --stats prints the same line
"$compose" render "$source" --lang en --stats -o "$work/en.pdf" >"$work/stats.txt" 2>/dev/null || fail "render --stats"
grep -qxF "${expected[0]#*|}" "$work/stats.txt" || fail "render --stats does not print the layout report's summary"

# without the option, check says nothing of the layout
"$compose" check "$source" >"$work/plain.txt" 2>"$work/plain-err.txt"
grep -q 'layout' "$work/plain.txt" "$work/plain-err.txt" && fail "check without --layout-report reports the layout"

((failures == 0)) && echo "layout report: all editions as expected"
exit $((failures > 0))
