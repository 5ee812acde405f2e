#!/usr/bin/env bash
# Refreshes the seed part of every corpus (files named seed-*) from examples/, sources/, layouts/
# and tests/diagnostics/cases/. Inputs found by fuzzing (named after what they found) are kept.
# Run from anywhere; then review `git status tests/fuzz/corpus`.
set -euo pipefail
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz/../.." && pwd)
corpus=$fuzz/corpus
for t in fuzz_source_xml fuzz_pipeline fuzz_csv fuzz_agenda fuzz_layout_file fuzz_image; do
  mkdir -p "$corpus/$t"
  rm -f "$corpus/$t"/seed-*
done
for f in "$root"/examples/*/report.xml; do
  name=$(basename "$(dirname "$f")")
  cp "$f" "$corpus/fuzz_source_xml/seed-example-$name.xml"
  cp "$f" "$corpus/fuzz_pipeline/seed-example-$name.xml"
done
for f in "$root"/sources/*/report.xml; do
  name=$(basename "$(dirname "$f")")
  cp "$f" "$corpus/fuzz_source_xml/seed-source-$name.xml"
  cp "$f" "$corpus/fuzz_pipeline/seed-source-$name.xml"
done
cp "$fuzz/data/layout-sample.xml" "$corpus/fuzz_source_xml/seed-layout-sample.xml"
cp "$fuzz/data/layout-sample.xml" "$corpus/fuzz_pipeline/seed-layout-sample.xml"
for d in "$root"/tests/diagnostics/cases/*/; do
  name=$(basename "$d")
  cp "$d/report.xml" "$corpus/fuzz_source_xml/seed-case-$name.xml"
  for f in "$d"*.csv; do [ -e "$f" ] && cp "$f" "$corpus/fuzz_csv/seed-case-$name.csv"; done
  for f in "$d"agenda*.xml; do [ -e "$f" ] && cp "$f" "$corpus/fuzz_agenda/seed-case-$name.xml"; done
  for f in "$d"*.png "$d"*.jpg "$d"*.jpeg; do [ -e "$f" ] && cp "$f" "$corpus/fuzz_image/seed-case-$name-$(basename "$f")"; done
  for f in "$d"layouts/*.xml; do [ -e "$f" ] && cp "$f" "$corpus/fuzz_layout_file/seed-case-$name-$(basename "$f")"; done
done
for f in "$root"/sources/*/*.csv "$fuzz"/data/*.csv; do cp "$f" "$corpus/fuzz_csv/seed-$(basename "$f")"; done
for f in "$root"/sources/*/agenda.xml "$fuzz"/data/agenda-short.xml; do cp "$f" "$corpus/fuzz_agenda/seed-$(basename "$f")"; done
for f in "$root"/layouts/*.xml; do cp "$f" "$corpus/fuzz_layout_file/seed-$(basename "$f")"; done
cp "$fuzz"/data/photo.png "$fuzz"/data/photo.jpg "$corpus/fuzz_image/" 2>/dev/null
mv "$corpus/fuzz_image/photo.png" "$corpus/fuzz_image/seed-photo.png"
mv "$corpus/fuzz_image/photo.jpg" "$corpus/fuzz_image/seed-photo.jpg"
cp "$root"/sources/mexico-2014/photos/photo-1.jpg "$corpus/fuzz_image/seed-mexico-photo-1.jpg"
cp "$root"/examples/figures/photos/photo-1.png "$corpus/fuzz_image/seed-example-photo-1.png"
for t in "$corpus"/*/; do echo "$(basename "$t"): $(ls "$t" | wc -l) files"; done
