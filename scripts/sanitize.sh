#!/usr/bin/env bash
# The sanitizer job: builds everything with clang under AddressSanitizer + UndefinedBehaviorSanitizer
# (the `fuzz` preset, which also links the libFuzzer targets), runs the whole test suite under the
# sanitizers, then fuzzes each target for a short while (BALLAST_FUZZ_SECONDS, default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset fuzz
cmake --build --preset fuzz
# Leak checking stays on; halt at the first UBSan report so that it fails the test.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --preset fuzz --output-on-failure -j2
./scripts/fuzz.sh "${BALLAST_FUZZ_SECONDS:-60}"
