# Sourced by the end-to-end scripts: check_readers PDF WORK_DIR checks one PDF with qpdf --check,
# then has poppler (pdftoppm), mupdf (mutool draw) and ghostscript render every page, with nothing
# at all on their output streams. Each problem goes to the caller's fail(); sets $readers_pages.
check_readers() {
  local pdf=$1 dir=$2
  mkdir -p "$dir/poppler" "$dir/mupdf"
  if ! qpdf --check "$pdf" >"$dir/qpdf.out" 2>&1; then
    fail "qpdf --check failed on $pdf:"; cat "$dir/qpdf.out" >&2
  fi
  local pages
  pages=$(qpdf --show-npages "$pdf" 2>/dev/null)
  [[ "$pages" =~ ^[1-9][0-9]*$ ]] || { fail "qpdf cannot count the pages of $pdf ('$pages')"; pages=0; }
  readers_pages=$pages

  if ! pdftoppm -r 20 "$pdf" "$dir/poppler/page" 2>"$dir/poppler.err"; then fail "pdftoppm exited non-zero on $pdf"; fi
  [[ -s "$dir/poppler.err" ]] && { fail "pdftoppm wrote to stderr on $pdf:"; cat "$dir/poppler.err" >&2; }
  local made
  made=$(find "$dir/poppler" -name 'page*' | wc -l)
  ((made == pages)) || fail "pdftoppm rendered $made of $pages pages of $pdf"

  if ! mutool draw -q -r 20 -o "$dir/mupdf/page-%d.png" "$pdf" 2>"$dir/mupdf.err.all"; then
    fail "mutool draw exited non-zero on $pdf"
  fi
  # Debian's mupdf-tools is built without lcms2 and prints this line for every document,
  # whatever the document holds; it is the only line ignored, matched whole.
  grep -v -x 'warning: ICC support is not available' "$dir/mupdf.err.all" >"$dir/mupdf.err" || true
  [[ -s "$dir/mupdf.err" ]] && { fail "mutool draw wrote to stderr on $pdf:"; cat "$dir/mupdf.err" >&2; }
  made=$(find "$dir/mupdf" -name 'page-*' | wc -l)
  ((made == pages)) || fail "mutool draw rendered $made of $pages pages of $pdf"

  # ghostscript reports many PDF problems on stdout ("**** Error: ...") and still exits 0, so
  # both streams must be empty.
  if ! gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$pdf" >"$dir/gs.out" 2>&1; then fail "gs exited non-zero on $pdf"; fi
  [[ -s "$dir/gs.out" ]] && { fail "ghostscript printed, on $pdf:"; cat "$dir/gs.out" >&2; }
  return 0
}
