#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 or 13 machine and opens the bundled sample image in Ballast.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
exec ./build/release/bin/ballast "${@:-resources/sample/sample.oci-gzip.tar}"
