#!/usr/bin/env bash
# The output file: created with the umask's mode, a replaced file's mode kept, the temporary file
# of a run killed while writing removed by the next run; and the command's refusals of a data
# folder that is not one and of a layout name no file system takes (status 2, never an exception).
set -u
compose=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source_dir/examples/cross-references/"* "$work/" 2>/dev/null
report=$work/report.xml
[ -f "$report" ] || { echo "FAIL: no example report to render"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }
mode() { stat -c %a "$1"; }

(umask 077; "$compose" render "$report" -o "$work/private.pdf" > /dev/null 2>&1) || fail "render with umask 077"
[ "$(mode "$work/private.pdf")" = 600 ] || fail "umask 077 gave mode $(mode "$work/private.pdf"), not 600"
(umask 022; "$compose" render "$report" -o "$work/public.pdf" > /dev/null 2>&1) || fail "render with umask 022"
[ "$(mode "$work/public.pdf")" = 644 ] || fail "umask 022 gave mode $(mode "$work/public.pdf"), not 644"

chmod 640 "$work/public.pdf"
(umask 022; "$compose" render "$report" -o "$work/public.pdf" > /dev/null 2>&1) || fail "render over an existing PDF"
[ "$(mode "$work/public.pdf")" = 640 ] || fail "the replaced PDF's mode became $(mode "$work/public.pdf"), not 640"

# what a run killed between writing and renaming leaves: a whole, hidden, unlocked temporary file
printf '%%PDF-1.4 left by a killed run\n' > "$work/.public.pdf.Ab12Cd"
: > "$work/.public.pdf.Ef34Gh"  # empty: perhaps a run that has just created it; left alone
"$compose" render "$report" -o "$work/public.pdf" > /dev/null 2>&1 || fail "render after a killed run"
[ ! -e "$work/.public.pdf.Ab12Cd" ] || fail "the killed run's temporary file is still there"
[ -e "$work/.public.pdf.Ef34Gh" ] || fail "an empty temporary file (a run just starting) was removed"
[ "$(ls -A "$work" | grep '^\.public\.pdf\.')" = .public.pdf.Ef34Gh ] || fail "render left a temporary file of its own"

status=0
COMPOSE_DATA_DIR=$work/nowhere "$compose" check "$report" > /dev/null 2> "$work/err" || status=$?
[ "$status" = 2 ] && grep -q "COMPOSE_DATA_DIR='$work/nowhere' names no folder holding layouts/" "$work/err" ||
  fail "a missing COMPOSE_DATA_DIR gave status $status: $(cat "$work/err")"
status=0
"$compose" render "$report" --layout "$(printf 'a%.0s' $(seq 300))" -o "$work/x.pdf" > /dev/null 2> "$work/err" || status=$?
[ "$status" = 2 ] && grep -q "a layout's name has at most 100" "$work/err" ||
  fail "a 300-byte --layout gave status $status: $(cat "$work/err")"
echo "ok: output files and command-line refusals"
