#!/usr/bin/env bash
# Small labelled placeholder photos for the figures example (needs ghostscript).
# Run from this folder to remake them; the PNGs are committed.
set -euo pipefail
for n in 1 2; do
  gs -q -dSAFER -dNOPAUSE -dBATCH -sDEVICE=png16m -r72 -g320x180 -sOutputFile="photo-$n.png" - <<PS
<< /PageSize [320 180] >> setpagedevice
0.86 0.87 0.88 setrgbcolor 0 0 320 180 rectfill
0.55 0.56 0.58 setrgbcolor 3 setlinewidth 1.5 1.5 317 177 rectstroke
0.45 0.46 0.48 setrgbcolor 1.5 setlinewidth 0 0 moveto 320 180 lineto 0 180 moveto 320 0 lineto stroke
0.86 0.87 0.88 setrgbcolor 95 70 130 40 rectfill
0.2 0.2 0.22 setrgbcolor
/Helvetica-Bold findfont 20 scalefont setfont
(PHOTO $n) dup stringwidth pop 320 exch sub 2 div 83 moveto show
showpage
PS
done
