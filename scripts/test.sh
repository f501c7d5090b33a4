#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 or 13 machine and runs every test: packages, a build with the
# `dev` preset (warnings are errors) and the whole CTest suite; then the same suite built with clang
# under AddressSanitizer + UndefinedBehaviorSanitizer and a one-minute fuzzing run per libFuzzer
# target (scripts/sanitize.sh). BALLAST_QUICK=1 stops after the dev suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev --output-on-failure
[ "${BALLAST_QUICK:-0}" = 1 ] && exit 0
./scripts/sanitize.sh
