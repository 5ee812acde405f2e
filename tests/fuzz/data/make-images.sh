#!/usr/bin/env bash
# Tiny images for the fuzz targets' source folder (a fuzzed source names photos/photo-N.jpg and
# .png files, as the seeds do). Run from this folder to remake them (needs ghostscript).
set -euo pipefail
mkdir -p photos
draw() {
  gs -q -dSAFER -dNOPAUSE -dBATCH -sDEVICE="$1" -r72 -g64x36 -sOutputFile="$2" - <<'PS'
<< /PageSize [64 36] >> setpagedevice
0.86 0.87 0.88 setrgbcolor 0 0 64 36 rectfill
0.45 0.46 0.48 setrgbcolor 2 setlinewidth 0 0 moveto 64 36 lineto 0 36 moveto 64 0 lineto stroke
showpage
PS
}
for n in 1 2 3 4 5 6 7; do draw jpeg "photos/photo-$n.jpg"; done
for n in 1 2; do draw png16m "photos/photo-$n.png"; done
draw png16m photo.png
draw png16m room.png
draw jpeg photo.jpg
