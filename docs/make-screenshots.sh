#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots from the sample image, in a real X server (Xvfb).
# usage: docs/make-screenshots.sh [BUILD_DIR]   (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/dev}/bin/ballast
sample=resources/sample/sample.oci-gzip.tar
# A settings directory of its own: no recent files or theme of the user's leak into the pictures.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME
other=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME" "$other"' EXIT
shoot() { xvfb-run -a -s "-screen 0 1920x1200x24" "$bin" --screenshot "$@"; }
shoot docs/screenshots/main-window.png --layer 6 --mode changes "$sample"
shoot docs/screenshots/main-window-aggregated.png "$sample"
shoot docs/screenshots/dockerfile.png --view dockerfile --layer 5 "$sample"
shoot docs/screenshots/treemap.png --view treemap "$sample"
# A Dockerfile that did not build the sample: the pane says so instead of mapping it.
printf '%s\n' 'FROM debian:12-slim' 'RUN apt-get update && apt-get install -y curl' 'COPY . /app' 'CMD ["/app/run"]' \
  > "$other/Dockerfile"
shoot docs/screenshots/dockerfile-mismatch.png --view dockerfile --dockerfile "$other/Dockerfile" "$sample"
shoot docs/screenshots/findings.png --view findings "$sample"
# For the manual (docs/manual): the dark theme, and a failed load (ballast exits 1 then, after saving).
shoot docs/screenshots/treemap-dark.png --theme dark --view treemap "$sample"
rm -f docs/screenshots/load-error.png
shoot docs/screenshots/load-error.png README.md || [ -s docs/screenshots/load-error.png ]
# The classic before/after of image slimming, from benchmarks/images/build.sh, when it has been run.
images=${BALLAST_IMAGES:-$HOME/.cache/ballast-images}
if [ -f "$images/go-naive.oci-gzip.tar" ] && [ -f "$images/go-multistage.docker.tar" ]; then
  shoot docs/screenshots/compare.png "$images/go-naive.oci-gzip.tar" "$images/go-multistage.docker.tar"
  # Bytes per package: the sample has no package database; the naive Go image is Debian with apt.
  shoot docs/screenshots/packages.png --view packages "$images/go-naive.oci-gzip.tar"
fi
echo "wrote docs/screenshots/*.png"
