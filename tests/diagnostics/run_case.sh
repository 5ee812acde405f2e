#!/usr/bin/env bash
# One broken input: `compose check` must fail with exactly the diagnostics in expected.txt (as
# printed: file:line:col and message, the quoted source line and caret, notes, the summary), its
# JSON form must say the same with a code for each, and `compose render` must fail without
# touching an existing PDF.
set -u
compose=$1
case_dir=$2
cd "$case_dir" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A case may bring its own (broken) layouts/ or fonts/: they stand in for the project's in a data
# folder made for the run, whose paths are printed relative to it (layouts/x.xml:3:3: ...).
data=""
if [ -d layouts ] || [ -d fonts ]; then
  data=$work/data
  mkdir -p "$data/layouts"
  cp "${COMPOSE_DATA_DIR:?}"/layouts/*.xml "$data/layouts/"
  if [ -d layouts ]; then cp layouts/*.xml "$data/layouts/"; fi
  if [ -d fonts ]; then cp -r fonts "$data/fonts"; else ln -s "$COMPOSE_DATA_DIR/fonts" "$data/fonts"; fi
  export COMPOSE_DATA_DIR=$data
fi

compose_check_status=0
"$compose" check report.xml > "$work/check.out" 2> "$work/check.err" || compose_check_status=$?
if [ "$compose_check_status" -eq 0 ]; then
  echo "FAIL: compose check exited 0 on a broken input"; cat "$work/check.err"; exit 1
fi
if [ "$compose_check_status" -ge 128 ]; then
  echo "FAIL: compose check crashed (status $compose_check_status)"; exit 1
fi
if [ -n "$data" ]; then sed -i "s|$data/||g" "$work/check.err"; fi
# COMPOSE_UPDATE_DIAGNOSTICS=1 ctest -R diagnostics writes the expectations; review the diff
if [ "${COMPOSE_UPDATE_DIAGNOSTICS:-}" = 1 ]; then cp "$work/check.err" expected.txt; fi
if ! diff -u expected.txt "$work/check.err"; then
  echo "FAIL: diagnostics differ from expected.txt (above: - expected, + actual)"; exit 1
fi

# the same diagnostics as JSON: it parses, every one has a stable code, and the positions and
# messages are the text form's
"$compose" check report.xml --diagnostics-format json > /dev/null 2> "$work/check.json"
if [ -n "$data" ]; then sed -i "s|$data/||g" "$work/check.json"; fi
if ! python3 - "$work/check.json" "$work/check.err" <<'PY'
import json, sys
diags = json.load(open(sys.argv[1]))["diagnostics"]
text = [l.rstrip("\n") for l in open(sys.argv[2]) if not l.startswith(" ")]
for d in diags:
    assert d["code"] != "unclassified", "no code for: " + d["message"]
    where = d["file"] + (":%d:%d" % (d["line"], d["column"]) if d["line"] else "") + ": " if d["file"] else ""
    line = where + d["severity"] + ": " + "; ".join([d["message"]] + d["hints"])
    assert line in text, "the JSON's %r is not in the text form" % line
PY
then
  echo "FAIL: the JSON diagnostics do not match the text form, or lack a code"; cat "$work/check.json"; exit 1
fi

printf 'an existing PDF that a failed run must leave alone\n' > "$work/existing.pdf"
cp "$work/existing.pdf" "$work/before.pdf"
render_status=0
"$compose" render report.xml -o "$work/existing.pdf" > /dev/null 2>&1 || render_status=$?
if [ "$render_status" -eq 0 ] || [ "$render_status" -ge 128 ]; then
  echo "FAIL: compose render exited $render_status on a broken input"; exit 1
fi
if ! cmp -s "$work/before.pdf" "$work/existing.pdf"; then
  echo "FAIL: a failed render changed the existing output"; exit 1
fi
if ls -A "$work" | grep -q '^\.existing'; then
  echo "FAIL: a failed render left a temporary file behind"; exit 1
fi
echo "ok: $(basename "$case_dir")"
