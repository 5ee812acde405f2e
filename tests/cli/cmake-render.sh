#!/usr/bin/env bash
# cmake/ComposeRender.cmake in a project of its own, with each generator there is (Unix Makefiles,
# Ninja): every edition renders; a second build renders nothing; touching one photo renders again
# only the edition that shows it.
#   cmake-render.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
cp -r "$project/examples" "$project/sources" "$work/"
mkdir -p "$work/reports"
cat > "$work/reports/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.22)
project(reports NONE)
include($project/cmake/ComposeRender.cmake)
compose_render(OUTPUT pdf/mexico-en.pdf SOURCE ../sources/mexico-2014/report.xml ARGS --lang en COMPOSE $compose)
compose_render(OUTPUT pdf/mexico-es.pdf SOURCE ../sources/mexico-2014/report.xml ARGS --lang es COMPOSE $compose)
compose_render(OUTPUT pdf/figures.pdf SOURCE ../examples/figures/report.xml COMPOSE $compose)
add_custom_target(reports ALL DEPENDS
  \${CMAKE_CURRENT_BINARY_DIR}/pdf/mexico-en.pdf \${CMAKE_CURRENT_BINARY_DIR}/pdf/mexico-es.pdf
  \${CMAKE_CURRENT_BINARY_DIR}/pdf/figures.pdf)
CMAKE
generators=("Unix Makefiles")
command -v ninja > /dev/null && generators+=(Ninja) || echo "SKIP: Ninja (not installed)"
for generator in "${generators[@]}"; do
  build="$work/build-${generator// /-}"
  cmake -S "$work/reports" -B "$build" -G "$generator" > "$build.log" 2>&1 || { fail "configure ($generator)"; cat "$build.log"; continue; }
  cmake --build "$build" > "$build.log" 2>&1 || { fail "build ($generator)"; cat "$build.log"; continue; }
  for pdf in mexico-en mexico-es figures; do [[ -s "$build/pdf/$pdf.pdf" ]] || fail "$pdf.pdf not rendered ($generator)"; done
  stamps() { stat -c '%n %y' "$build"/pdf/*.pdf; }
  before=$(stamps)
  sleep 1
  cmake --build "$build" > "$build.log" 2>&1 || fail "second build ($generator)"
  [[ "$(stamps)" == "$before" ]] || fail "a second build rendered again ($generator)"
  touch "$work/examples/figures/photos/photo-1.png"
  cmake --build "$build" > "$build.log" 2>&1 || fail "third build ($generator)"
  changed=$( (diff <(echo "$before") <(stamps) || true) | grep '^>' | cut -d' ' -f2 | xargs -r -n1 basename | tr '\n' ' ')
  [[ "$changed" == "figures.pdf " ]] || fail "touching a photo of figures rendered again: '$changed' ($generator)"
  before=$(stamps)
  touch "$work/sources/mexico-2014/participants.csv"
  cmake --build "$build" > "$build.log" 2>&1 || fail "fourth build ($generator)"
  changed=$( (diff <(echo "$before") <(stamps) || true) | grep '^>' | cut -d' ' -f2 | xargs -r -n1 basename | tr '\n' ' ')
  [[ "$changed" == "mexico-en.pdf mexico-es.pdf " ]] || fail "touching the participants rendered again: '$changed' ($generator)"
done
((status == 0)) && echo "ok: compose_render with ${generators[*]}"
exit $status
