#!/usr/bin/env bash
# compose watch: the PDF follows the files it is made from, a broken edit keeps the last good PDF,
# and Ctrl-C (SIGINT) stops it cleanly.
#   watch.sh COMPOSE WORK_DIR
set -uo pipefail
compose=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"
# waits up to 20 s for a command to succeed
until_true() { for _ in $(seq 100); do "$@" && return 0; sleep 0.2; done; return 1; }
pdf_has() { pdftotext "$work/report.pdf" - 2>/dev/null | grep -q -F "$1"; }
log_count() { grep -c -F "$1" "$work/log.txt"; }

"$compose" new "$work/rep" --from 2015-03-10 >/dev/null || { echo "FAIL: compose new" >&2; exit 1; }
printf 'name,organization,email\nAna Dulce,Comisión Nacional,ana@x.org\n' >"$work/rep/participants.csv"

"$compose" watch "$work/rep/report.xml" -o "$work/report.pdf" >"$work/log.txt" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT

until_true pdf_has "Ana Dulce" || fail "the first render did not happen"
# the data changes: the annex follows
printf 'name,organization,email\nAna Dulce,Comisión Nacional,ana@x.org\nBruno Zed,Saferworld,\n' >"$work/rep/participants.csv"
until_true pdf_has "Bruno Zed" || fail "a new participant did not reach the PDF"
# a broken edit: located error in the log, the last good PDF stays
good=$(sha256sum <"$work/report.pdf")
sed -i 's|\[A finding, in one sentence.\]|A finding <em>unclosed.|' "$work/rep/report.xml"
until_true grep -q 'error: malformed XML' "$work/log.txt" || fail "a broken source gave no error"
grep -q -E "report\.xml:[0-9]+:[0-9]+: error: malformed XML" "$work/log.txt" || fail "the error is not located"
[[ "$(sha256sum <"$work/report.pdf")" == "$good" ]] || fail "a broken edit changed the PDF"
# fixed again: rendered again
sed -i 's|A finding <em>unclosed.|The finding, fixed.|' "$work/rep/report.xml"
until_true pdf_has "The finding, fixed." || fail "the fixed source was not rendered"

kill -INT $pid
for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then fail "compose watch did not stop on SIGINT"; kill -9 $pid; fi
wait $pid
status=$?
(( status == 0 )) || fail "compose watch exited $status after SIGINT"
(( $(log_count "pages in") >= 3 )) || fail "fewer than three renders logged: $(cat "$work/log.txt")"
find "$work" -name '.report.pdf.*' | grep -q . && fail "a temporary file was left behind"
check_readers "$work/report.pdf" "$work/readers"

(( failures == 0 )) && echo "ok: compose watch"
exit $((failures > 0))
