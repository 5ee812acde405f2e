#!/usr/bin/env bash
# What a source may read: data and images beside it or below it; with --root FOLDER, anywhere
# inside FOLDER (photos shared by several reports); never through a link leading out.
#   root-folder.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work/reports/cape-town" "$work/reports/shared"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
source "$(dirname "$0")/readers.sh"

cp "$project/sources/mexico-2014/photos/photo-1.jpg" "$work/reports/shared/group.jpg"
cat >"$work/reports/cape-town/report.xml" <<'XML'
<report xml:lang="en">
  <meta><title>Shared photo</title></meta>
  <section id="s">
    <p>A photo kept beside several reports.</p>
    <figure id="f" src="../shared/group.jpg"><caption>The participants</caption></figure>
  </section>
</report>
XML
source=$work/reports/cape-town/report.xml

"$compose" render "$source" -o "$work/a.pdf" >/dev/null 2>"$work/err.txt" && fail "an image outside the source's folder was read"
grep -q -F "$source:5:5: error: image '../shared/group.jpg' is outside the source's folder" "$work/err.txt" ||
  fail "no located error for the image outside: $(cat "$work/err.txt")"

"$compose" render "$source" --root "$work/reports" -o "$work/b.pdf" >/dev/null 2>"$work/err.txt" ||
  fail "--root did not allow the shared photo: $(cat "$work/err.txt")"
[[ "$(pdfimages -list "$work/b.pdf" | tail -n +3 | wc -l)" == 1 ]] || fail "the shared photo is not in the PDF"
check_readers "$work/b.pdf" "$work/readers-b"

"$compose" render "$source" --root "$work/reports/cape-town" -o "$work/c.pdf" >/dev/null 2>"$work/err.txt" &&
  fail "--root of the source's own folder allowed a photo outside it"
grep -q -F "is outside the --root folder" "$work/err.txt" || fail "the error does not name --root: $(cat "$work/err.txt")"

"$compose" check "$source" --root "$work/no-such-folder" >/dev/null 2>"$work/err.txt" && fail "a missing --root folder was accepted"
grep -q -F "$work/no-such-folder: error: --root names no folder" "$work/err.txt" || fail "missing --root: $(cat "$work/err.txt")"

"$compose" check "$source" --root "$work/reports/shared" >/dev/null 2>"$work/err.txt" && fail "a source outside --root was accepted"
grep -q -F "$source: error: is outside the --root folder" "$work/err.txt" || fail "source outside --root: $(cat "$work/err.txt")"

# a link inside the root that leads out of it is refused like the path it leads to
ln -s /etc/passwd "$work/reports/shared/passwd.jpg"
sed 's|../shared/group.jpg|../shared/passwd.jpg|' "$source" >"$work/reports/cape-town/link.xml"
"$compose" check "$work/reports/cape-town/link.xml" --root "$work/reports" >/dev/null 2>"$work/err.txt" &&
  fail "a link to /etc/passwd was followed"
grep -q -F "image '../shared/passwd.jpg' is outside the --root folder" "$work/err.txt" || fail "link out: $(cat "$work/err.txt")"

(( failures == 0 )) && echo "ok: --root"
exit $((failures > 0))
