#!/usr/bin/env bash
# The printed report's photos are not available: these labelled placeholders stand in for them (JPEG: embedded without re-encoding).
# Run from this folder to remake them (needs ghostscript); the JPEGs are committed.
set -euo pipefail
for n in 1 2 3 4 5 6 7; do
  gs -q -dSAFER -dNOPAUSE -dBATCH -sDEVICE=jpeg -dJPEGQ=85 -r72 -g960x540 -sOutputFile="photo-$n.jpg" - <<PS
<< /PageSize [960 540] >> setpagedevice
0.86 0.87 0.88 setrgbcolor 0 0 960 540 rectfill
0.55 0.56 0.58 setrgbcolor 6 setlinewidth 3 3 954 534 rectstroke
0.45 0.46 0.48 setrgbcolor 3 setlinewidth 0 0 moveto 960 540 lineto 0 540 moveto 960 0 lineto stroke
0.86 0.87 0.88 setrgbcolor 250 215 460 110 rectfill
0.2 0.2 0.22 setrgbcolor
/Helvetica-Bold findfont 44 scalefont setfont
(PHOTO $n) dup stringwidth pop 960 exch sub 2 div 285 moveto show
/Helvetica findfont 24 scalefont setfont
(placeholder: the original photo is not available) dup stringwidth pop 960 exch sub 2 div 240 moveto show
showpage
PS
done
