#!/usr/bin/env bash
# examples/Makefile with make -j: every bundled edition renders; a second run renders nothing;
# touching one photo renders again exactly the editions that use it, and touching the
# participants data exactly the three Mexico editions.
set -euo pipefail
compose=$1
project=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
# a copy, so the test touches no file of the project
cp -r "$project/examples" "$project/sources" "$work/"
cd "$work/examples"
run_make() { make -j2 COMPOSE="$compose" OUT=out "$@"; }
mtimes() { stat -c '%n %y' out/*.pdf; }

run_make > "$work/first.log"
expected=$(( $(ls */report.xml | wc -l) + 3 ))
count=$(ls out/*.pdf | wc -l)
[ "$count" -eq "$expected" ] || { echo "FAIL: $count PDFs, expected $expected"; ls out; exit 1; }
for d in out/*.d; do
  grep -q "^out/$(basename "$d" .d).pdf:" "$d" || { echo "FAIL: $d does not name its PDF"; cat "$d"; exit 1; }
done

# up to date: nothing to do
make -q COMPOSE="$compose" OUT=out || { echo "FAIL: make -q says something is out of date after a full build"; exit 1; }

# the rebuilt targets, as make -n lists the renders it would run
would_render() { make -n COMPOSE="$compose" OUT=out | { grep -o -- '-o out/[^ ]*\.pdf' || true; } | sed 's/^-o //' | sort | tr '\n' ' '; }

sleep 1  # a coarse file system clock must see the touch as newer than the PDFs
touch figures/photos/photo-2.png
got=$(would_render)
[ "$got" = "out/figures.pdf " ] || { echo "FAIL: after touching figures/photos/photo-2.png make would render: '$got'"; exit 1; }
before=$(mtimes)
run_make > "$work/second.log"
changed=$( (diff <(echo "$before") <(mtimes) || true) | grep '^>' | cut -d' ' -f2 | tr '\n' ' ')
[ "$changed" = "out/figures.pdf " ] || { echo "FAIL: rendered again: '$changed'"; cat "$work/second.log"; exit 1; }

touch ../sources/mexico-2014/photos/photo-3.jpg
got=$(would_render)
want="out/mexico-2014-en.pdf out/mexico-2014-es.pdf out/mexico-2014-parallel.pdf "
[ "$got" = "$want" ] || { echo "FAIL: after touching a Mexico photo make would render: '$got'"; exit 1; }
touch ../sources/mexico-2014/participants.csv
got=$(would_render)
[ "$got" = "$want" ] || { echo "FAIL: after touching participants.csv make would render: '$got'"; exit 1; }
touch ../sources/mexico-2014/agenda.xml
[ "$(would_render)" = "$want" ] || { echo "FAIL: the agenda is not a dependency"; exit 1; }
run_make > "$work/third.log"
make -q COMPOSE="$compose" OUT=out || { echo "FAIL: out of date after rebuilding"; exit 1; }

# a photo of the examples that no source uses changes nothing
touch figures/photos/make-placeholders.sh
[ -z "$(would_render)" ] || { echo "FAIL: a file no source reads made make render"; exit 1; }
echo "ok: examples/Makefile renders $expected editions; one photo rebuilds only its editions"
