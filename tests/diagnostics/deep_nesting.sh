#!/usr/bin/env bash
# Nesting as deep as the depth limit can be raised (base::kMaxDepth, 500) renders without
# exhausting the usual 8 MB stack, in the sanitizer build too; beyond it the limit is refused.
set -u
compose=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/report.xml" <<'PY'
import sys
depth = 500 - 4  # report, section, p, then the nested <em>s
inner = "<em>" * depth + "deep" + "</em>" * depth
open(sys.argv[1], "w").write('<report xml:lang="en"><meta><title>Deep</title></meta>'
                             '<section id="a"><p>' + inner + '</p></section></report>\n')
PY
status=0
(ulimit -s 8192; "$compose" render "$work/report.xml" --limit depth=500 -o "$work/out.pdf") > "$work/out" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: nesting 500 deep with --limit depth=500 exited $status"; cat "$work/out"; exit 1
fi
status=0
"$compose" check "$work/report.xml" --limit depth=501 > "$work/out" 2>&1 || status=$?
if [ "$status" -ne 2 ] || ! grep -q "limit depth goes up to 500" "$work/out"; then
  echo "FAIL: --limit depth=501 was not refused (status $status)"; cat "$work/out"; exit 1
fi
echo "ok: deep nesting"
