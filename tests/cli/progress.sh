#!/usr/bin/env bash
# The progress line of a long render (compose/cli/progress.h): on a terminal, "compose: N pages
# laid out" rewritten in place with carriage returns and erased before anything else is printed;
# never when stderr is not a terminal. COMPOSE_PROGRESS_AFTER_MS (for this test only) replaces the
# 2 s a render must last before the line shows, so the 13-page report is enough; the terminal is
# script(1)'s (util-linux).
#   progress.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
report=$project/sources/mexico-2014/report.xml

# not a terminal: nothing but the usual line, whatever the wait
COMPOSE_PROGRESS_AFTER_MS=0 "$compose" render "$report" -o piped.pdf > piped.out 2> piped.err ||
  fail "render failed: $(cat piped.err)"
[[ -s piped.err ]] && fail "stderr is not a terminal, yet compose wrote to it: $(od -c piped.err | head -n 3)"
[[ $(cat piped.out) == "piped.pdf: 13 pages" ]] || fail "unexpected output: $(cat piped.out)"

if ! command -v script > /dev/null; then
  echo "SKIP: script (util-linux) is not installed; the terminal case is not tested"
  exit $status
fi
# script -c runs the command in a pseudo-terminal; what it shows goes to script's stdout
COMPOSE_PROGRESS_AFTER_MS=0 script -qec "$compose render $report -o tty.pdf" /dev/null > tty.raw 2>&1 ||
  fail "render on a terminal failed: $(cat tty.raw)"
COMPOSE_PROGRESS_AFTER_MS=600000 script -qec "$compose render $report -o quick.pdf" /dev/null > quick.raw 2>&1 ||
  fail "render on a terminal failed: $(cat quick.raw)"
python3 - tty.raw quick.raw <<'PY' || status=1
import re, sys
tty = open(sys.argv[1], 'rb').read()
quick = open(sys.argv[2], 'rb').read()
ok = True
def fail(message):
    global ok
    print('FAIL:', message, repr(tty[:300]), file=sys.stderr)
    ok = False
counts = [int(n) for n in re.findall(rb'\rcompose: (\d+) pages? laid out', tty)]
if not counts or counts[0] != 1:
    fail('the progress line did not show the first page')
if counts != sorted(counts) or (counts and counts[-1] > 13):
    fail(f'the counts are not increasing up to 13 at most: {counts}')
last = tty.rfind(b' laid out')
erase = tty.find(b'\r\x1b[K', last)
done = tty.find(b'tty.pdf: 13 pages')
if erase < 0 or done < 0 or not (last < erase < done):
    fail('the progress line was not erased before the result was printed')
if b'\n' in tty[:max(last, 0)]:
    fail('the progress line is more than one line')
if b'laid out' in quick:
    print('FAIL: the progress line showed before the wait was over:', repr(quick), file=sys.stderr)
    ok = False
if b'quick.pdf: 13 pages' not in quick:
    print('FAIL: unexpected output:', repr(quick), file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
PY
((status == 0)) && echo "ok: progress line on a terminal only, after the wait, erased at the end"
exit $status
