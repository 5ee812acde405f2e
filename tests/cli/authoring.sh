#!/usr/bin/env bash
# Authoring bugs of issue 20, through the command: an empty mailto link shows the address without
# its scheme; compose watch renders once a photo the source names appears.
#   authoring.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

# --- <link href="mailto:…"/> shows the address; the link still goes to mailto:
cat > mail.xml <<'XML'
<report xml:lang="en" layout="a4">
  <meta><title>Mail</title></meta>
  <section id="s"><p>Write to <link href="mailto:ana@example.org?subject=Report"/> or <link href="https://example.org/x"/>.</p></section>
</report>
XML
"$compose" render mail.xml -o mail.pdf > /dev/null 2> err || { fail "render: $(cat err)"; }
pdftotext mail.pdf mail.txt
grep -q "Write to ana@example.org or https://example.org/x." mail.txt || fail "link texts: $(cat mail.txt)"
grep -q "mailto:" mail.txt && fail "the mailto scheme is printed"
qpdf --qdf --object-streams=disable mail.pdf mail.qdf
grep -q "mailto:ana@example.org?subject=Report" mail.qdf || fail "the link's address lost its scheme"

# --- compose watch notices a photo that appears after it started
cat > photo.xml <<'XML'
<report xml:lang="en" layout="a4">
  <meta><title>Photo</title></meta>
  <section id="s"><figure id="f" src="photos/later.png"><caption>Later.</caption></figure></section>
</report>
XML
"$compose" watch photo.xml -o photo.pdf > watch.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q "not found" watch.log && break; sleep 0.2; done
grep -q "error: image 'photos/later.png' not found" watch.log || fail "no error for the missing photo: $(cat watch.log)"
mkdir -p photos && cp "$project/examples/figures/photos/photo-1.png" photos/later.png
for _ in $(seq 100); do grep -q "photo.pdf: 1 page" watch.log && break; sleep 0.2; done
grep -q "photo.pdf: 1 page" watch.log || fail "the photo's arrival was not rendered: $(cat watch.log)"
kill -INT $pid
wait $pid || fail "compose watch exited $? after SIGINT"
trap - EXIT

((status == 0)) && echo "ok: mailto link text, watch follows a photo that appears"
exit $status
