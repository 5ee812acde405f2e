#!/usr/bin/env bash
# compose render --format svg writes a folder whole or not at all:
#   svg-folder.sh COMPOSE SOURCE_DIR WORK_DIR      (SOURCE_DIR: the Mexico report's folder)
# - a fresh folder gets page-001.svg ... and nothing else; without -o it is REPORT-svg beside the source;
# - a cross-reference goes to the file of the page holding its target, even one made later;
# - a failed run (a malformed source) leaves an existing folder byte for byte as it was;
# - a folder holding anything but compose's pages, or a file in the folder's place, is refused;
# - a second run replaces the whole set (no page of the first run is left over);
# - no temporary folder is left behind; --format takes pdf or svg, for render only.
set -uo pipefail
compose=$1 source_dir=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
leftovers() { find "$work" -maxdepth 1 -name '.out*' | wc -l; }

cp -r "$source_dir" "$work/report"
report="$work/report/report.xml"
out="$work/out"

"$compose" render "$report" --format svg -o "$out" >"$work/stdout" 2>"$work/stderr" || fail "the first render failed: $(cat "$work/stderr")"
grep -q "^$out: 13 pages$" "$work/stdout" || fail "render said: $(cat "$work/stdout")"
[[ "$(ls "$out" | tr '\n' ' ')" == "$(printf 'page-%03d.svg ' $(seq 1 13))" ]] || fail "the folder holds: $(ls "$out")"
# a cross-reference on page 2 goes to the file of the page its target is on (a page made later)
grep -q '<a href="page-009.svg#annex-participants">' "$out/page-002.svg" || fail "page 2's link to Annex I does not go to page-009.svg"
grep -q '<g id="annex-participants"' "$out/page-009.svg" || fail "page 9 has no id annex-participants"
((status == 0)) || exit 1
before=$(cd "$out" && sha256sum *)

# a malformed source: an error, the folder untouched
printf '<report><section>\n' >"$work/broken.xml"
if "$compose" render "$work/broken.xml" --format svg -o "$out" >/dev/null 2>"$work/stderr"; then fail "a malformed source rendered"; fi
[[ "$(cd "$out" && sha256sum *)" == "$before" ]] || fail "a failed run changed the folder"
(($(leftovers) == 0)) || fail "a failed run left a temporary folder"

# a folder with someone else's file: refused, untouched
echo keep >"$out/notes.txt"
if "$compose" render "$report" --format svg -o "$out" >/dev/null 2>"$work/stderr"; then fail "a folder with notes.txt was replaced"; fi
grep -q "holds notes.txt, which compose did not write" "$work/stderr" || fail "no diagnostic for notes.txt: $(cat "$work/stderr")"
[[ -f "$out/notes.txt" && -f "$out/page-013.svg" ]] || fail "the folder with notes.txt was changed"
rm "$out/notes.txt"

# a file where the folder would go: refused
echo keep >"$work/file"
if "$compose" render "$report" --format svg -o "$work/file" >/dev/null 2>"$work/stderr"; then fail "a file was replaced by a folder"; fi
[[ "$(cat "$work/file")" == keep ]] || fail "the file was changed"

# a second run replaces the set whole: the annexes only, numbered from 1, nothing of the first left
"$compose" render "$report" --format svg --only annexes -o "$out" >"$work/stdout" 2>"$work/stderr" || fail "the second render failed: $(cat "$work/stderr")"
n=$(ls "$out" | wc -l)
((n > 0 && n < 13)) || fail "the annexes gave $n pages"
[[ ! -e "$out/page-013.svg" ]] || fail "a page of the first run is left over"
grep -q 'data-page="9"' "$out/page-001.svg" || fail "the first annex page does not carry the report's folio 9"
(($(leftovers) == 0)) || fail "the second run left a temporary folder"

# without -o: REPORT-svg beside the source
"$compose" render "$report" --format svg >"$work/stdout" 2>"$work/stderr" || fail "render without -o failed"
[[ -f "$work/report/report-svg/page-001.svg" ]] || fail "no report-svg folder beside the source: $(cat "$work/stdout")"

# the option itself
"$compose" render "$report" --format png -o "$work/x" >/dev/null 2>&1
(($? == 2)) || fail "--format png was not refused with status 2"
"$compose" check "$report" --format svg >/dev/null 2>&1
(($? == 2)) || fail "--format with check was not refused with status 2"
exit $status
