#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots from the sample image, in a real X server (Xvfb).
# usage: docs/make-screenshots.sh [BUILD_DIR]   (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/dev}/bin/ballast
sample=resources/sample/sample.oci-gzip.tar
shoot() { xvfb-run -a -s "-screen 0 1920x1200x24" "$bin" --screenshot "$@"; }
shoot docs/screenshots/main-window.png --layer 6 --mode changes "$sample"
shoot docs/screenshots/main-window-aggregated.png "$sample"
echo "wrote docs/screenshots/*.png"
