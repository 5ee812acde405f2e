#!/usr/bin/env bash
# Golden dump of one example: compares `compose dump --stage STAGE` (lines or pages) with the
# reviewed expectation, printing a unified diff when they differ.
#   golden.sh COMPOSE SOURCE_ROOT EXAMPLE_NAME STAGE EXPECTED_FILE
# With COMPOSE_UPDATE_GOLDEN=1 in the environment it rewrites the expectation instead
# (`COMPOSE_UPDATE_GOLDEN=1 ctest -R golden`); the rewritten file is then reviewed in the diff
# of the commit like code.
set -uo pipefail
compose=$1 root=$2 name=$3 stage=$4 expected=$5
max_bytes=20480  # keep golden files small: a longer example belongs in e2e, not here

cd "$root" || exit 2
actual=$(mktemp) && trap 'rm -f "$actual" "$actual.err"' EXIT
# run from the source root with a relative path, so nothing in the dump depends on the checkout
# an example may name the options it is made with (examples/NAME/options: --edition parallel)
options=()
[[ -f "examples/$name/options" ]] && read -r -a options <"examples/$name/options"
if ! "$compose" dump --stage "$stage" "examples/$name/report.xml" "${options[@]}" >"$actual" 2>"$actual.err"; then
  cat "$actual.err" >&2
  echo "FAIL: compose dump failed for examples/$name" >&2
  exit 1
fi
if [[ -s "$actual.err" ]]; then
  cat "$actual.err" >&2
  echo "FAIL: compose dump printed diagnostics for examples/$name" >&2
  exit 1
fi
size=$(wc -c <"$actual")
if ((size > max_bytes)); then
  echo "FAIL: the dump of examples/$name is $size bytes (over $max_bytes): shorten the example" >&2
  exit 1
fi

if [[ "${COMPOSE_UPDATE_GOLDEN:-}" == 1 ]]; then
  if [[ -f "$expected" ]] && cmp -s "$actual" "$expected"; then
    echo "unchanged: $expected"
  else
    cat "$actual" >"$expected" && echo "updated: $expected"
  fi
  exit 0
fi

if [[ ! -f "$expected" ]]; then
  echo "FAIL: no expectation $expected; make it with COMPOSE_UPDATE_GOLDEN=1 ctest -R 'golden: $name' and review it" >&2
  exit 1
fi
if ! diff -u --label "expected: tests/golden/$name.$stage.expected" --label "actual: compose dump --stage $stage examples/$name/report.xml" \
     "$expected" "$actual"; then
  echo "FAIL: the $stage dump of examples/$name changed; if the change is intended, rerun with COMPOSE_UPDATE_GOLDEN=1 and review the diff" >&2
  exit 1
fi
echo "examples/$name: $stage dump matches ($size bytes)"
