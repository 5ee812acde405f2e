#!/usr/bin/env bash
# Data flows one way: a stage includes only itself and the stages before it (DESIGN.md, "The
# pipeline"). Fails, naming file and line, when a file includes a folder it may not.
# Usage: check_includes.sh PROJECT_DIR
set -uo pipefail
root="${1:?project folder}"
declare -A allowed=(
  [base]=""
  [model]="base"
  [display]="base"
  [source]="base model"
  [resolve]="base model source"
  [style]="base model source resolve"
  [text]="base model style"
  [para]="base text"
  [page]="base model display style text para"
  [render]="base display"
  [svg]="base display"
  [engine]="base model display source resolve style text para page render svg"
  [cli]="base model display source resolve style text para page render svg engine"
)
status=0
for dir in "$root"/compose/*/; do
  stage=$(basename "$dir")
  if [[ -z "${allowed[$stage]+set}" ]]; then
    echo "compose/$stage: a folder this check does not know; add it to tests/arch/check_includes.sh in its place" >&2
    status=1
    continue
  fi
  while IFS=: read -r file line include; do
    used=$(sed -E 's#.*"compose/([a-z_]+)/.*#\1#' <<<"$include")
    [[ "$used" == "$stage" ]] && continue
    if [[ " ${allowed[$stage]} " != *" $used "* ]]; then
      echo "${file#"$root"/}:$line: compose/$stage includes compose/$used, a later stage (or one beside it)" >&2
      status=1
    fi
  done < <(grep -rnE '^#include "compose/[a-z_]+/' "$dir" --include='*.h' --include='*.cpp' | sed -E 's/^([^:]+):([0-9]+):/\1:\2:/')
done
# only render includes libharu
while IFS=: read -r file line _; do
  [[ "$file" == "$root"/compose/render/* ]] && continue
  echo "${file#"$root"/}:$line: only compose/render includes hpdf headers" >&2
  status=1
done < <(grep -rnE '^#include <hpdf' "$root"/compose --include='*.h' --include='*.cpp')
exit $status
