#!/usr/bin/env bash
# Renders the hicolor PNGs from the SVG icon (needs rsvg-convert, Debian's librsvg2-bin). The PNGs are
# committed so that building the package needs no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")/icons"
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" dev.ballast.Ballast.svg -o "hicolor/${size}x${size}/apps/dev.ballast.Ballast.png"
done
