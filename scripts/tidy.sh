#!/usr/bin/env bash
# Runs clang-tidy with the committed .clang-tidy over the sources of core/, ui/ and app/, using the dev
# build's compile_commands.json (configured first if missing). Fails on any finding. A finding that is
# wrong for this code is silenced where it occurs with `// NOLINT(check): reason`.
# usage: scripts/tidy.sh [FILE…]   (default: every .cpp of core/, ui/ and app/)
set -euo pipefail
cd "$(dirname "$0")/.."
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[ -n "$tidy" ] || { echo "tidy.sh: clang-tidy is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
[ -f build/dev/compile_commands.json ] || cmake --preset dev >/dev/null
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files 'core/*.cpp' 'ui/*.cpp' 'app/*.cpp')
fi
# Qt's moc output must exist for the ui/ sources' includes.
cmake --build build/dev --target ballast_ui_autogen ballast_core >/dev/null
printf '%s\0' "${files[@]}" | xargs -0 -n 8 -P "$(nproc)" "$tidy" -p build/dev --quiet 2>/dev/null
echo "tidy.sh: ${#files[@]} files clean"
