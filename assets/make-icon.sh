#!/usr/bin/env bash
# make-icon.sh — draws assets/icon.png (512×512): the character 起 in white,
# in the embedded bold CJK face, on a deep red rounded square with a thin
# lighter rim, on a transparent background. Needs ImageMagick (convert).
# Metadata (dates) is stripped so the same inputs give the same file.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 512x512 xc:none \
  -fill '#A31F24' -stroke '#C8464A' -strokewidth 6 \
  -draw 'roundrectangle 24,24 487,487 96,96' \
  -stroke none -fill white \
  -font fonts/NotoSansSC-Qicao-Bold.otf -pointsize 330 \
  -gravity center -annotate +0+10 '起' \
  -depth 8 -strip -define png:exclude-chunks=date,time \
  icon.png
echo "wrote $(pwd)/icon.png" >&2
