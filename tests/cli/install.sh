#!/usr/bin/env bash
# `cmake --install` into a fresh prefix: the command, layouts, fonts and man page are there; the
# prefix is moved elsewhere (so nothing can come from the build or the project by a remembered
# path) and the installed command renders the bundled report in English and Spanish, reading the
# layouts and fonts installed with it, as its depfile shows. Then examples/embed is configured
# with find_package(compose) against the moved prefix, built, and typesets the report itself.
#   install.sh BUILD_DIR PROJECT_DIR WORK_DIR
set -uo pipefail
build=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" || { cat "$work/install.log"; exit 1; }
for f in bin/compose share/compose/layouts/a4.xml share/compose/layouts/dialogues.xml \
         share/compose/fonts/noto-serif/OFL.txt share/compose/cmake/ComposeRender.cmake share/man/man1/compose.1; do
  [[ -f $work/prefix/$f ]] || fail "$f is not installed"
done
for f in lib/libcompose_engine.a lib/libcompose_page.a lib/cmake/compose/composeConfig.cmake \
         lib/cmake/compose/composeConfigVersion.cmake lib/cmake/compose/composeTargets.cmake \
         include/compose/engine/typeset.h include/compose/engine/pdf_backend.h; do
  [[ -f $work/prefix/$f ]] || fail "$f is not installed"
done
[[ -e $work/prefix/include/compose/cli ]] && fail "the command's own headers are installed"
[[ $(find "$work/prefix/share/compose/fonts" -name '*.ttf' | wc -l) == $(find "$project/fonts" -name '*.ttf' | wc -l) ]] ||
  fail "not every font is installed"

# moved out of the build and the project, so that no path into either can go unnoticed
moved=$(mktemp -d)
trap 'rm -rf "$moved"' EXIT
mv "$work/prefix" "$moved/prefix"
prefix=$moved/prefix
unset COMPOSE_DATA_DIR
cp -r "$project/sources/mexico-2014" "$work/mexico-2014"
cd "$work" || exit 1
for lang in en es; do
  "$prefix/bin/compose" render mexico-2014/report.xml --lang $lang -o mexico-$lang.pdf --depfile mexico-$lang.d \
    > render.out 2> render.err || { fail "the installed compose failed to render ($lang)"; cat render.err >&2; }
  grep -q "^mexico-$lang.pdf: 1[0-9] pages$" render.out || fail "unexpected render output: $(cat render.out)"
  head -c 5 mexico-$lang.pdf | grep -q '%PDF-' || fail "mexico-$lang.pdf is not a PDF"
done
grep -q "^  $prefix/share/compose/layouts/dialogues.xml" mexico-en.d || fail "the layouts were not read from the prefix"
grep -q "^  $prefix/share/compose/fonts/" mexico-en.d || fail "the fonts were not read from the prefix"
grep -q "$project" mexico-en.d && fail "the installed compose read files of the project: $(grep "$project" mexico-en.d | head -n1)"
# COMPOSE_DATA_DIR still comes first
COMPOSE_DATA_DIR=$project "$prefix/bin/compose" render mexico-2014/report.xml -o env.pdf --depfile env.d > /dev/null 2>&1 ||
  fail "the installed compose failed to render with COMPOSE_DATA_DIR"
grep -q "^  $project/layouts/dialogues.xml" env.d || fail "COMPOSE_DATA_DIR did not name the layouts' folder"

# the man page: every option of --help, and well-formed for man(7) when groff is there to say so
man=$prefix/share/man/man1/compose.1
for option in $("$prefix/bin/compose" --help | grep -o -- '--[a-z-]*' | sort -u); do
  grep -q -- "${option//-/\\\\-}" "$man" || fail "compose.1 does not mention $option"
done
grep -q '^\.SH EXIT STATUS' "$man" || fail "compose.1 has no EXIT STATUS"
if command -v groff > /dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$man" 2>&1)  # the device man uses in a UTF-8 terminal
  [[ -z $warnings ]] || fail "groff warns about compose.1: $warnings"
else
  echo "SKIP: groff is not installed; compose.1 not checked with it"
fi

# the engine as a library: examples/embed found by find_package(compose) in the moved prefix
embed_build=$work/embed-build
if cmake -S "$project/examples/embed" -B "$embed_build" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_PREFIX_PATH="$prefix" > embed-configure.log 2>&1; then
  if nice cmake --build "$embed_build" -j2 > embed-build.log 2>&1; then
    grep -q "$project/compose" "$embed_build/compile_commands.json" "$embed_build"/CMakeFiles/embed.dir/flags.make 2>/dev/null &&
      fail "embed was compiled with the project's headers, not the prefix's"
    grep -q -- "-I$prefix/include\|-isystem $prefix/include" "$embed_build"/CMakeFiles/embed.dir/flags.make ||
      fail "embed was not compiled with the prefix's headers: $(grep CXX_INCLUDES "$embed_build"/CMakeFiles/embed.dir/flags.make)"
    "$embed_build/embed" mexico-2014/report.xml embed.pdf > embed.out 2> embed.err ||
      { fail "embed failed to typeset the report"; cat embed.err >&2; }
    grep -q "^embed.pdf: 13 pages$" embed.out || fail "unexpected embed output: $(cat embed.out)"
    if command -v pdfinfo > /dev/null; then
      pages=$(pdfinfo embed.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
      [[ $pages == 13 ]] || fail "embed.pdf has ${pages:-no} pages (pdfinfo), not 13"
    else
      fail "pdfinfo (poppler-utils) is not installed"
    fi
  else
    fail "examples/embed did not build against the prefix"; tail -n 30 embed-build.log >&2
  fi
else
  fail "examples/embed did not configure against the prefix"; cat embed-configure.log >&2
fi

((status == 0)) && echo "ok: installed, moved, rendered from the prefix; examples/embed built against it"
exit $status
