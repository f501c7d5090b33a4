#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and runs every test: packages, a build with the
# `dev` preset (warnings are errors), then the whole CTest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev --output-on-failure
